package dev.mlpmaven.engine.data;

import java.io.IOException;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.mlpmaven.engine.data.DataMessages.*;

/**
 * Downloads one URL into a file with {@link HttpClient}: redirects (not https to http), a connect timeout, a read
 * timeout (for the response headers and between any two pieces of the body), retries with a doubling back-off on
 * 5xx, timeouts and cut connections, an optional proxy, and progress lines (bytes, percent, speed) at most every
 * {@link #PROGRESS_EVERY_NANOS}. The SHA-256 of the body is computed while it is written.
 */
final class Downloader {
    static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final String USER_AGENT = "mlp-maven (Java HttpClient)";

    private final HttpClient client;
    private final DataOptions options;
    private final DataListener listener;

    Downloader(DataOptions options, DataListener listener) {
        this.options = options;
        this.listener = listener;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(options.connectTimeout());
        ProxySettings proxy = options.proxy();
        if (proxy != null) {
            builder.proxy(new SettingsProxySelector(proxy));
            if (proxy.username() != null) {
                builder.authenticator(new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        if (getRequestorType() != RequestorType.PROXY) {
                            return null;
                        }
                        String password = proxy.password() == null ? "" : proxy.password();
                        return new PasswordAuthentication(proxy.username(), password.toCharArray());
                    }
                });
            }
        }
        this.client = builder.build();
    }

    /** The SHA-256 and length of what was downloaded. */
    record Result(String sha256, long bytes) {
    }

    /** A download that did not succeed; {@code reason} is user-facing. */
    static final class Failure extends Exception {
        final String reason;
        final boolean retryable;

        Failure(String reason, boolean retryable, Throwable cause) {
            super(reason, cause);
            this.reason = reason;
            this.retryable = retryable;
        }
    }

    /** Downloads {@code uri} into {@code target} (overwritten), retrying what is worth retrying. */
    Result download(URI uri, Path target) throws Failure {
        int attempts = options.retries() + 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(uri, target);
            } catch (Failure f) {
                if (!f.retryable || attempt >= attempts) {
                    throw f;
                }
                long waitMillis = options.retryBackoff().toMillis() << (attempt - 1);
                listener.warn(String.format(RETRYING, uri, f.reason, waitMillis, attempt + 1, attempts));
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new Failure("interrupted", false, e);
                }
            }
        }
    }

    private Result attempt(URI uri, Path target) throws Failure {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(options.readTimeout())
                .header("User-Agent", USER_AGENT)
                .GET()
                .build();
        FileBody body;
        try {
            body = new FileBody(target);
        } catch (IOException e) {
            throw new Failure(String.format(REASON_IO, e), false, e);
        }
        CompletableFuture<HttpResponse<Void>> future = client.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                body.closeQuietly();
                return HttpResponse.BodySubscribers.replacing(null);
            }
            body.contentLength = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
            return body;
        });
        long readTimeoutNanos = options.readTimeout().toNanos();
        long start = System.nanoTime();
        long lastReport = start;
        boolean announced = false;
        HttpResponse<Void> response;
        while (true) {
            try {
                response = future.get(100, TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException e) {
                if (!body.started) {
                    continue; // until the headers arrive, the request timeout applies
                }
                long now = System.nanoTime();
                if (!announced) {
                    listener.info(String.format(DOWNLOADING, uri, size(body.contentLength)));
                    announced = true;
                }
                if (now - body.lastActivity > readTimeoutNanos) {
                    body.cancel();
                    future.cancel(true);
                    throw new Failure(String.format(REASON_TIMEOUT, options.readTimeout().toMillis()), true, null);
                }
                if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                    lastReport = now;
                    listener.info(progress(uri, body.bytes, body.contentLength, now - start));
                }
            } catch (ExecutionException e) {
                body.closeQuietly();
                Throwable cause = e.getCause();
                if (cause instanceof HttpTimeoutException) {
                    throw new Failure(String.format(REASON_TIMEOUT, options.readTimeout().toMillis()), true, cause);
                }
                if (body.started && body.contentLength > 0 && body.bytes < body.contentLength) {
                    throw new Failure(String.format(REASON_CUT, body.bytes, body.contentLength), true, cause);
                }
                throw new Failure(String.format(REASON_IO, cause), true, cause);
            } catch (InterruptedException e) {
                body.cancel();
                future.cancel(true);
                Thread.currentThread().interrupt();
                throw new Failure("interrupted", false, e);
            }
        }
        int status = response.statusCode();
        if (status != 200) {
            boolean retryable = status >= 500 || status == 408 || status == 429;
            throw new Failure(String.format(REASON_HTTP, status), retryable, null);
        }
        if (body.contentLength >= 0 && body.bytes != body.contentLength) {
            throw new Failure(String.format(REASON_CUT, body.bytes, body.contentLength), true, null);
        }
        double seconds = Math.max(1e-9, (System.nanoTime() - start) / 1e9);
        if (!announced) {
            listener.info(String.format(DOWNLOADING, uri, size(body.contentLength)));
        }
        listener.info(String.format(Locale.ROOT, DOWNLOADED, uri, size(body.bytes), seconds,
                size((long) (body.bytes / seconds))));
        return new Result(IdxReader.hex(body.digest.digest()), body.bytes);
    }

    static String progress(URI uri, long bytes, long total, long elapsedNanos) {
        String name = uri.getPath().substring(uri.getPath().lastIndexOf('/') + 1);
        String percent = total > 0 ? String.format(Locale.ROOT, " (%d%%)", bytes * 100 / total) : "";
        double seconds = Math.max(1e-9, elapsedNanos / 1e9);
        return String.format(PROGRESS, name, size(bytes), total >= 0 ? size(total) : "?", percent,
                size((long) (bytes / seconds)));
    }

    static String size(long bytes) {
        if (bytes < 0) {
            return "size unknown";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** Writes the body to a file and hashes it; notes when bytes last arrived for the read timeout. */
    private static final class FileBody implements HttpResponse.BodySubscriber<Void> {
        final FileChannel channel;
        final MessageDigest digest = IdxReader.sha256();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        volatile Flow.Subscription subscription;
        volatile boolean started;
        volatile long lastActivity;
        volatile long bytes;
        volatile long contentLength = -1;

        FileBody(Path target) throws IOException {
            channel = FileChannel.open(target, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            lastActivity = System.nanoTime();
            started = true;
            s.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            try {
                long n = 0;
                for (ByteBuffer b : items) {
                    digest.update(b.duplicate());
                    n += b.remaining();
                    while (b.hasRemaining()) {
                        channel.write(b);
                    }
                }
                bytes += n;
                lastActivity = System.nanoTime();
                subscription.request(1);
            } catch (IOException e) {
                subscription.cancel();
                closeQuietly();
                done.completeExceptionally(e);
            }
        }

        @Override
        public void onError(Throwable t) {
            closeQuietly();
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            try {
                channel.force(false);
                channel.close();
                done.complete(null);
            } catch (IOException e) {
                done.completeExceptionally(e);
            }
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        void cancel() {
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
            closeQuietly();
            done.completeExceptionally(new IOException("cancelled"));
        }

        void closeQuietly() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to do with a file being discarded
            }
        }
    }

    /** Routes through the proxy except for the hosts in nonProxyHosts. */
    private static final class SettingsProxySelector extends ProxySelector {
        private final ProxySettings proxy;

        SettingsProxySelector(ProxySettings proxy) {
            this.proxy = proxy;
        }

        @Override
        public List<Proxy> select(URI uri) {
            if (uri.getHost() != null && proxy.bypasses(uri.getHost())) {
                return List.of(Proxy.NO_PROXY);
            }
            return List.of(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(proxy.host(), proxy.port())));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // the download reports the failure itself
        }
    }
}

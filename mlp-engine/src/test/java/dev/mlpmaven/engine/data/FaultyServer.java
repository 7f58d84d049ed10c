package dev.mlpmaven.engine.data;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's com.sun.net.httpserver, port chosen by the system) that serves
 * files and injects faults, one queued fault per request of a path.
 */
final class FaultyServer implements AutoCloseable {
    enum Fault {
        /** serve the file. */
        OK,
        /** answer 500 with no body. */
        STATUS_500,
        /** answer 404. */
        STATUS_404,
        /** announce the full length, send half, close the connection. */
        CUT,
        /** serve the file with one byte changed. */
        WRONG_BYTES,
        /** send the headers and 64 kB, then stall for {@link #stallMillis}. */
        STALL,
        /** wait {@link #stallMillis} before answering, then serve the file. */
        LATE,
        /** answer 302 with the same file name in the folder {@code m2}. */
        REDIRECT
    }

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, Deque<Fault>> faults = new ConcurrentHashMap<>();
    private final Map<String, Fault> always = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    volatile long stallMillis = 3000;
    /** When set, act as a proxy that wants this "Proxy-Authorization" value and answers 407 without it. */
    volatile String requiredProxyAuthorization;
    /** Request lines seen, e.g. "GET http://mirror.invalid/m1/x.gz" when used as a proxy. */
    final java.util.List<String> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    FaultyServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    /** The base URL of a mirror folder, e.g. {@code http://127.0.0.1:41234/m1/}. */
    String mirror(String folder) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + folder + "/";
    }

    FaultyServer serve(String folder, String name, byte[] content) {
        files.put("/" + folder + "/" + name, content);
        return this;
    }

    /** Faults for the next requests of this file, in order; afterwards it is served normally. */
    FaultyServer faults(String folder, String name, Fault... next) {
        faults.computeIfAbsent("/" + folder + "/" + name, k -> new ArrayDeque<>()).addAll(java.util.List.of(next));
        return this;
    }

    /** A fault for every request of this file. */
    FaultyServer always(String folder, String name, Fault fault) {
        always.put("/" + folder + "/" + name, fault);
        return this;
    }

    int hits(String folder, String name) {
        AtomicInteger n = hits.get("/" + folder + "/" + name);
        return n == null ? 0 : n.get();
    }

    int totalHits() {
        return hits.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        String wanted = requiredProxyAuthorization;
        if (wanted != null && !wanted.equals(exchange.getRequestHeaders().getFirst("Proxy-Authorization"))) {
            exchange.getResponseHeaders().add("Proxy-Authenticate", "Basic realm=\"test proxy\"");
            exchange.sendResponseHeaders(407, -1);
            exchange.close();
            return;
        }
        hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
        byte[] content = files.get(path);
        Fault fault;
        synchronized (faults) {
            Deque<Fault> queue = faults.get(path);
            fault = queue != null && !queue.isEmpty() ? queue.poll() : always.getOrDefault(path, Fault.OK);
        }
        try {
            if (content == null || fault == Fault.STATUS_404) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            switch (fault) {
                case STATUS_500 -> exchange.sendResponseHeaders(500, -1);
                case REDIRECT -> {
                    exchange.getResponseHeaders().add("Location", "/m2" + path.substring(path.indexOf('/', 1)));
                    exchange.sendResponseHeaders(302, -1);
                }
                case CUT -> {
                    exchange.sendResponseHeaders(200, content.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(content, 0, content.length / 2);
                    out.flush();
                    // closing with bytes missing makes the server drop the connection
                }
                case WRONG_BYTES -> {
                    byte[] wrong = content.clone();
                    wrong[wrong.length / 2] ^= 0x01;
                    send(exchange, wrong);
                }
                case STALL -> {
                    exchange.sendResponseHeaders(200, content.length);
                    OutputStream out = exchange.getResponseBody();
                    out.write(content, 0, Math.min(content.length, 65536));
                    out.flush();
                    sleep(stallMillis);
                }
                case LATE -> {
                    sleep(stallMillis);
                    send(exchange, content);
                }
                default -> send(exchange, content);
            }
        } catch (IOException e) {
            // the client went away (timeouts, cancelled downloads): nothing to do
        } finally {
            try {
                exchange.close();
            } catch (RuntimeException e) {
                // closing a cut response fails by design
            }
        }
    }

    private static void send(HttpExchange exchange, byte[] content) throws IOException {
        exchange.sendResponseHeaders(200, content.length);
        try (OutputStream out = exchange.getResponseBody()) {
            for (int off = 0; off < content.length; off += 65536) {
                out.write(content, off, Math.min(65536, content.length - off));
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}

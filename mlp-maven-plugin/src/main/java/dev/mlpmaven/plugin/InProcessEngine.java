package dev.mlpmaven.plugin;

import dev.mlpmaven.plugin.fork.ForkLog;
import dev.mlpmaven.plugin.fork.ForkResult;
import dev.mlpmaven.plugin.fork.ProtocolLines;
import org.apache.maven.plugin.MojoExecutionException;
import org.eclipse.aether.RepositorySystemSession;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static dev.mlpmaven.plugin.Messages.format;

/**
 * {@code -Dmlp.fork=false}: the engine inside Maven's JVM, for debugging. The plugin realm holds no ND4J, so the
 * engine runs from the fork's classpath in a class loader of its own (parent: the platform class loader), one per
 * Maven session, so ND4J's native library loads once however many modules train. It speaks the same protocol,
 * written into the Maven log as the lines come.
 */
final class InProcessEngine {
    private InProcessEngine() {
    }

    static ForkResult run(List<Path> classpath, List<String> args, Map<String, String> env, ForkLog log,
                          RepositorySystemSession session) throws MojoExecutionException {
        ClassLoader loader = loader(classpath, session);
        ProtocolLines lines = new ProtocolLines(log, code -> {
        });
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        long start = System.nanoTime();
        int code;
        try (LineOutput out = new LineOutput(lines::out)) {
            thread.setContextClassLoader(loader);
            Method main = loader.loadClass(ForkSupport.MAIN_CLASS)
                    .getMethod("runInProcess", String[].class, OutputStream.class, Map.class);
            code = (Integer) main.invoke(null, args.toArray(String[]::new), out, env);
        } catch (InvocationTargetException e) {
            throw new MojoExecutionException(format(Messages.IN_PROCESS_ERROR, e.getCause()), e.getCause());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new MojoExecutionException(format(Messages.IN_PROCESS_ERROR, e), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
        return lines.result(code, (System.nanoTime() - start) / 1e9, false, -1, null);
    }

    private static ClassLoader loader(List<Path> classpath, RepositorySystemSession session)
            throws MojoExecutionException {
        String key = InProcessEngine.class.getName() + ":" + classpath;
        synchronized (InProcessEngine.class) {
            Object cached = session.getData().get(key);
            if (cached instanceof ClassLoader c) {
                return c;
            }
            URL[] urls = new URL[classpath.size()];
            try {
                for (int i = 0; i < urls.length; i++) {
                    urls[i] = classpath.get(i).toUri().toURL();
                }
            } catch (MalformedURLException e) {
                throw new MojoExecutionException(format(Messages.IN_PROCESS_ERROR, e), e);
            }
            ClassLoader loader = new URLClassLoader("mlp-engine", urls, ClassLoader.getPlatformClassLoader());
            session.getData().set(key, loader);
            return loader;
        }
    }

    /** Bytes in, one UTF-8 line at a time out, in the writer's own thread (the engine writes from several). */
    static final class LineOutput extends OutputStream {
        private final Consumer<String> consumer;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineOutput(Consumer<String> consumer) {
            this.consumer = consumer;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                flushLine();
            } else if (b != '\r') {
                line.write(b);
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }

        private void flushLine() {
            String s = line.toString(StandardCharsets.UTF_8);
            line.reset();
            consumer.accept(s);
        }

        @Override
        public synchronized void close() {
            if (line.size() > 0) {
                flushLine();
            }
        }
    }
}

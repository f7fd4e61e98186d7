package io.lodestone.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP adapter: the JDK's built-in server ({@code com.sun.net.httpserver}) with a fixed pool of
 * worker threads, answering the routes in {@link Endpoints} with the rules in a {@link LiveRules}.
 * See {@code docs/http.md}.
 */
public final class LodestoneServer implements AutoCloseable {
    /** Default request body limit: 8 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;

    /**
     * How to serve.
     *
     * @param host         address to bind (127.0.0.1 unless the operator says otherwise)
     * @param port         port to bind; 0 picks a free one
     * @param maxBodyBytes larger request bodies get 413
     * @param threads      worker threads, i.e. requests evaluated at once
     */
    public record Config(String host, int port, long maxBodyBytes, int threads) {
        /** Validates the values. */
        public Config {
            Objects.requireNonNull(host, "host");
            if (port < 0 || port > 65535 || maxBodyBytes < 1 || threads < 1) {
                throw new IllegalArgumentException("bad server config: " + port + ", " + maxBodyBytes + ", " + threads);
            }
        }

        /** Loopback, a free port, the default body limit and two threads per core. */
        public static Config loopback() {
            return new Config("127.0.0.1", 0, DEFAULT_MAX_BODY_BYTES, 2 * Runtime.getRuntime().availableProcessors());
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final Endpoints endpoints;
    private final Metrics metrics = new Metrics();
    private final PrintWriter log;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Object stopLock = new Object();
    private boolean stopped;

    private LodestoneServer(LiveRules rules, Config config, PrintWriter log) throws IOException {
        preferNoDelay();
        this.log = log;
        this.endpoints = new Endpoints(rules, metrics, config.maxBodyBytes());
        this.server = HttpServer.create(new InetSocketAddress(config.host(), config.port()), 128);
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(config.threads(), config.threads(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, "lodestone-http-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(workers);
        server.createContext("/", this::handle);
    }

    /**
     * The JDK server writes headers and body separately; with Nagle on, delayed ACKs add ~40 ms to
     * every response (p50 48 ms -> 8 ms in bench-http). The JDK reads the property once, when the first
     * server is created, so it is set just before that (not in a static initialiser, which would touch
     * the JVM on class loading), and never over an operator's own value.
     */
    private static void preferNoDelay() {
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /**
     * Binds and starts serving. The first server in a JVM also sets {@code sun.net.httpserver.nodelay}
     * to true unless it is already set.
     *
     * @param rules  the rule set to evaluate with (may still be empty: requests then get 503)
     * @param config address, limits and threads
     * @param log    where problems are reported
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static LodestoneServer start(LiveRules rules, Config config, PrintWriter log) throws IOException {
        LodestoneServer s = new LodestoneServer(rules, config, log);
        s.server.start();
        return s;
    }

    /** The bound port (useful when the config asked for port 0). */
    public int port() {
        return server.getAddress().getPort();
    }

    /** The bound address as a base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        inFlight.incrementAndGet();
        try {
            Reply reply;
            try {
                reply = endpoints.route(ex);
            } catch (IOException e) {
                throw e; // the client went away; nothing to answer
            } catch (RuntimeException | Error e) {
                log.println("lodestone: internal error answering " + ex.getRequestURI() + ": " + e);
                log.flush();
                reply = Reply.error(500, Kind.INTERNAL, "internal error (a bug in Lodestone): " + e);
            }
            if (reply.status() >= 400) {
                metrics.error(reply.status());
            }
            ex.getResponseHeaders().set("Content-Type", reply.contentType());
            boolean head = ex.getRequestMethod().equals("HEAD");
            ex.sendResponseHeaders(reply.status(), head ? -1 : reply.body().length);
            if (!head) {
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(reply.body());
                }
            }
        } finally {
            ex.close();
            inFlight.decrementAndGet();
        }
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops accepting connections, lets in-flight requests finish for up to {@code deadline}, then
     * closes what is left. Safe to call more than once and from a shutdown hook.
     *
     * @param deadline how long in-flight requests may take to finish
     */
    public void stop(Duration deadline) {
        synchronized (stopLock) {
            if (stopped) {
                return;
            }
            stopped = true;
        }
        // JDK 17's stop(delay) waits the whole delay even when idle (JDK-8304065, fixed in 21), so only
        // ask it to wait when something is running; it returns as soon as the last exchange ends.
        int seconds = inFlight.get() == 0 ? 0 : (int) Math.max(1, (deadline.toMillis() + 999) / 1000);
        server.stop(seconds);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stop(Duration)} with a 10 s deadline. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}

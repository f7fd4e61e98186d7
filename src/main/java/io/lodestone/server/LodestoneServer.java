package io.lodestone.server;

import io.lodestone.api.Diagnostic;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The HTTP adapter: Eclipse Jetty 12 (non-blocking I/O, so a slow or silent client holds a connection,
 * never a thread) answering the routes in {@link Endpoints} with the rules in a {@link LiveRules}.
 * Bodies are read without blocking, then evaluated on a bounded pool; a full pool answers 503 with
 * {@code Retry-After}. See {@code docs/http.md} for the limits and their flags.
 */
public final class LodestoneServer implements AutoCloseable {
    /** Default request body limit: 8 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 8L * 1024 * 1024;

    /**
     * How to serve, and the limits that keep hostile clients from stalling the server.
     *
     * @param host             address to bind (127.0.0.1 unless the operator says otherwise)
     * @param port             port to bind; 0 picks a free one
     * @param maxBodyBytes     larger request bodies get 413
     * @param threads          evaluations run at once
     * @param maxQueued        evaluations waiting for a thread; beyond that 503 with Retry-After
     * @param maxFacts         facts per request; more get 413
     * @param maxResponseBytes larger reports get 413 instead of being sent
     * @param maxConnections   open connections; further clients wait in the listen backlog
     * @param headerTimeout    a new connection that has not sent a complete request head by then is closed
     * @param bodyTimeout      a request body not complete by then gets 408 and the connection is closed
     * @param idleTimeout      a connection silent this long is closed
     */
    public record Config(
            String host,
            int port,
            long maxBodyBytes,
            int threads,
            int maxQueued,
            int maxFacts,
            long maxResponseBytes,
            int maxConnections,
            Duration headerTimeout,
            Duration bodyTimeout,
            Duration idleTimeout) {
        /** Default facts per request. */
        public static final int DEFAULT_MAX_FACTS = 10_000;
        /** Default waiting evaluations. */
        public static final int DEFAULT_MAX_QUEUED = 64;
        /** Default response limit: 32 MiB. */
        public static final long DEFAULT_MAX_RESPONSE_BYTES = 32L * 1024 * 1024;
        /** Default open connections. */
        public static final int DEFAULT_MAX_CONNECTIONS = 512;

        /** Validates the values. */
        public Config {
            Objects.requireNonNull(host, "host");
            if (port < 0
                    || port > 65535
                    || maxBodyBytes < 1
                    || threads < 1
                    || maxQueued < 0
                    || maxFacts < 1
                    || maxResponseBytes < 1
                    || maxConnections < 1) {
                throw new IllegalArgumentException("bad server config: port " + port + ", body " + maxBodyBytes
                        + ", threads " + threads + ", queue " + maxQueued + ", facts " + maxFacts + ", response "
                        + maxResponseBytes + ", connections " + maxConnections);
            }
            for (Duration d : new Duration[] {headerTimeout, bodyTimeout, idleTimeout}) {
                if (d == null || d.isNegative() || d.isZero()) {
                    throw new IllegalArgumentException("server timeouts must be positive: " + d);
                }
            }
        }

        /** The given address and limits, the other limits at their defaults. */
        public Config(String host, int port, long maxBodyBytes, int threads) {
            this(
                    host,
                    port,
                    maxBodyBytes,
                    threads,
                    DEFAULT_MAX_QUEUED,
                    DEFAULT_MAX_FACTS,
                    DEFAULT_MAX_RESPONSE_BYTES,
                    DEFAULT_MAX_CONNECTIONS,
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(30));
        }

        /** Loopback, a free port, the default body limit and {@link #defaultThreads()}. */
        public static Config loopback() {
            return new Config("127.0.0.1", 0, DEFAULT_MAX_BODY_BYTES, defaultThreads());
        }

        /**
         * Evaluations at once by default: one per core. Evaluation is CPU work; on 2 cores a second
         * thread per core cost 22-35% more CPU per request and served 14-21% fewer requests
         * (docs/performance.md, "Serve: one thread per core, and C2").
         *
         * @return the number of cores
         */
        public static int defaultThreads() {
            return Runtime.getRuntime().availableProcessors();
        }

        /** This config with other evaluation limits. */
        public Config withEvaluations(int threads, int maxQueued, int maxFacts, long maxResponseBytes) {
            return new Config(
                    host,
                    port,
                    maxBodyBytes,
                    threads,
                    maxQueued,
                    maxFacts,
                    maxResponseBytes,
                    maxConnections,
                    headerTimeout,
                    bodyTimeout,
                    idleTimeout);
        }

        /** This config with other connection limits. */
        public Config withConnections(
                int maxConnections, Duration headerTimeout, Duration bodyTimeout, Duration idleTimeout) {
            return new Config(
                    host,
                    port,
                    maxBodyBytes,
                    threads,
                    maxQueued,
                    maxFacts,
                    maxResponseBytes,
                    maxConnections,
                    headerTimeout,
                    bodyTimeout,
                    idleTimeout);
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final ThreadPoolExecutor evaluations;
    private final Endpoints endpoints;
    private final Metrics metrics = new Metrics();
    private final Config config;
    private final PrintWriter log;
    private final AtomicInteger inFlight = new AtomicInteger();
    /** Connections that have sent at least one complete request head. */
    private final Set<Connection> started = ConcurrentHashMap.newKeySet();

    private final Object stopLock = new Object();
    private boolean stopped;
    private int boundPort;

    private LodestoneServer(LiveRules rules, Config config, PrintWriter log) {
        this.config = config;
        this.log = log;
        this.endpoints = new Endpoints(rules, metrics, config.maxFacts());
        AtomicInteger n = new AtomicInteger();
        this.evaluations = new ThreadPoolExecutor(
                config.threads(),
                config.threads(),
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(Math.max(1, config.maxQueued())),
                r -> {
                    Thread t = new Thread(r, "lodestone-eval-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        // Jetty's own threads only parse, route and write: a few suffice, and their queue is bounded too
        // the capacity-limited constructor is deprecated for removal in Jetty 12, with no replacement yet
        @SuppressWarnings("removal")
        org.eclipse.jetty.util.BlockingArrayQueue<Runnable> jobs =
                new org.eclipse.jetty.util.BlockingArrayQueue<>(256, 256, 1024);
        QueuedThreadPool pool = new QueuedThreadPool(16, 4, 60_000, -1, jobs, null);
        pool.setName("lodestone-http");
        pool.setDaemon(true);
        this.server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setRequestHeaderSize(16 * 1024);
        this.connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(128);
        connector.addBean(new HeaderDeadline());
        server.addConnector(connector);
        server.addBean(new NetworkConnectionLimit(config.maxConnections(), connector));
        server.setErrorHandler(new JsonErrorHandler());
        server.setHandler(new Routes());
    }

    /**
     * Binds and starts serving.
     *
     * @param rules  the rule set to evaluate with (may still be empty: requests then get 503)
     * @param config address, limits and threads
     * @param log    where problems are reported
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static LodestoneServer start(LiveRules rules, Config config, PrintWriter log) throws IOException {
        LodestoneServer s = new LodestoneServer(rules, config, log);
        try {
            s.server.start();
        } catch (IOException e) {
            s.evaluations.shutdownNow();
            throw e;
        } catch (Exception e) {
            s.evaluations.shutdownNow();
            throw new IOException(e.getMessage(), e);
        }
        s.boundPort = s.connector.getLocalPort(); // still known after stop closes the connector
        return s;
    }

    /**
     * Refuses {@code System.exit} from anywhere but {@code Main} for the rest of the process (rule code
     * must not end the server); see {@code docs/security.md} for what the JVM allows.
     *
     * @return false when this JVM no longer lets a SecurityManager be installed (JDK 18 and later)
     */
    public static boolean guardExit() {
        return ExitGuard.install();
    }

    /** The bound port (useful when the config asked for port 0). */
    public int port() {
        return boundPort;
    }

    /** The bound address as a base URL, e.g. {@code http://127.0.0.1:8080}. */
    public String baseUrl() {
        String host = config.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return "http://" + host + ":" + port();
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Closes new connections that have not sent a complete request head within the header timeout. */
    private final class HeaderDeadline implements Connection.Listener {
        @Override
        public void onOpened(Connection connection) {
            connector
                    .getScheduler()
                    .schedule(
                            () -> {
                                if (!started.contains(connection)
                                        && connection.getEndPoint().isOpen()) {
                                    connection.getEndPoint().close();
                                }
                            },
                            config.headerTimeout().toMillis(),
                            TimeUnit.MILLISECONDS);
        }

        @Override
        public void onClosed(Connection connection) {
            started.remove(connection);
        }
    }

    private final class Routes extends Handler.Abstract.NonBlocking {
        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            started.add(request.getConnectionMetaData().getConnection());
            inFlight.incrementAndGet();
            Callback done = Callback.from(callback, inFlight::decrementAndGet);
            String method = request.getMethod();
            String path = request.getHttpURI().getDecodedPath();
            Endpoints.Exchange head = new Endpoints.Exchange(
                    method,
                    path,
                    request.getHttpURI().getQuery(),
                    request.getHeaders().get(HttpHeader.CONTENT_TYPE),
                    request.getHeaders().get(HttpHeader.ACCEPT),
                    new byte[0]);
            if (!Endpoints.takesBody(method, path)) {
                send(request, response, done, answer(head), false);
                return true;
            }
            long length = request.getLength();
            if (length > config.maxBodyBytes()) {
                refuseTooLarge(request, response, done, length <= DRAIN_LIMIT_BYTES);
                return true;
            }
            new BodyReader(request, response, done, head).start();
            return true;
        }
    }

    /** Reads a body without blocking a thread, up to the size limit and the body timeout. */
    private final class BodyReader {
        private final Request request;
        private final Response response;
        private final Callback callback;
        private final Endpoints.Exchange head;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final java.util.concurrent.atomic.AtomicBoolean finished =
                new java.util.concurrent.atomic.AtomicBoolean();
        /** The body timeout, cancelled when the body is complete or refused. */
        private volatile org.eclipse.jetty.util.thread.Scheduler.Task deadline;

        BodyReader(Request request, Response response, Callback callback, Endpoints.Exchange head) {
            this.request = request;
            this.response = response;
            this.callback = callback;
            this.head = head;
        }

        void start() {
            // cancelled as soon as the body is in (finish): an uncancelled task would keep this reader, its
            // body and the exchange reachable for the whole body timeout, tens of thousands of requests at load
            deadline = connector
                    .getScheduler()
                    .schedule(
                            () -> {
                                if (finished.compareAndSet(false, true)) {
                                    send(
                                            request,
                                            response,
                                            callback,
                                            Reply.error(
                                                    408,
                                                    Diagnostic.Kind.REQUEST,
                                                    "the request body did not " + "arrive within "
                                                            + config.bodyTimeout()
                                                                    .toMillis() + " ms"),
                                            true);
                                }
                            },
                            config.bodyTimeout().toMillis(),
                            TimeUnit.MILLISECONDS);
            read();
        }

        private void read() {
            while (!finished.get()) {
                org.eclipse.jetty.io.Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this::read);
                    return;
                }
                if (org.eclipse.jetty.io.Content.Chunk.isFailure(chunk)) {
                    if (finish()) {
                        // a malformed body (bad chunk size): Jetty closes the connection after this answer
                        send(
                                request,
                                response,
                                callback,
                                Reply.error(
                                        400,
                                        Diagnostic.Kind.REQUEST,
                                        "the request body could not be read: "
                                                + chunk.getFailure().getMessage()),
                                true);
                    }
                    return;
                }
                ByteBuffer buf = chunk.getByteBuffer();
                int size = buf.remaining();
                if (bytes.size() + (long) size > config.maxBodyBytes()) {
                    chunk.release();
                    if (finish()) {
                        refuseTooLarge(request, response, callback, true);
                    }
                    return;
                }
                byte[] part = new byte[size];
                buf.get(part);
                bytes.write(part, 0, size);
                boolean last = chunk.isLast();
                chunk.release();
                if (last) {
                    if (finish()) {
                        evaluate(new Endpoints.Exchange(
                                head.method(),
                                head.path(),
                                head.rawQuery(),
                                head.contentType(),
                                head.accept(),
                                bytes.toByteArray()));
                    }
                    return;
                }
            }
        }

        /** Marks the body as handled (true the first time) and cancels its timeout. */
        private boolean finish() {
            if (!finished.compareAndSet(false, true)) {
                return false;
            }
            org.eclipse.jetty.util.thread.Scheduler.Task t = deadline;
            if (t != null) {
                t.cancel();
            }
            return true;
        }

        private void evaluate(Endpoints.Exchange exchange) {
            try {
                evaluations.execute(() -> send(request, response, callback, answer(exchange), false));
            } catch (RejectedExecutionException e) {
                Reply busy = Reply.error(
                        503,
                        Diagnostic.Kind.UNAVAILABLE,
                        "busy: " + evaluations.getActiveCount() + " evaluations running and "
                                + evaluations.getQueue().size() + " waiting; retry later");
                response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
                send(request, response, callback, busy, false);
            }
        }
    }

    private Reply answer(Endpoints.Exchange exchange) {
        try {
            Reply reply = endpoints.route(exchange);
            if (reply.body().length > config.maxResponseBytes()) {
                return Reply.error(
                        413,
                        Diagnostic.Kind.LIMIT,
                        "the answer would be " + reply.body().length
                                + " bytes, over the limit of " + config.maxResponseBytes()
                                + " (send fewer facts, leave out explain=true, or raise --max-response-bytes)");
            }
            return reply;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            log.println("lodestone: internal error answering " + exchange.path() + ": " + e);
            log.flush();
            return Reply.error(500, Diagnostic.Kind.INTERNAL, "internal error (a bug in Lodestone): " + e);
        }
    }

    /**
     * Answers 413 and closes the connection. When {@code drain} is set, the rest of the body (up to
     * {@link #DRAIN_LIMIT_BYTES}) is read and dropped first: closing a socket with unread data makes the kernel
     * send a reset that can destroy the 413 before a client still sending has read it.
     */
    private void refuseTooLarge(Request request, Response response, Callback callback, boolean drain) {
        if (!drain) {
            send(request, response, callback, tooLarge(), true);
            return;
        }
        send(
                request,
                response,
                Callback.from(() -> new BodyDrain(request, callback).run(), callback::failed),
                tooLarge(),
                true);
    }

    /** Reads and drops what is left of a refused body, then completes the exchange (which closes it). */
    private static final class BodyDrain implements Runnable {
        private final Request request;
        private final Callback callback;
        private long dropped;

        BodyDrain(Request request, Callback callback) {
            this.request = request;
            this.callback = callback;
        }

        @Override
        public void run() {
            while (true) {
                org.eclipse.jetty.io.Content.Chunk chunk = request.read();
                if (chunk == null) {
                    request.demand(this);
                    return;
                }
                boolean done = chunk.isLast() || org.eclipse.jetty.io.Content.Chunk.isFailure(chunk);
                if (chunk.getByteBuffer() != null) {
                    dropped += chunk.getByteBuffer().remaining();
                }
                chunk.release();
                if (done || dropped > DRAIN_LIMIT_BYTES) {
                    callback.succeeded();
                    return;
                }
            }
        }
    }

    /** How much of a refused body is read and dropped before the connection closes (idle timeout bounds its time). */
    static final long DRAIN_LIMIT_BYTES = 64L * 1024 * 1024;

    private Reply tooLarge() {
        return Reply.error(
                413,
                Diagnostic.Kind.LIMIT,
                "request body is larger than the limit of " + config.maxBodyBytes()
                        + " bytes (raise it with --max-body-bytes)");
    }

    private void send(Request request, Response response, Callback callback, Reply reply, boolean close) {
        if (reply.status() >= 400) {
            metrics.error(reply.status());
        }
        response.setStatus(reply.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
        if (close) {
            // the rest of the body is not read: the connection cannot carry another request
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        boolean head = request.getMethod().equals("HEAD");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, reply.body().length);
        response.write(true, head ? ByteBuffer.allocate(0) : ByteBuffer.wrap(reply.body()), callback);
    }

    /** Errors Jetty answers itself (a malformed request line, header or URI) get the documented JSON. */
    private static final class JsonErrorHandler extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        protected void generateResponse(
                Request request, Response response, int code, String message, Throwable cause, Callback callback) {
            Reply reply = Reply.error(
                    code,
                    code >= 500 ? Diagnostic.Kind.INTERNAL : Diagnostic.Kind.REQUEST,
                    message == null ? "HTTP " + code : message);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, reply.contentType());
            response.write(true, ByteBuffer.wrap(reply.body()), callback);
        }

        @SuppressWarnings("removal") // Jetty 12 still calls it for malformed requests
        @Override
        public ByteBuffer badMessageError(int status, String reason, org.eclipse.jetty.http.HttpFields.Mutable fields) {
            Reply reply = Reply.error(status, Diagnostic.Kind.REQUEST, reason == null ? "bad request" : reason);
            fields.put(HttpHeader.CONTENT_TYPE, reply.contentType());
            return ByteBuffer.wrap(reply.body());
        }
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
        connector.close(); // new connections are refused from here on
        long end = System.nanoTime() + Math.max(0, deadline.toNanos());
        try {
            while (inFlight.get() > 0 && System.nanoTime() < end) {
                Thread.sleep(10); // in-flight requests end on their own; a poll keeps this simple
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        evaluations.shutdownNow();
        try {
            server.stop();
        } catch (Exception e) {
            log.println("lodestone: error while stopping the server: " + e);
            log.flush();
        }
    }

    /** {@link #stop(Duration)} with a 10 s deadline. */
    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}

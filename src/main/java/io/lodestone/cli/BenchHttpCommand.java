package io.lodestone.cli;

import io.lodestone.server.LiveRules;
import io.lodestone.server.LodestoneServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lodestone bench-http}: a bounded load test of the HTTP API. Starts the server in-process on a
 * free loopback port with rule isolation on, as {@code serve} runs (or targets a running server with
 * {@code --url}), sends a fixed number of evaluate requests from several clients, either as fast as they
 * are answered or at a fixed offered rate ({@code --rate}), and prints the achieved rate, latency
 * percentiles and the error count.
 */
@Command(
        name = "bench-http",
        mixinStandardHelpOptions = true,
        description = "Load-test POST /v1/evaluate on a loopback server started for the run (rules isolated, as "
                + "serve runs them) or on --url; prints the achieved rate, latency percentiles and errors. "
                + "Exit 0 when every request succeeded within the time limit.")
public final class BenchHttpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(
            names = "--facts",
            paramLabel = "FILE",
            defaultValue = "facts/us-ua-minerals-2025-02.json",
            description = "Fact set posted by every request. Default: ${DEFAULT-VALUE}.")
    Path facts;

    @Option(
            names = {"-n", "--requests"},
            paramLabel = "N",
            defaultValue = "2000",
            description = "Requests to send in total. Default: ${DEFAULT-VALUE}.")
    int requests;

    @Option(
            names = {"-c", "--clients"},
            paramLabel = "N",
            defaultValue = "8",
            description = "Concurrent clients (connections). Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(
            names = "--rate",
            paramLabel = "PER_SECOND",
            description = "Offer this many requests per second in all, on a fixed schedule (open loop), and "
                    + "measure each latency from its scheduled send time, so a request that waited for a free "
                    + "client counts its wait. Default: none (each client sends its next request when its last "
                    + "one is answered).")
    Double rate;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "200",
            description = "Requests sent (and not measured) before the run, as fast as answered. "
                    + "Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
            names = "--time-limit",
            paramLabel = "DURATION",
            defaultValue = "120s",
            converter = RulesOptions.DurationConverter.class,
            description = "Stop sending after this long, whatever is left. Default: ${DEFAULT-VALUE}.")
    Duration timeLimit;

    @Option(names = "--threads", paramLabel = "N", description = "Server worker threads. Default: the number of cores.")
    Integer threads;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Load-test a running server (e.g. http://127.0.0.1:8080, started with lodestone serve) "
                    + "instead of starting one; the rule options are then ignored.")
    URI url;

    @Option(
            names = "--no-isolation",
            description = "Fire the rules on the request's own thread, unlike serve: to measure what isolation "
                    + "costs, never to serve.")
    boolean noIsolation;

    @Option(
            names = "--http-client",
            paramLabel = "KIND",
            defaultValue = "plain",
            description = "plain (one blocking keep-alive socket per client: the load generator costs little CPU) "
                    + "or jdk (java.net.http.HttpClient, shared: several thread hand-offs per request). "
                    + "Default: ${DEFAULT-VALUE}.")
    String clientKind;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || clients < 1 || warmup < 0 || (rate != null && !(rate > 0 && rate <= 1e6))) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(),
                    "--requests and --clients must be at least 1, --warmup at least 0, --rate above 0 and at most 1e6");
        }
        if (!clientKind.equals("plain") && !clientKind.equals("jdk")) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--http-client must be plain or jdk, not '" + clientKind + "'");
        }
        if (url != null && (url.getHost() == null || !"http".equals(url.getScheme()))) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--url must be an http:// URL with a host, not '" + url + "'");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] body = Files.readAllBytes(facts);
        if (url != null) {
            URI base = url;
            String where = base.getHost() + ":" + port(base);
            Result r = measure(base, body);
            print(out, r, "server " + where);
            return exitCode(r);
        }
        // as serve runs: a consequence that never returns must cost a thread, not the server
        LiveRules live = new LiveRules(rules.builder().isolateRules(!noIsolation)::build, err);
        if (!live.reload()) {
            return ExitCodes.LOAD_ERROR;
        }
        int workers = threads == null ? LodestoneServer.Config.defaultThreads() : threads;
        LodestoneServer.Config config =
                new LodestoneServer.Config("127.0.0.1", 0, LodestoneServer.DEFAULT_MAX_BODY_BYTES, workers);
        try (LodestoneServer server = LodestoneServer.start(live, config, err)) {
            Result r = measure(URI.create(server.baseUrl()), body);
            print(
                    out,
                    r,
                    "server in-process on 127.0.0.1:" + server.port() + " with " + workers
                            + " threads, rules "
                            + (noIsolation ? "NOT isolated (unlike serve), " : "isolated, ")
                            + Runtime.getRuntime().availableProcessors() + " cores (clients and server share them)");
            return exitCode(r);
        }
    }

    private int exitCode(Result r) {
        return r.errors == 0 && r.latenciesNanos.length == requests ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private Result measure(URI base, byte[] body) throws InterruptedException {
        URI target = base.resolve("/v1/evaluate");
        run(target, body, warmup, null, System.nanoTime() + timeLimit.toNanos());
        return run(target, body, requests, rate, System.nanoTime() + timeLimit.toNanos());
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 80 : uri.getPort();
    }

    /** One client's connection: posts the fact set and says whether the answer was a 200. */
    private interface Sender extends AutoCloseable {
        boolean post() throws IOException, InterruptedException;

        @Override
        void close();
    }

    private Sender sender(URI target, byte[] body, HttpClient shared) {
        if (clientKind.equals("jdk")) {
            HttpRequest request = HttpRequest.newBuilder(target)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            return new Sender() {
                @Override
                public boolean post() throws IOException, InterruptedException {
                    return shared.send(request, HttpResponse.BodyHandlers.ofByteArray())
                                    .statusCode()
                            == 200;
                }

                @Override
                public void close() {}
            };
        }
        return new PlainSender(target, body);
    }

    /**
     * A minimal HTTP/1.1 client on one blocking keep-alive socket: writes the same request every time and
     * reads the status line, the headers and a {@code Content-Length} body. Reconnects when the server
     * closes the connection. Enough for this server's answers; not a general client.
     */
    private static final class PlainSender implements Sender {
        private final InetSocketAddress address;
        private final byte[] request;
        private final byte[] buffer = new byte[64 * 1024];
        private Socket socket;
        private InputStream in;
        private OutputStream out;

        PlainSender(URI target, byte[] body) {
            this.address = new InetSocketAddress(target.getHost(), port(target));
            String head = "POST " + target.getRawPath() + " HTTP/1.1\r\nHost: " + target.getHost() + ":" + port(target)
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n";
            byte[] h = head.getBytes(StandardCharsets.US_ASCII);
            this.request = Arrays.copyOf(h, h.length + body.length);
            System.arraycopy(body, 0, request, h.length, body.length);
        }

        @Override
        public boolean post() throws IOException {
            if (socket == null) {
                Socket s = new Socket();
                try {
                    s.setTcpNoDelay(true);
                    s.connect(address, 5000);
                    s.setSoTimeout(30_000);
                    in = s.getInputStream();
                    out = s.getOutputStream();
                } catch (IOException e) {
                    s.close();
                    throw e;
                }
                socket = s;
            }
            try {
                out.write(request);
                out.flush();
                return readResponse();
            } catch (IOException e) {
                close();
                throw e;
            }
        }

        /** Reads one answer; true for a 200. Closes the socket when the server asks or the answer is odd. */
        private boolean readResponse() throws IOException {
            int filled = 0;
            int headEnd = -1;
            while (headEnd < 0) {
                if (filled == buffer.length) {
                    throw new IOException("response head over " + buffer.length + " bytes");
                }
                int n = in.read(buffer, filled, buffer.length - filled);
                if (n < 0) {
                    throw new IOException("connection closed before the response head");
                }
                int from = Math.max(0, filled - 3);
                filled += n;
                for (int i = from; i + 3 < filled; i++) {
                    if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                        headEnd = i + 4;
                        break;
                    }
                }
            }
            String head = new String(buffer, 0, headEnd, StandardCharsets.ISO_8859_1);
            int status = Integer.parseInt(head.substring(9, 12));
            long length = -1;
            boolean close = false;
            for (String line : head.split("\r\n", -1)) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = line.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                } else if (name.equals("connection") && value.equalsIgnoreCase("close")) {
                    close = true;
                }
            }
            if (length < 0) {
                close();
                throw new IOException("response without Content-Length");
            }
            long left = length - (filled - headEnd);
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    throw new IOException("connection closed inside the response body");
                }
                left -= n;
            }
            if (close) {
                close();
            }
            return status == 200;
        }

        @Override
        public void close() {
            if (socket != null) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a broken connection: nothing to recover
                }
                socket = null;
            }
        }
    }

    /**
     * @param latenciesNanos latencies of the requests answered 200, sorted (from the scheduled send time with a rate)
     * @param serviceNanos   the same requests from the actual send to the answer, sorted
     * @param errors         answers other than 200 and failed requests
     * @param elapsedNanos   first scheduled send to last answer
     * @param cpuNanos       CPU time this process used meanwhile (all threads), or -1 when unknown
     */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
    private record Result(long[] latenciesNanos, long[] serviceNanos, long errors, long elapsedNanos, long cpuNanos) {}

    /** CPU time of this process so far, or -1 when the JVM does not say. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    private Result run(URI target, byte[] body, int total, Double perSecond, long stopAt) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long[] latencies = new long[total];
        long[] service = new long[total];
        List<Thread> threads = new ArrayList<>();
        HttpClient shared = clientKind.equals("jdk")
                ? HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5))
                        .build()
                : null;
        double interval = perSecond == null ? 0 : 1e9 / perSecond;
        long cpu0 = processCpuNanos();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(
                    () -> {
                        try (Sender sender = sender(target, body, shared)) {
                            int i;
                            while ((i = next.getAndIncrement()) < total) {
                                long due = perSecond == null ? 0 : start + (long) (i * interval);
                                long now;
                                while ((now = System.nanoTime()) < due) {
                                    LockSupport.parkNanos(due - now);
                                }
                                if (now >= stopAt) {
                                    return;
                                }
                                long t0 = System.nanoTime();
                                boolean ok;
                                try {
                                    ok = sender.post();
                                } catch (IOException e) {
                                    ok = false;
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                    return;
                                }
                                long t1 = System.nanoTime();
                                if (!ok) {
                                    errors.incrementAndGet();
                                    continue;
                                }
                                // open loop: a request sent late because every client was busy counts its wait
                                latencies[i] = t1 - (perSecond == null ? t0 : due);
                                service[i] = t1 - t0;
                            }
                        }
                    },
                    "bench-client-" + c);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = cpu0 < 0 ? -1 : processCpuNanos() - cpu0;
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        long[] serviced = Arrays.stream(service).filter(l -> l > 0).sorted().toArray();
        return new Result(measured, serviced, errors.get(), elapsed, cpu);
    }

    private void print(PrintWriter out, Result r, String where) {
        long[] l = r.latenciesNanos;
        double seconds = r.elapsedNanos / 1e9;
        out.printf(
                "bench-http: %d of %d requests answered (200), %d clients (%s), %s%n",
                l.length, requests, clients, clientKind, where);
        out.printf("  fact set  %s (%d bytes)%n", facts, facts.toFile().length());
        out.printf("  elapsed   %.2f s%n", seconds);
        out.printf(
                Locale.ROOT,
                "  rate      %s, achieved %.1f requests/s%n",
                rate == null ? "closed loop (as fast as answered)" : String.format(Locale.ROOT, "offered %.1f/s", rate),
                l.length / seconds);
        if (l.length > 0) {
            out.printf(
                    Locale.ROOT,
                    "  latency ms  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%s%n",
                    pct(l, 50),
                    pct(l, 90),
                    pct(l, 99),
                    l[l.length - 1] / 1e6,
                    rate == null ? "" : "  (from the scheduled send)");
            if (rate != null) {
                long[] s = r.serviceNanos;
                out.printf(
                        Locale.ROOT,
                        "  service ms  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f  (from the actual send)%n",
                        pct(s, 50),
                        pct(s, 90),
                        pct(s, 99),
                        s[s.length - 1] / 1e6);
            }
        }
        if (r.cpuNanos >= 0 && l.length > 0) {
            out.printf(
                    Locale.ROOT,
                    "  cpu       %.3f ms per request in this process (%s), %.0f%% of %d cores%n",
                    r.cpuNanos / 1e6 / l.length,
                    url == null ? "server and clients" : "clients only",
                    100.0 * r.cpuNanos / r.elapsedNanos / Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().availableProcessors());
        }
        out.printf("  errors    %d%n", r.errors);
        out.flush();
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }
}

package io.lodestone.cli;

import io.lodestone.server.LiveRules;
import io.lodestone.server.LodestoneServer;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lodestone bench-http}: a bounded load test of the HTTP API. Starts the server in-process on a
 * free loopback port, sends a fixed number of evaluate requests from several clients (stopping early
 * at the time limit), and prints throughput, latency percentiles and the error count.
 */
@Command(
        name = "bench-http",
        mixinStandardHelpOptions = true,
        description = "Load-test POST /v1/evaluate on a loopback server started for the run; prints throughput, "
                + "latency percentiles and errors. Exit 0 when every request succeeded within the time limit.")
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
            description = "Concurrent clients. Default: ${DEFAULT-VALUE}.")
    int clients;

    @Option(
            names = "--warmup",
            paramLabel = "N",
            defaultValue = "200",
            description = "Requests sent (and not measured) before the run. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(
            names = "--time-limit",
            paramLabel = "DURATION",
            defaultValue = "120s",
            converter = RulesOptions.DurationConverter.class,
            description = "Stop sending after this long, whatever is left. Default: ${DEFAULT-VALUE}.")
    Duration timeLimit;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Server worker threads. Default: twice the number of cores.")
    Integer threads;

    @Override
    public Integer call() throws Exception {
        if (requests < 1 || clients < 1 || warmup < 0) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--requests and --clients must be at least 1, --warmup at least 0");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        byte[] body = Files.readAllBytes(facts);
        LiveRules live = new LiveRules(rules.builder()::build, err);
        if (!live.reload()) {
            return ExitCodes.LOAD_ERROR;
        }
        int workers = threads == null ? 2 * Runtime.getRuntime().availableProcessors() : threads;
        LodestoneServer.Config config =
                new LodestoneServer.Config("127.0.0.1", 0, LodestoneServer.DEFAULT_MAX_BODY_BYTES, workers);
        try (LodestoneServer server = LodestoneServer.start(live, config, err)) {
            URI uri = URI.create(server.baseUrl() + "/v1/evaluate");
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            run(client, request, warmup, System.nanoTime() + timeLimit.toNanos());
            Result r = run(client, request, requests, System.nanoTime() + timeLimit.toNanos());
            print(out, r, server.port(), workers);
            return r.errors == 0 && r.latenciesNanos.length == requests ? ExitCodes.OK : ExitCodes.FINDINGS;
        }
    }

    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
    private record Result(long[] latenciesNanos, long errors, long elapsedNanos) {}

    private Result run(HttpClient client, HttpRequest request, int total, long stopAt) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong errors = new AtomicLong();
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            Thread t = new Thread(
                    () -> {
                        int i;
                        while ((i = next.getAndIncrement()) < total && System.nanoTime() < stopAt) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<byte[]> response =
                                        client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                                if (response.statusCode() != 200) {
                                    errors.incrementAndGet();
                                }
                            } catch (Exception e) {
                                errors.incrementAndGet();
                            }
                            latencies[i] = System.nanoTime() - t0;
                            done.incrementAndGet();
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
        long[] measured = Arrays.stream(latencies).filter(l -> l > 0).sorted().toArray();
        return new Result(measured, errors.get(), elapsed);
    }

    private void print(PrintWriter out, Result r, int port, int workers) {
        long[] l = r.latenciesNanos;
        double seconds = r.elapsedNanos / 1e9;
        out.printf(
                "bench-http: %d of %d requests answered, %d clients, server on 127.0.0.1:%d with %d threads, "
                        + "%d cores (clients and server share them)%n",
                l.length, requests, clients, port, workers, Runtime.getRuntime().availableProcessors());
        out.printf("  fact set  %s (%d bytes)%n", facts, facts.toFile().length());
        out.printf("  elapsed   %.2f s%n", seconds);
        out.printf("  throughput %.1f requests/s%n", l.length / seconds);
        if (l.length > 0) {
            out.printf(
                    "  latency ms  p50 %.2f  p90 %.2f  p99 %.2f  max %.2f%n",
                    pct(l, 50), pct(l, 90), pct(l, 99), l[l.length - 1] / 1e6);
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

package io.lodestone.cli;

import io.lodestone.server.LiveRules;
import io.lodestone.server.LodestoneServer;
import io.lodestone.server.RulesWatcher;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lodestone serve}: the HTTP API (see {@code docs/http.md}). */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Serve the HTTP API: POST /v1/evaluate, POST /v1/check, GET /v1/rules, GET /healthz, "
                    + "GET /metrics. Stops gracefully on SIGTERM or Ctrl-C."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "143:Stopped by SIGTERM (128 + 15, set by the JVM) after the graceful stop.",
            ExitCodes.HELP_2,
            "3:The rules did not compile (without --watch), or the address could not be bound.",
            ExitCodes.HELP_4
        })
public final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    RulesOptions rules;

    @Option(
            names = "--host",
            paramLabel = "ADDRESS",
            defaultValue = "127.0.0.1",
            description = "Address to bind; only loopback by default. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = "--port",
            paramLabel = "PORT",
            defaultValue = "8080",
            description = "Port to bind (0 picks a free one). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(
            names = "--watch",
            description = "Reload the rules when files under the rules folder change; a rule "
                    + "set that does not compile is reported and the last good one keeps serving.")
    boolean watch;

    @Option(
            names = "--max-body-bytes",
            paramLabel = "BYTES",
            defaultValue = "" + LodestoneServer.DEFAULT_MAX_BODY_BYTES,
            description = "Answer 413 to larger request bodies. Default: ${DEFAULT-VALUE}.")
    long maxBodyBytes;

    @Option(
            names = "--threads",
            paramLabel = "N",
            description = "Evaluations run at once. Default: the number of cores.")
    Integer threads;

    @Option(
            names = "--max-queued",
            paramLabel = "N",
            defaultValue = "" + LodestoneServer.Config.DEFAULT_MAX_QUEUED,
            description =
                    "Evaluations waiting for a thread; beyond that 503 with Retry-After. Default: ${DEFAULT-VALUE}.")
    int maxQueued;

    @Option(
            names = "--max-facts",
            paramLabel = "N",
            defaultValue = "" + LodestoneServer.Config.DEFAULT_MAX_FACTS,
            description = "Answer 413 to fact sets with more facts. Default: ${DEFAULT-VALUE}.")
    int maxFacts;

    @Option(
            names = "--max-response-bytes",
            paramLabel = "BYTES",
            defaultValue = "" + LodestoneServer.Config.DEFAULT_MAX_RESPONSE_BYTES,
            description = "Answer 413 instead of a larger report (explain included). Default: ${DEFAULT-VALUE}.")
    long maxResponseBytes;

    @Option(
            names = "--max-connections",
            paramLabel = "N",
            defaultValue = "" + LodestoneServer.Config.DEFAULT_MAX_CONNECTIONS,
            description = "Open connections; more clients wait to be accepted. Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(
            names = "--header-timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = RulesOptions.DurationConverter.class,
            description =
                    "Close a new connection that has not sent its request head by then. Default: ${DEFAULT-VALUE}.")
    Duration headerTimeout;

    @Option(
            names = "--body-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = RulesOptions.DurationConverter.class,
            description = "Answer 408 to a request body not complete by then. Default: ${DEFAULT-VALUE}.")
    Duration bodyTimeout;

    @Option(
            names = "--idle-timeout",
            paramLabel = "DURATION",
            defaultValue = "30s",
            converter = RulesOptions.DurationConverter.class,
            description = "Close a connection silent this long. Default: ${DEFAULT-VALUE}.")
    Duration idleTimeout;

    @Option(
            names = "--shutdown-deadline",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = RulesOptions.DurationConverter.class,
            description = "On SIGTERM, how long in-flight requests may take to finish. Default: ${DEFAULT-VALUE}.")
    Duration shutdownDeadline;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        int workers = threads == null ? LodestoneServer.Config.defaultThreads() : threads;
        LodestoneServer.Config config;
        try {
            config = new LodestoneServer.Config(host, port, maxBodyBytes, workers)
                    .withEvaluations(workers, maxQueued, maxFacts, maxResponseBytes)
                    .withConnections(maxConnections, headerTimeout, bodyTimeout, idleTimeout);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        // a server must outlive a broken edit: rule consequences that never return are abandoned
        io.lodestone.Lodestone.Builder builder = rules.builder().isolateRules(true);
        LiveRules live = new LiveRules(
                () -> {
                    io.lodestone.server.FolderTrust.requireSafe(
                            rules.rulesDir); // rules are code: nobody else may edit them
                    return builder.build();
                },
                err);
        if (!live.reload() && !watch) {
            return ExitCodes.LOAD_ERROR; // nothing could ever fix the rules without --watch
        }
        RulesWatcher watcher =
                watch ? RulesWatcher.start(rules.rulesDir, live, RulesWatcher.DEFAULT_DEBOUNCE, err) : null;
        if (!LodestoneServer.guardExit()) {
            err.println("lodestone: warning: this JVM cannot refuse System.exit from rule code (JDK 18 or later); "
                    + "a rule that calls it stops the server (see docs/security.md)");
        }
        LodestoneServer server;
        try {
            server = LodestoneServer.start(live, config, err);
        } catch (java.io.IOException e) {
            err.println("lodestone: cannot listen on " + host + ":" + port + ": " + e.getMessage());
            if (watcher != null) {
                watcher.close();
            }
            return ExitCodes.LOAD_ERROR;
        }
        err.println("lodestone: serving " + server.baseUrl() + " with rules " + rules.rulesDir
                + (live.current() == null
                        ? " (none loaded yet)"
                        : " (" + live.current().rulesHash() + ")")
                + (watch ? ", watching for changes" : ""));
        err.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            err.println("lodestone: stopping; letting in-flight requests finish (up to "
                                    + shutdownDeadline.toMillis() + " ms)");
                            err.flush();
                            if (watcher != null) {
                                watcher.close();
                            }
                            server.stop(shutdownDeadline);
                            stopped.countDown();
                        },
                        "lodestone-shutdown"));
        stopped.await();
        return ExitCodes.OK;
    }
}

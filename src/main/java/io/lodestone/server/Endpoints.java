package io.lodestone.server;

import com.sun.net.httpserver.HttpExchange;
import io.lodestone.Lodestone;
import io.lodestone.api.CheckResult;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.output.HttpDocuments;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTTP routes. Every evaluation goes through {@link Lodestone}; nothing here knows about Drools. */
final class Endpoints {
    static final String DEFAULT_NAME = "request.json";
    private static final long DISCARD_AT_LEAST = 64L * 1024 * 1024;

    private final LiveRules rules;
    private final Metrics metrics;
    private final long maxBodyBytes;

    Endpoints(LiveRules rules, Metrics metrics, long maxBodyBytes) {
        this.rules = rules;
        this.metrics = metrics;
        this.maxBodyBytes = maxBodyBytes;
    }

    Reply route(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        return switch (path) {
            case "/v1/evaluate" -> post(method) ? timedEvaluate(ex) : notAllowed("POST");
            case "/v1/check" -> post(method) ? check(ex) : notAllowed("POST");
            case "/v1/rules" -> get(method) ? rulesInfo() : notAllowed("GET");
            case "/healthz" -> get(method) ? health() : notAllowed("GET");
            case "/metrics" -> get(method) ? Reply.text(200, Reply.PROMETHEUS, metrics.render(rules)) : notAllowed("GET");
            default -> Reply.error(404, Kind.REQUEST, "no such endpoint: " + path);
        };
    }

    private static boolean post(String method) {
        return method.equals("POST");
    }

    private static boolean get(String method) {
        return method.equals("GET") || method.equals("HEAD");
    }

    private static Reply notAllowed(String allowed) {
        return Reply.error(405, Kind.REQUEST, "method not allowed (use " + allowed + ")");
    }

    private Reply timedEvaluate(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        Reply reply = evaluate(ex);
        metrics.observeEvaluateSeconds((System.nanoTime() - start) / 1e9);
        return reply;
    }

    private Reply evaluate(HttpExchange ex) throws IOException {
        Map<String, String> query = query(ex);
        String explain = query.getOrDefault("explain", "false");
        if (!explain.equals("true") && !explain.equals("false")) {
            return Reply.error(400, Kind.REQUEST, "explain must be true or false, not '" + explain + "'");
        }
        Posted posted = posted(ex, query);
        if (posted.refusal != null) {
            return posted.refusal;
        }
        Lodestone lodestone = posted.lodestone;
        try {
            Report report = lodestone.evaluate(lodestone.load(new ByteArrayInputStream(posted.body), posted.name),
                    explain.equals("true"));
            metrics.evaluated();
            RunReport run = new RunReport(lodestone.rulesHash(), lodestone.rules().size(), List.of(report), List.of());
            return Reply.json(200, HttpDocuments.run(run));
        } catch (FactSetException e) {
            RunReport run = new RunReport(lodestone.rulesHash(), lodestone.rules().size(), List.of(), e.errors());
            return Reply.json(400, HttpDocuments.run(run));
        }
    }

    private Reply check(HttpExchange ex) throws IOException {
        Posted posted = posted(ex, query(ex));
        if (posted.refusal != null) {
            return posted.refusal;
        }
        CheckResult result = posted.lodestone.check(new ByteArrayInputStream(posted.body), posted.name);
        return Reply.json(result.clean() ? 200 : 400, HttpDocuments.check(result));
    }

    private Reply rulesInfo() {
        Lodestone lodestone = rules.current();
        LiveRules.Failure failure = rules.lastFailure();
        byte[] body = HttpDocuments.rules(lodestone == null ? null : lodestone.rulesHash(),
                lodestone == null ? List.of() : lodestone.rules(), rules.reloads(),
                failure == null ? null : failure.at(), failure == null ? List.of() : failure.errors());
        return Reply.json(lodestone == null ? 503 : 200, body);
    }

    private Reply health() {
        Lodestone lodestone = rules.current();
        return Reply.json(lodestone == null ? 503 : 200, HttpDocuments.health(lodestone == null ? null
                : lodestone.rulesHash()));
    }

    private Reply unavailable() {
        LiveRules.Failure failure = rules.lastFailure();
        if (failure != null && !failure.errors().isEmpty()) {
            return Reply.errors(503, failure.errors());
        }
        return Reply.error(503, Kind.UNAVAILABLE, "no valid rule set is loaded");
    }

    /** The request body, or the reply that refuses it (415, 413). */
    private record Body(byte[] bytes, Reply refusal) {
    }

    /** A fact set posted to the current rules, or the reply refusing it (503 no rules, 413/415 body). */
    private record Posted(Lodestone lodestone, byte[] body, String name, Reply refusal) {
    }

    private Posted posted(HttpExchange ex, Map<String, String> query) throws IOException {
        Lodestone lodestone = rules.current();
        if (lodestone == null) {
            return new Posted(null, null, null, unavailable());
        }
        Body body = readBody(ex);
        if (body.refusal != null) {
            return new Posted(null, null, null, body.refusal);
        }
        return new Posted(lodestone, body.bytes, query.getOrDefault("name", DEFAULT_NAME), null);
    }

    private Body readBody(HttpExchange ex) throws IOException {
        String type = ex.getRequestHeaders().getFirst("Content-Type");
        String mediaType = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            return new Body(null, Reply.error(415, Kind.REQUEST, "Content-Type must be application/json, not "
                    + (type == null ? "missing" : "'" + type + "'")));
        }
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > maxBodyBytes) {
            discardRest(ex.getRequestBody());
            return new Body(null, tooLarge());
        }
        // a chunked body has no length up front: keep at most one read past the limit
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16384];
        try (InputStream in = ex.getRequestBody()) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBodyBytes) {
                    discardRest(in);
                    return new Body(null, tooLarge());
                }
                out.write(buf, 0, n);
            }
        }
        return new Body(out.toByteArray(), null);
    }

    /**
     * Reads and drops what is left of a refused body, up to a bound: clients such as Java's HttpClient
     * only see the 413 when they could finish sending. Beyond the bound the connection is dropped.
     */
    private void discardRest(InputStream in) throws IOException {
        long budget = Math.max(DISCARD_AT_LEAST, 4 * maxBodyBytes);
        byte[] buf = new byte[65536];
        int n;
        while (budget > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, budget))) > 0) {
            budget -= n;
        }
    }

    private Reply tooLarge() {
        return Reply.error(413, Kind.LIMIT, "request body is larger than the limit of " + maxBodyBytes
                + " bytes (raise it with --max-body-bytes)");
    }

    private static Map<String, String> query(HttpExchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "true" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }
}

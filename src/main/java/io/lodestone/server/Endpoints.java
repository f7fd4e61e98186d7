package io.lodestone.server;

import io.lodestone.Lodestone;
import io.lodestone.api.CheckResult;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Report;
import io.lodestone.api.RunReport;
import io.lodestone.output.HttpDocuments;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The HTTP routes. Every evaluation goes through {@link Lodestone}; nothing here knows about Drools. */
final class Endpoints {
    static final String DEFAULT_NAME = "request.json";

    /**
     * One request as the transport read it: the body is complete (and within the size limit) for POST.
     *
     * @param method      HTTP method
     * @param path        decoded path
     * @param rawQuery    query string as sent, or null
     * @param contentType the Content-Type header, or null
     * @param accept      the Accept header, or null (/metrics answers OpenMetrics when it asks)
     * @param body        the body bytes (empty when none)
     */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
    record Exchange(String method, String path, String rawQuery, String contentType, String accept, byte[] body) {}

    private final LiveRules rules;
    private final Metrics metrics;
    private final int maxFacts;

    Endpoints(LiveRules rules, Metrics metrics, int maxFacts) {
        this.rules = rules;
        this.metrics = metrics;
        this.maxFacts = maxFacts;
    }

    /** Whether this route reads a body (and so is read fully, then evaluated on the bounded pool). */
    static boolean takesBody(String method, String path) {
        return post(method) && (path.equals("/v1/evaluate") || path.equals("/v1/check"));
    }

    Reply route(Exchange ex) throws IOException {
        String path = ex.path();
        String method = ex.method();
        return switch (path) {
            case "/v1/evaluate" -> post(method) ? timedEvaluate(ex) : notAllowed("POST");
            case "/v1/check" -> post(method) ? check(ex) : notAllowed("POST");
            case "/v1/rules" -> get(method) ? rulesInfo() : notAllowed("GET");
            case "/healthz" -> get(method) ? health() : notAllowed("GET");
            case "/metrics" -> get(method) ? metrics(ex) : notAllowed("GET");
            default -> Reply.error(404, Kind.REQUEST, "no such endpoint: " + path);
        };
    }

    /** Prometheus text, or OpenMetrics when the scraper's Accept header asks for it. */
    private Reply metrics(Exchange ex) {
        Metrics.Exposition e = metrics.render(rules, ex.accept());
        return new Reply(200, e.contentType(), e.body());
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

    private Reply timedEvaluate(Exchange ex) throws IOException {
        long start = System.nanoTime();
        Reply reply = evaluate(ex);
        metrics.observeEvaluateSeconds((System.nanoTime() - start) / 1e9);
        return reply;
    }

    private Reply evaluate(Exchange ex) throws IOException {
        Map<String, String> query;
        try {
            query = query(ex);
        } catch (IllegalArgumentException e) {
            return badQuery(e);
        }
        String explain = query.getOrDefault("explain", "false");
        if (!explain.equals("true") && !explain.equals("false")) {
            return Reply.error(400, Kind.REQUEST, "explain must be true or false, not '" + explain + "'");
        }
        Reply badStrict = badStrict(query);
        if (badStrict != null) {
            return badStrict;
        }
        Posted posted = posted(ex, query);
        if (posted.refusal != null) {
            return posted.refusal;
        }
        Lodestone lodestone = posted.lodestone;
        try {
            FactSet factSet = lodestone.load(
                    new ByteArrayInputStream(posted.body), posted.name, "true".equals(query.get("strict")));
            if (factSet.facts().size() > maxFacts) {
                return Reply.error(
                        413,
                        Kind.LIMIT,
                        "the fact set has " + factSet.facts().size() + " facts, over the limit of " + maxFacts
                                + " per request (raise it with --max-facts)");
            }
            Report report = lodestone.evaluate(factSet, explain.equals("true"));
            metrics.evaluated();
            RunReport run =
                    new RunReport(lodestone.rulesHash(), lodestone.rules().size(), List.of(report), List.of());
            return Reply.json(200, HttpDocuments.run(run));
        } catch (FactSetException e) {
            RunReport run =
                    new RunReport(lodestone.rulesHash(), lodestone.rules().size(), List.of(), e.errors());
            return Reply.json(400, HttpDocuments.run(run));
        }
    }

    /** {@code ?strict=true|false}: value warnings become errors for this request. */
    private static Reply badStrict(Map<String, String> query) {
        String strict = query.getOrDefault("strict", "false");
        return strict.equals("true") || strict.equals("false")
                ? null
                : Reply.error(400, Kind.REQUEST, "strict must be true or false, not '" + strict + "'");
    }

    private Reply check(Exchange ex) throws IOException {
        Map<String, String> query;
        try {
            query = query(ex);
        } catch (IllegalArgumentException e) {
            return badQuery(e);
        }
        Reply badStrict = badStrict(query);
        if (badStrict != null) {
            return badStrict;
        }
        Posted posted = posted(ex, query);
        if (posted.refusal != null) {
            return posted.refusal;
        }
        CheckResult result = posted.lodestone.check(
                new ByteArrayInputStream(posted.body), posted.name, "true".equals(query.get("strict")));
        return Reply.json(result.clean() ? 200 : 400, HttpDocuments.check(result));
    }

    private Reply rulesInfo() {
        Lodestone lodestone = rules.current();
        LiveRules.Failure failure = rules.lastFailure();
        byte[] body = HttpDocuments.rules(
                lodestone == null ? null : lodestone.rulesHash(),
                lodestone == null ? List.of() : lodestone.rules(),
                rules.reloads(),
                failure == null ? null : failure.at(),
                failure == null ? List.of() : failure.errors());
        return Reply.json(lodestone == null ? 503 : 200, body);
    }

    private Reply health() {
        Lodestone lodestone = rules.current();
        return Reply.json(
                lodestone == null ? 503 : 200, HttpDocuments.health(lodestone == null ? null : lodestone.rulesHash()));
    }

    private Reply unavailable() {
        LiveRules.Failure failure = rules.lastFailure();
        if (failure != null && !failure.errors().isEmpty()) {
            return Reply.errors(503, failure.errors());
        }
        return Reply.error(503, Kind.UNAVAILABLE, "no valid rule set is loaded");
    }

    /** The request body, or the reply that refuses it (415, 413). */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
    private record Body(byte[] bytes, Reply refusal) {}

    /** A fact set posted to the current rules, or the reply refusing it (503 no rules, 413/415 body). */
    @SuppressWarnings("ArrayRecordComponent") // a carrier, never compared or hashed
    private record Posted(Lodestone lodestone, byte[] body, String name, Reply refusal) {}

    private Posted posted(Exchange ex, Map<String, String> query) throws IOException {
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

    private Body readBody(Exchange ex) {
        String type = ex.contentType();
        String[] parts = type == null ? new String[] {""} : type.split(";");
        String mediaType = parts[0].trim().toLowerCase(Locale.ROOT);
        if (!mediaType.equals("application/json")) {
            return new Body(
                    null,
                    Reply.error(
                            415,
                            Kind.REQUEST,
                            "Content-Type must be application/json, not "
                                    + (type == null ? "missing" : "'" + type + "'")));
        }
        Charset charset = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].trim().split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("charset")) {
                String name = kv[1].trim().replace("\"", "");
                try {
                    charset = Charset.forName(name);
                } catch (IllegalArgumentException e) {
                    return new Body(
                            null,
                            Reply.error(
                                    415,
                                    Kind.REQUEST,
                                    "unsupported charset '" + name
                                            + "' (send UTF-8, or name a charset this JVM knows)"));
                }
            }
        }
        byte[] bytes = ex.body();
        if (charset != null
                && !charset.equals(StandardCharsets.UTF_8)
                && !charset.name().startsWith("UTF-")) {
            // the loader reads UTF-8 (and detects UTF-16/32): decode what the header names, as the header says
            bytes = new String(bytes, charset).getBytes(StandardCharsets.UTF_8);
        }
        return new Body(bytes, null);
    }

    private static Reply badQuery(IllegalArgumentException e) {
        return Reply.error(400, Kind.REQUEST, "bad query string: " + e.getMessage());
    }

    @SuppressWarnings("StringSplitter") // split's dropping of trailing empty pairs ("a=1&") is wanted
    private static Map<String, String> query(Exchange ex) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = ex.rawQuery();
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

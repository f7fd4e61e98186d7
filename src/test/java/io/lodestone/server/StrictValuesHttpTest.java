package io.lodestone.server;

import static io.lodestone.server.Http.postJson;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Declared values over HTTP: warnings in /v1/check, and ?strict=true on /v1/check and /v1/evaluate. */
class StrictValuesHttpTest {
    static final byte[] ONE_WARNING = """
            {"lodestone": 1, "facts": [{"type": "Deal", "id": "d1", "parties": ["us", "ua"], "resources": ["galium"]}]}
            """.getBytes(StandardCharsets.UTF_8);
    static final byte[] TWO_ERRORS = """
            {"lodestone": 1, "facts": [{"type": "Deal", "id": "d1", "parties": ["us", "chn"], "status": "sigend"}]}
            """.getBytes(StandardCharsets.UTF_8);
    static LodestoneServer server;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        LiveRules rules =
                new LiveRules(Lodestone.builder(Path.of("rules"))::build, new PrintWriter(new StringWriter()));
        assertTrue(rules.reload());
        server = LodestoneServer.start(
                rules, new LodestoneServer.Config("127.0.0.1", 0, 1 << 20, 2), new PrintWriter(new StringWriter()));
        base = server.baseUrl();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void checkListsWarningsAndStrictMakesThemErrors() {
        Http.Response ok = postJson(base + "/v1/check", ONE_WARNING);
        assertEquals(200, ok.status(), ok.body());
        assertEquals("facts[0].resources[0]", ok.json().at("/warnings/0/path").asText());
        Http.Response strict = postJson(base + "/v1/check?strict=true", ONE_WARNING);
        assertEquals(400, strict.status(), strict.body());
        assertEquals("fact-vocabulary", strict.json().at("/errors/0/kind").asText());
        assertEquals(400, postJson(base + "/v1/check?strict=maybe", ONE_WARNING).status());
    }

    @Test
    void checkListsEveryErrorAtOnce() {
        Http.Response r = postJson(base + "/v1/check", TWO_ERRORS);
        assertEquals(400, r.status(), r.body());
        assertEquals(2, r.json().get("errors").size(), r.body());
    }

    @Test
    void evaluateUnderStrictRefusesAWarning() {
        assertEquals(200, postJson(base + "/v1/evaluate", ONE_WARNING).status());
        Http.Response strict = postJson(base + "/v1/evaluate?strict=true", ONE_WARNING);
        assertEquals(400, strict.status(), strict.body());
        assertEquals(0, strict.json().get("reports").size());
    }
}

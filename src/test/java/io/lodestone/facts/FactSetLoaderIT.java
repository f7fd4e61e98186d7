package io.lodestone.facts;

import static io.lodestone.TestFiles.miniRules;
import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.Lodestone;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Fact;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FactSetLoaderIT {
    @TempDir
    Path tmp;

    Lodestone lodestone;

    @BeforeEach
    void compile() throws Exception {
        lodestone = Lodestone.fromRules(miniRules(tmp.resolve("rules")));
    }

    private FactSet load(String json) throws FactSetException {
        return lodestone.load(write(tmp.resolve("f.json"), json));
    }

    private Diagnostic onlyError(String json) {
        FactSetException e = assertThrows(FactSetException.class, () -> load(json));
        assertEquals(1, e.errors().size(), e.errors().toString());
        return e.errors().get(0);
    }

    private static Object get(Object bean, String property) throws Exception {
        Method m = bean.getClass().getMethod("get" + Character.toUpperCase(property.charAt(0)) + property.substring(1));
        return m.invoke(bean);
    }

    @Test
    void bindsFactsIntoTheDeclaredTypes() throws Exception {
        FactSet set = load("""
                {"lodestone": 1, "id": "set-1", "title": "T", "asOf": "2025-02-25",
                 "sources": [{"id": "doc", "title": "A document", "kind": "news"}],
                 "facts": [{"type": "Item", "id": "a", "amount": 3.5e9, "flagged": true, "tags": ["x", "y"],
                            "seen": "2025-01-20", "source": {"ref": "doc", "quote": "q"}}]}
                """);
        assertEquals("set-1", set.id());
        Fact fact = set.facts().get(0);
        assertEquals("Item", fact.type());
        assertEquals("mini.Item", fact.value().getClass().getName());
        assertEquals(3.5e9, get(fact.value(), "amount"));
        assertEquals(true, get(fact.value(), "flagged"));
        assertEquals(List.of("x", "y"), get(fact.value(), "tags"));
        assertEquals(LocalDate.of(2025, 1, 20), get(fact.value(), "seen"));
        assertEquals("doc", fact.sourceRef());
        assertEquals("q", fact.quote());
        assertEquals("facts[0]", fact.path());
    }

    @Test
    void theIdDefaultsToTheFileName() throws Exception {
        assertEquals("f", load("{\"lodestone\": 1, \"facts\": []}").id());
    }

    @Test
    void absentOptionalFieldsAreNull() throws Exception {
        Object item = load("{\"lodestone\": 1, \"facts\": [{\"type\": \"Item\", \"id\": \"a\"}]}")
                .facts()
                .get(0)
                .value();
        assertNull(get(item, "amount"));
        assertNull(get(item, "flagged"));
        // fields a new instance already leaves null are not reset, and stay null
        assertNull(get(item, "tags"));
        assertNull(get(item, "seen"));
    }

    @Test
    void syntaxErrorsHaveLineAndColumn() {
        Diagnostic e = onlyError("{\"lodestone\": 1,\n  \"facts\": [\n    {\"type\": \"Item\" \"id\": \"a\"}]}");
        assertEquals(Diagnostic.Kind.JSON_SYNTAX, e.kind());
        assertEquals(3, e.line());
        assertEquals(21, e.column());
    }

    @Test
    void aValueOfTheWrongTypeNamesThePathAndLine() {
        Diagnostic e = onlyError(
                "{\"lodestone\": 1, \"facts\": [\n {\"type\": \"Item\", \"id\": \"a\",\n  \"amount\": \"lots\"}]}");
        assertEquals(Diagnostic.Kind.FACT_VALUE, e.kind());
        assertEquals("facts[0].amount", e.path());
        assertEquals(3, e.line());
        assertTrue(e.message().contains("a number"), e.message());
    }

    @Test
    void anUnknownFieldIsAnErrorAtItsKey() {
        Diagnostic e =
                onlyError("{\"lodestone\": 1, \"facts\": [\n {\"type\": \"Item\", \"id\": \"a\", \"amont\": 3}]}");
        assertEquals(Diagnostic.Kind.FACT_SHAPE, e.kind());
        assertEquals("facts[0].amont", e.path());
        assertEquals(2, e.line());
        assertEquals(30, e.column());
    }

    @Test
    void everyProblemOfAFileIsReportedTogether() {
        FactSetException e = assertThrows(FactSetException.class, () -> load("""
                {"lodestone": 1, "facts": [
                  {"type": "Thing", "id": "a"},
                  {"type": "Item"},
                  {"type": "Item", "id": "b", "source": {"ref": "nowhere"}},
                  {"type": "Item", "id": "b"}
                ]}
                """));
        List<String> got = e.errors().stream()
                .map(err -> err.kind() + " " + err.path() + " @" + err.line())
                .toList();
        assertEquals(
                List.of(
                        Diagnostic.Kind.FACT_TYPE + " facts[0].type @2",
                        Diagnostic.Kind.FACT_SHAPE + " facts[1] @3",
                        Diagnostic.Kind.FACT_REFERENCE + " facts[2].source.ref @4",
                        Diagnostic.Kind.FACT_SHAPE + " facts[3].id @5"),
                got);
    }

    @Test
    void anUnsupportedVersionIsRefused() {
        Diagnostic e = onlyError("{\"lodestone\": 2, \"facts\": []}");
        assertEquals("lodestone", e.path());
    }

    @Test
    void anEmptyFileIsAnError() {
        Diagnostic e = onlyError("");
        assertEquals(Diagnostic.Kind.JSON_SYNTAX, e.kind());
    }
}

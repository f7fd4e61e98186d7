package io.lodestone.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.lodestone.api.FactLocation;
import io.lodestone.api.FactLocator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Line and column of every fact in a fact-set file, by fact id, from one streaming pass over the
 * {@code facts} array. Kept apart from loading so that runs which never point into files pay nothing.
 */
public final class FactLocations {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonFactory YAML = new com.fasterxml.jackson.dataformat.yaml.YAMLFactory();

    private FactLocations() {}

    /** Fact id to location; the first fact wins for a duplicate id; empty when the document is unreadable. */
    public static Map<String, FactLocation> of(byte[] content) {
        return of(content, FACTORY);
    }

    private static Map<String, FactLocation> of(byte[] content, JsonFactory syntax) {
        Map<String, FactLocation> out = new HashMap<>();
        try (JsonParser p = syntax.createParser(content)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return out;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("facts") && value == JsonToken.START_ARRAY) {
                    readFacts(p, out);
                } else {
                    p.skipChildren();
                }
            }
        } catch (IOException | RuntimeException e) {
            // a malformed file was already reported by the loader; locations are best effort
        }
        return out;
    }

    private static void readFacts(JsonParser p, Map<String, FactLocation> out) throws IOException {
        int index = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation start = p.currentTokenLocation();
            String path = "facts[" + index++ + "]";
            if (p.currentToken() != JsonToken.START_OBJECT) {
                p.skipChildren();
                continue;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("id") && value == JsonToken.VALUE_STRING) {
                    out.putIfAbsent(
                            p.getText(), new FactLocation(p.getText(), path, start.getLineNr(), start.getColumnNr()));
                } else {
                    p.skipChildren();
                }
            }
        }
    }

    /** Locations in a file (JSON or YAML); empty when it cannot be read (e.g. a fact set that came from a stream). */
    public static Map<String, FactLocation> of(String file) {
        try {
            byte[] content = Files.readAllBytes(Path.of(file));
            return of(content, FactFormat.of(file, content) == FactFormat.YAML ? YAML : FACTORY);
        } catch (IOException | InvalidPathException e) {
            return Map.of();
        }
    }

    /** A locator that reads each file at most once, on first use. */
    public static FactLocator cachingLocator() {
        Map<String, Map<String, FactLocation>> cache = new ConcurrentHashMap<>();
        return (file, factId) -> file == null
                ? Optional.empty()
                : Optional.ofNullable(
                        cache.computeIfAbsent(file, FactLocations::of).get(factId));
    }
}

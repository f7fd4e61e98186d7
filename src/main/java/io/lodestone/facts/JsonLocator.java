package io.lodestone.facts;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the line and column of a JSON path ({@code facts[12].amountUsd}) in a JSON or YAML document
 * (any Jackson parser reports token locations the same way). Only called
 * when something is wrong, so the happy path parses each file once; a path that does not exist (a
 * missing field) resolves to its nearest existing parent.
 */
final class JsonLocator {
    private static final JsonFactory FACTORY = new JsonFactory();

    private JsonLocator() {}

    /** {line, column}, 1-based, or null when even the document root cannot be found. */
    static int[] locate(byte[] content, String path) {
        return locate(FACTORY, content, path);
    }

    /** {line, column} in a document of the syntax {@code factory} parses, or null. */
    static int[] locate(JsonFactory factory, byte[] content, String path) {
        String target = path;
        while (true) {
            int[] found = find(factory, content, target);
            if (found != null || target.isEmpty()) {
                return found;
            }
            target = parent(target);
        }
    }

    /** Opens a parser on a document (in memory, or a file read again). */
    interface Document {
        JsonParser open(JsonFactory factory) throws IOException;
    }

    /**
     * {line, column} of every path, exactly as {@link #locate(JsonFactory, byte[], String)} gives each
     * (a path not found falls back to its nearest found parent; absent when even the root is not found),
     * from one pass over the document however many paths there are.
     */
    static Map<String, int[]> locateAll(JsonFactory factory, Document document, Collection<String> paths) {
        Set<String> wanted = new HashSet<>();
        for (String path : paths) {
            String t = path;
            while (wanted.add(t) && !t.isEmpty()) {
                t = parent(t);
            }
        }
        // array paths to the element indices wanted in them, so elements are visited without building paths
        Map<String, List<Integer>> indices = new HashMap<>();
        for (String w : wanted) {
            int open = w.lastIndexOf('[');
            if (open >= 0 && w.endsWith("]")) {
                try {
                    int index = Integer.parseInt(w.substring(open + 1, w.length() - 1));
                    indices.computeIfAbsent(w.substring(0, open), k -> new ArrayList<>())
                            .add(index);
                } catch (NumberFormatException e) {
                    // a key with brackets in it, found as an object member instead
                }
            }
        }
        Map<String, int[]> sortedIndices = new HashMap<>();
        indices.forEach((k, v) -> sortedIndices.put(
                k, v.stream().mapToInt(Integer::intValue).sorted().distinct().toArray()));
        Map<String, JsonLocation> found = new HashMap<>();
        try (JsonParser p = document.open(factory)) {
            if (p.nextToken() != null) {
                visit(p, "", wanted, sortedIndices, found);
            }
        } catch (IOException | RuntimeException e) {
            // what was found before a malformed part still counts, as in locate
        }
        Map<String, int[]> out = new HashMap<>();
        for (String path : paths) {
            String t = path;
            while (true) {
                JsonLocation at = found.get(t);
                if (at != null) {
                    out.put(path, new int[] {at.getLineNr(), at.getColumnNr()});
                    break;
                }
                if (t.isEmpty()) {
                    break;
                }
                t = parent(t);
            }
        }
        return out;
    }

    private static void visit(
            JsonParser p, String path, Set<String> wanted, Map<String, int[]> indices, Map<String, JsonLocation> found)
            throws IOException {
        if (wanted.contains(path)) {
            found.putIfAbsent(path, p.currentTokenLocation());
        } else {
            p.skipChildren();
            return;
        }
        JsonToken token = p.currentToken();
        if (token == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                if (wanted.contains(child)) {
                    // a member is located at its key
                    found.putIfAbsent(child, p.currentTokenLocation());
                }
                p.nextToken();
                visit(p, child, wanted, indices, found);
            }
        } else if (token == JsonToken.START_ARRAY) {
            int[] want = indices.getOrDefault(path, new int[0]);
            int next = 0;
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                while (next < want.length && want[next] < index) {
                    next++;
                }
                if (next < want.length && want[next] == index) {
                    visit(p, path + "[" + index + "]", wanted, indices, found);
                } else {
                    p.skipChildren();
                }
                index++;
            }
        }
    }

    /** Whether the tree holds a floating-point 0, which may be a number too small for a double. */
    static boolean hasZeroFloat(com.fasterxml.jackson.databind.JsonNode node) {
        if (node.isContainerNode()) {
            for (com.fasterxml.jackson.databind.JsonNode child : node) {
                if (hasZeroFloat(child)) {
                    return true;
                }
            }
            return false;
        }
        return node.isFloatingPointNumber() && node.doubleValue() == 0.0;
    }

    /** {line, column} of the first non-zero number that reads as 0 as a double (1e-400), or null. */
    static int[] underflow(byte[] content) {
        return underflow(FACTORY, f -> f.createParser(content));
    }

    /** As {@link #underflow(byte[])}, for a document read again from wherever it is. */
    static int[] underflow(JsonFactory factory, Document document) {
        try (JsonParser p = document.open(factory)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_NUMBER_FLOAT
                        && p.getDoubleValue() == 0.0
                        && p.getDecimalValue().signum() != 0) {
                    JsonLocation at = p.currentTokenLocation();
                    return new int[] {at.getLineNr(), at.getColumnNr()};
                }
            }
        } catch (IOException | RuntimeException e) {
            return null; // the document already parsed once; nothing more to say here
        }
        return null;
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static int[] find(JsonFactory factory, byte[] content, String target) {
        try (JsonParser p = factory.createParser(content)) {
            if (p.nextToken() == null) {
                return null;
            }
            JsonLocation loc = find(p, "", target);
            return loc == null ? null : new int[] {loc.getLineNr(), loc.getColumnNr()};
        } catch (IOException e) {
            return null; // malformed documents report their own syntax location
        }
    }

    private static JsonLocation find(JsonParser p, String path, String target) throws IOException {
        JsonLocation here = p.currentTokenLocation();
        if (path.equals(target)) {
            return here;
        }
        JsonToken token = p.currentToken();
        if (!target.startsWith(path)) {
            p.skipChildren();
            return null;
        }
        if (token == JsonToken.START_OBJECT) {
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String child = path.isEmpty() ? p.currentName() : path + "." + p.currentName();
                JsonLocation keyLocation = p.currentTokenLocation();
                p.nextToken();
                if (child.equals(target)) {
                    return keyLocation;
                }
                JsonLocation found = find(p, child, target);
                if (found != null) {
                    return found;
                }
            }
        } else if (token == JsonToken.START_ARRAY) {
            int index = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                JsonLocation found = find(p, path + "[" + index++ + "]", target);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /**
     * {line, column} of the first '[' or '{' that opens level {@code maxDepth + 1}, or null. Jackson's
     * depth limit reports no location, and this only runs after it refused a document.
     */
    static int[] deeperThan(byte[] content, int maxDepth) {
        int depth = 0;
        int line = 1;
        int column = 0;
        boolean inString = false;
        for (int i = 0; i < content.length; i++) {
            byte b = content[i];
            column++;
            if (b == '\n') {
                line++;
                column = 0;
            } else if (inString) {
                if (b == '\\') {
                    i++;
                    column++;
                } else if (b == '"') {
                    inString = false;
                }
            } else if (b == '"') {
                inString = true;
            } else if (b == '[' || b == '{') {
                if (++depth > maxDepth) {
                    return new int[] {line, column};
                }
            } else if (b == ']' || b == '}') {
                depth--;
            }
        }
        return null;
    }
}

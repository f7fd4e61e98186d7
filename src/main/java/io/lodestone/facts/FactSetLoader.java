package io.lodestone.facts;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.Fact;
import io.lodestone.api.FactFields;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Source;
import io.lodestone.engine.DeclaredType;
import io.lodestone.engine.FactAccessor;
import io.lodestone.engine.FieldValues;
import io.lodestone.engine.ValueModel;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads fact sets (format v1, {@code docs/fact-format.md}) into the rule set's declared types. Every
 * problem in a file is reported with its file, line, column and JSON path; a file with any problem
 * yields no fact set, so nothing is evaluated on half of it. A fact set is JSON or YAML with the same
 * structure ({@link FactFormat}). JSON is streamed: each element of {@code facts} is read as a small
 * tree, checked, bound and dropped, so a large set never holds its whole document; YAML is read into one
 * tree. Both go through the same checks, so problems and findings do not depend on the syntax.
 * Thread-safe.
 */
public final class FactSetLoader {
    public static final int FORMAT_VERSION = 1;
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    public static final int DEFAULT_MAX_DEPTH = 64;

    private static final Set<String> ENVELOPE_FIELDS =
            Set.of("lodestone", "id", "title", "asOf", "sources", "facts", "$schema", "description");
    private static final Set<String> SOURCE_FIELDS =
            Set.of("id", "title", "kind", "published", "url", "publisher", "author", "file");
    private static final Set<String> FACT_SOURCE_FIELDS = Set.of("ref", "quote");

    private final Map<String, DeclaredType> types;
    private final ValueModel values;
    private final boolean strict;
    private final long maxBytes;
    private final boolean lenient;
    private final int maxDepth;
    private final ObjectMapper mapper;
    private final ObjectMapper yamlMapper;
    private final Map<Class<?>, ObjectReader> readers = new ConcurrentHashMap<>();
    private final Map<Class<?>, Map<String, Method>> setters = new ConcurrentHashMap<>();

    /** The deepest nesting read, whatever the configured limit (2,000 levels was fine, 5,000 overflowed). */
    public static final int MAX_SUPPORTED_DEPTH = 1000;
    /** The most bytes one fact set can hold in memory (a Java array's limit). */
    static final long MAX_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    /**
     * The largest file this JVM can read as one fact set: a JSON tree and its bound facts take several
     * times the file's bytes, so an eighth of the heap (and never more than an array holds); a larger
     * --max-file-bytes would end in OutOfMemoryError rather than a located limit.
     */
    static long readableBytes() {
        return Math.min(MAX_ARRAY_BYTES, Runtime.getRuntime().maxMemory() / 8);
    }

    public FactSetLoader(Map<String, DeclaredType> types) {
        this(types, DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, false);
    }

    /** {@code lenient}: unknown fields are dropped with a warning instead of failing the fact set. */
    public FactSetLoader(Map<String, DeclaredType> types, long maxBytes, int maxDepth, boolean lenient) {
        this(types, ValueModel.NONE, maxBytes, maxDepth, lenient, false);
    }

    /**
     * {@code values}: the declared values fields admit (enumerations, ranges, vocabularies);
     * {@code strict}: value warnings (a word outside an open vocabulary) are errors.
     */
    public FactSetLoader(
            Map<String, DeclaredType> types,
            ValueModel values,
            long maxBytes,
            int maxDepth,
            boolean lenient,
            boolean strict) {
        this.types = Map.copyOf(types);
        this.values = values;
        this.strict = strict;
        this.maxBytes = maxBytes;
        this.lenient = lenient;
        // deeper documents overflow the stack of the checks that walk the tree, whatever --max-depth says
        this.maxDepth = Math.min(maxDepth, MAX_SUPPORTED_DEPTH);
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                // one JSON value per file: a second document or trailing text must not be ignored
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // a key given twice is a mistake: silently keeping the last value would hide it
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(this.maxDepth)
                        .build());
        // SnakeYAML's own input limit (3 MB by default) must not undercut --max-file-bytes
        LoaderOptions yamlLimits = new LoaderOptions();
        yamlLimits.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, Math.max(maxBytes, 1)));
        yamlLimits.setNestingDepthLimit(this.maxDepth + 1);
        this.yamlMapper = YAMLMapper.builder(YAMLFactory.builder()
                        .loaderOptions(yamlLimits)
                        .streamReadConstraints(StreamReadConstraints.builder()
                                .maxNestingDepth(this.maxDepth)
                                .build())
                        .build())
                // one YAML document per file, like one JSON value: a second document must not be ignored
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /** Reads one fact-set file; {@code file} is also the name used in errors and reports. */
    public FactSet load(Path file) throws FactSetException {
        String name = file.toString();
        Path folder = file.toAbsolutePath().getParent();
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            throw error(Kind.IO, name, null, null, "file not found");
        } catch (IOException e) {
            throw error(Kind.IO, name, null, null, "cannot read: " + e.getMessage());
        }
        if (size > maxBytes) {
            throw error(
                    Kind.LIMIT,
                    name,
                    null,
                    null,
                    "file is " + size + " bytes, over the limit of " + maxBytes + " (raise it with --max-file-bytes)");
        }
        // a large JSON file is streamed from disk, so its bytes are never all in memory: only what is
        // unusual (a syntax error, a root that is not an object) is read whole, to be reported as before;
        // a small one is read first (its bytes cost little, and errors are then located without reopening it)
        if (size > IN_MEMORY_BYTES && FactFormat.byName(name) == FactFormat.JSON && Files.isRegularFile(file)) {
            FactSet streamed = streamFromDisk(file, name, folder);
            if (streamed != null) {
                return streamed;
            }
        }
        return load(readAll(file, name, size), name, folder);
    }

    /** Files up to this size are read into memory before they are parsed. */
    static final long IN_MEMORY_BYTES = 1L << 20;

    /** Streams a JSON file from disk; null when it must be read whole to be reported as before. */
    FactSet streamFromDisk(Path file, String name, Path folder) throws FactSetException {
        return new Reading(p -> p.createParser(file.toFile()), name, folder).stream();
    }

    private byte[] readAll(Path file, String name, long size) throws FactSetException {
        try {
            long readable = Math.min(maxBytes, readableBytes());
            if (size > readable) {
                throw error(
                        Kind.LIMIT,
                        name,
                        null,
                        null,
                        "file is " + size + " bytes, more than this JVM can read "
                                + "as one fact set (" + readable + " bytes with a heap of "
                                + Runtime.getRuntime().maxMemory()
                                + "; raise -Xmx in LODESTONE_JAVA_OPTS, or split the file)");
            }
            // the stated size is 0 for devices and pipes (/dev/zero): the limit applies to what is read
            try (java.io.InputStream in = Files.newInputStream(file)) {
                byte[] content = in.readNBytes((int) readable);
                if (in.read() >= 0) {
                    throw error(
                            Kind.LIMIT,
                            name,
                            null,
                            null,
                            "file is larger than "
                                    + (readable < maxBytes
                                            ? "the " + readable + " bytes this JVM can read as one fact set"
                                            : "the limit of " + maxBytes + " bytes (raise it with --max-file-bytes)"));
                }
                return content;
            }
        } catch (NoSuchFileException e) {
            throw error(Kind.IO, name, null, null, "file not found");
        } catch (IOException e) {
            throw error(Kind.IO, name, null, null, "cannot read: " + e.getMessage());
        }
    }

    /**
     * Reads a fact set from bytes; {@code name} stands for the file in errors and reports, and its
     * extension (else the content) says whether it is JSON or YAML ({@link FactFormat#of}).
     */
    public FactSet load(byte[] content, String name) throws FactSetException {
        return load(content, name, null);
    }

    /**
     * Reads a fact set from bytes; {@code folder} (or null) is where source files named in it are read
     * from, so that quotes can be checked against them.
     */
    private FactSet load(byte[] content, String name, Path folder) throws FactSetException {
        if (content.length > maxBytes) {
            throw error(
                    Kind.LIMIT,
                    name,
                    null,
                    null,
                    "input is " + content.length + " bytes, over the limit of " + maxBytes);
        }
        FactFormat format = FactFormat.of(name, content);
        if (format == FactFormat.YAML) {
            // YAML keeps its tree: SnakeYAML builds its own node graph anyway, and YAML sets are small
            return new Reading(content, name, yamlMapper.getFactory(), folder).read(readYaml(content, name));
        }
        FactSet streamed = new Reading(p -> p.createParser(content), name, folder).stream();
        if (streamed != null) {
            return streamed;
        }
        JsonNode root;
        try {
            root = mapper.readTree(content);
        } catch (StreamConstraintsException e) {
            int[] tooDeep = JsonLocator.deeperThan(content, maxDepth);
            if (tooDeep != null) {
                throw error(
                        Kind.LIMIT,
                        name,
                        tooDeep[0],
                        tooDeep[1],
                        "nested deeper than the limit of "
                                + maxDepth + " levels ("
                                + (maxDepth == MAX_SUPPORTED_DEPTH
                                        ? "the most Lodestone reads"
                                        : "raise it with --max-depth")
                                + ")");
            }
            throw error(
                    Kind.LIMIT,
                    name,
                    e.getLocation() == null ? null : e.getLocation().getLineNr(),
                    e.getLocation() == null ? null : e.getLocation().getColumnNr(),
                    e.getOriginalMessage());
        } catch (JsonParseException e) {
            int[] at = JsonSyntax.location(e, content);
            throw error(Kind.JSON_SYNTAX, name, at[0], at[1], JsonSyntax.message(e));
        } catch (com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
            var at = e.getLocation();
            throw error(
                    Kind.JSON_SYNTAX,
                    name,
                    at == null ? null : at.getLineNr(),
                    at == null ? null : at.getColumnNr(),
                    "more content after the fact set: a file holds one JSON "
                            + "object (two fact sets need two files)");
        } catch (JsonProcessingException e) {
            throw error(Kind.JSON_SYNTAX, name, null, null, e.getOriginalMessage());
        } catch (IOException e) {
            throw error(Kind.IO, name, null, null, "cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw error(Kind.JSON_SYNTAX, name, 1, 1, "empty file: expected a fact set, a JSON object");
        }
        if (JsonLocator.hasZeroFloat(root)) {
            int[] underflow = JsonLocator.underflow(content);
            if (underflow != null) {
                throw error(
                        Kind.FACT_VALUE,
                        name,
                        underflow[0],
                        underflow[1],
                        "number is too small: it "
                                + "underflows a 64-bit floating-point number to 0 (the smallest is about 4.9e-324)");
            }
        }
        return new Reading(content, name, mapper.getFactory(), folder).read(root);
    }

    private JsonNode readYaml(byte[] content, String name) throws FactSetException {
        JsonNode root;
        try {
            root = yamlMapper.readTree(content);
        } catch (StreamConstraintsException e) {
            int[] at = YamlSyntax.deeperThan(content, maxDepth);
            throw error(
                    Kind.LIMIT,
                    name,
                    at == null ? null : at[0],
                    at == null ? null : at[1],
                    "nested deeper than the limit of " + maxDepth + " levels (raise it with --max-depth)");
        } catch (MismatchedInputException e) {
            var at = e.getLocation();
            throw error(
                    Kind.YAML_SYNTAX,
                    name,
                    at == null ? null : at.getLineNr(),
                    at == null ? null : at.getColumnNr(),
                    "more content after the fact set: a file holds one YAML "
                            + "document (two fact sets need two files)");
        } catch (JsonProcessingException e) {
            YamlSyntax.Problem p = YamlSyntax.problem(e, content);
            throw error(Kind.YAML_SYNTAX, name, p.line(), p.column(), p.message());
        } catch (IOException e) {
            throw error(Kind.IO, name, null, null, "cannot read: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            throw error(Kind.YAML_SYNTAX, name, 1, 1, "empty file: expected a fact set, a YAML mapping");
        }
        return root;
    }

    private static FactSetException error(Kind kind, String file, Integer line, Integer column, String message) {
        return new FactSetException(List.of(new Diagnostic(kind, Location.at(file, line, column), message)));
    }

    private ObjectReader readerFor(Class<?> type) {
        return readers.computeIfAbsent(type, mapper::readerFor);
    }

    /**
     * Drools initialises declared Double, Integer and Boolean fields to 0 and false; a field the fact
     * set leaves out must read as null in rules ("unknown"), not as a real zero.
     */
    private void absentFieldsToNull(Object value, DeclaredType type, JsonNode fact)
            throws ReflectiveOperationException {
        for (Map.Entry<String, Method> setter : nullableSetters(type).entrySet()) {
            if (!fact.has(setter.getKey())) {
                setter.getValue().invoke(value, (Object) null);
            }
        }
    }

    /**
     * The setters of the fields a new instance does not leave null (18 of the bundled model's 116 object
     * fields): resetting the others to null would change nothing, at the cost of a reflective call each.
     */
    private Map<String, Method> nullableSetters(DeclaredType type) {
        return setters.computeIfAbsent(type.javaClass(), cls -> {
            Object fresh = newInstance(cls);
            Map<String, Method> found = new HashMap<>();
            type.fields().forEach((name, fieldType) -> {
                Method setter =
                        fieldType.isPrimitive() || "id".equals(name) ? null : FactAccessor.setter(cls, name, fieldType);
                // no setter: Jackson could not bind it either, nothing to reset
                if (setter != null && (fresh == null || FactFields.get(fresh, name) != null)) {
                    found.put(name, setter);
                }
            });
            return Map.copyOf(found);
        });
    }

    /** A new instance of a declared type, or null when it cannot be made (then every field is reset). */
    private static Object newInstance(Class<?> cls) {
        try {
            return cls.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /**
     * Text nodes for one document, each string read once: a value repeated across facts (a country id,
     * a status word) is one String and one node, which the bound facts then share.
     */
    private static final class SharedText extends com.fasterxml.jackson.databind.node.JsonNodeFactory {
        private static final long serialVersionUID = 1L;
        /** Longer strings (names, quotes) rarely repeat. */
        private static final int MAX_LENGTH = 48;

        private final transient Map<String, com.fasterxml.jackson.databind.node.TextNode> seen = new HashMap<>();

        @Override
        public com.fasterxml.jackson.databind.node.TextNode textNode(String text) {
            if (text == null || text.length() > MAX_LENGTH) {
                return super.textNode(text);
            }
            return seen.computeIfAbsent(text, super::textNode);
        }
    }

    /**
     * Notes the first number that reads as 0 as a double but is not 0 (1e-400), as the tree path's
     * {@link JsonLocator#underflow} does, while the document streams: no second pass to look for it.
     */
    private static final class UnderflowWatch extends com.fasterxml.jackson.core.util.JsonParserDelegate {
        private int[] first;

        UnderflowWatch(com.fasterxml.jackson.core.JsonParser parser) {
            super(parser);
        }

        @Override
        public com.fasterxml.jackson.core.JsonToken nextToken() throws IOException {
            com.fasterxml.jackson.core.JsonToken token = delegate.nextToken();
            if (token == com.fasterxml.jackson.core.JsonToken.VALUE_NUMBER_FLOAT
                    && first == null
                    && delegate.getDoubleValue() == 0.0
                    && delegate.getDecimalValue().signum() != 0) {
                com.fasterxml.jackson.core.JsonLocation at = delegate.currentTokenLocation();
                first = new int[] {at.getLineNr(), at.getColumnNr()};
            }
            return token;
        }
    }

    /** The state of reading one document: its errors are collected, not thrown one at a time. */
    private final class Reading {
        // what a problem is about decides its place in the list, whatever order the document's keys come in
        private static final int KEYS = 0;
        private static final int VERSION = 1;
        private static final int META = 2;
        private static final int SOURCES = 3;
        private static final int FACTS = 4;
        private static final int REFS = 5;
        private static final int QUOTES = 6;
        private static final int SECTIONS = 7;

        private final JsonLocator.Document document;
        private final String file;
        private final com.fasterxml.jackson.core.JsonFactory syntax;
        private final Path folder;
        private final List<List<Pending>> errors = new ArrayList<>();
        private final List<List<Pending>> warnings = new ArrayList<>();
        private int section = KEYS;

        private final ObjectNode envelope = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        private boolean sourcesRead;
        private List<Source> sources = new ArrayList<>();
        private final Set<String> sourceIds = new HashSet<>();
        private boolean factsSeen;
        private JsonNode notAnArray;
        private final List<Fact> facts = new ArrayList<>();
        private final Map<String, String> idPaths = new HashMap<>();
        private final Map<String, String> typeOfId = new HashMap<>();
        /** {@code @ref} values not yet known to name a fact of the right type: checked once every id is read. */
        private final List<Ref> refs = new ArrayList<>();

        /** A problem, located (line and column) only once reading is done, in one pass for all of them. */
        private record Pending(Kind kind, String path, String message, String suggestion) {}

        /** An @ref value to check at the end: {@code index} is -1 for a single id. */
        private record Ref(String factPath, DeclaredType type, String field, int index, String id, String wanted) {}

        /** A document held in memory, read whole (YAML, and JSON that cannot be streamed). */
        Reading(byte[] content, String file, com.fasterxml.jackson.core.JsonFactory syntax, Path folder) {
            this(f -> f.createParser(content), file, syntax, folder);
        }

        /** A JSON document streamed from {@code document} (bytes in memory, or a file read again to locate). */
        Reading(JsonLocator.Document document, String file, Path folder) {
            this(document, file, mapper.getFactory(), folder);
        }

        private Reading(
                JsonLocator.Document document,
                String file,
                com.fasterxml.jackson.core.JsonFactory syntax,
                Path folder) {
            this.document = document;
            this.file = file;
            this.syntax = syntax;
            this.folder = folder;
            for (int i = 0; i < SECTIONS; i++) {
                errors.add(new ArrayList<>());
                warnings.add(new ArrayList<>());
            }
        }

        /** A document read whole into a tree. */
        FactSet read(JsonNode root) throws FactSetException {
            if (!root.isObject()) {
                fail(Kind.FACT_SHAPE, "", "expected a fact set, an object, but found " + JsonText.describe(root));
                throw new FactSetException(located(errors));
            }
            for (Map.Entry<String, JsonNode> field : root.properties()) {
                if (!"facts".equals(field.getKey())) {
                    envelopeField(field.getKey(), field.getValue());
                }
            }
            readSources(envelope.get("sources"));
            JsonNode node = root.get("facts");
            if (node != null) {
                factsSeen = true;
                if (node.isArray()) {
                    for (int i = 0; i < node.size(); i++) {
                        fact(i, node.get(i));
                    }
                } else {
                    notAnArray = node;
                }
            }
            return finish();
        }

        /**
         * Streams the document: the envelope's fields are read as small trees, the {@code facts} array one
         * fact at a time (each fact's tree is dropped once it is bound). Null when the document must be read
         * whole to be reported as before: a syntax error, a limit, a root that is not an object, trailing
         * content.
         */
        FactSet stream() throws FactSetException {
            ObjectReader trees = mapper.reader()
                    .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .with(new SharedText());
            int[] underflow;
            try (com.fasterxml.jackson.core.JsonParser raw = document.open(syntax);
                    UnderflowWatch p = new UnderflowWatch(raw)) {
                if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    return null;
                }
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    com.fasterxml.jackson.core.JsonToken token = p.nextToken();
                    if ("facts".equals(name)) {
                        factsSeen = true;
                        if (token == com.fasterxml.jackson.core.JsonToken.START_ARRAY) {
                            if (!sourcesRead) {
                                readSources(sourcesAhead(trees));
                            }
                            int i = 0;
                            while (p.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                                fact(i++, tree(trees, p));
                            }
                        } else {
                            notAnArray = tree(trees, p);
                        }
                    } else {
                        envelopeField(name, tree(trees, p));
                    }
                }
                if (p.currentToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT || p.nextToken() != null) {
                    return null;
                }
                underflow = p.first;
            } catch (IOException | RuntimeException e) {
                return null;
            }
            if (underflow != null) {
                throw error(
                        Kind.FACT_VALUE,
                        file,
                        underflow[0],
                        underflow[1],
                        "number is too small: it underflows a 64-bit floating-point number to 0 (the smallest"
                                + " is about 4.9e-324)");
            }
            readSources(null);
            return finish();
        }

        private JsonNode tree(ObjectReader trees, com.fasterxml.jackson.core.JsonParser p) throws IOException {
            JsonNode node = trees.readTree(p);
            return node == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance() : node;
        }

        /** The top-level {@code sources} of a document whose facts come first (null if none or unreadable). */
        private JsonNode sourcesAhead(ObjectReader trees) {
            try (com.fasterxml.jackson.core.JsonParser p = document.open(syntax)) {
                if (p.nextToken() != com.fasterxml.jackson.core.JsonToken.START_OBJECT) {
                    return null;
                }
                while (p.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    if ("sources".equals(name)) {
                        return trees.readTree(p);
                    }
                    p.skipChildren();
                }
            } catch (IOException | RuntimeException e) {
                // the main pass meets the same problem and reads the document whole
            }
            return null;
        }

        private void envelopeField(String field, JsonNode value) {
            if (!ENVELOPE_FIELDS.contains(field)) {
                section = KEYS;
                unknown(
                        field,
                        "unknown field '" + field + "' in the fact-set envelope " + "(expected "
                                + String.join(", ", new TreeSet<>(ENVELOPE_FIELDS)) + ")");
                return;
            }
            envelope.set(field, value);
            if ("sources".equals(field)) {
                readSources(value);
            }
        }

        private FactSet finish() throws FactSetException {
            section = FACTS;
            if (!factsSeen) {
                fail(Kind.FACT_SHAPE, "facts", "missing \"facts\": expected an array of facts");
            } else if (notAnArray != null) {
                fail(Kind.FACT_SHAPE, "facts", "expected an array of facts, found " + JsonText.describe(notAnArray));
            }
            section = VERSION;
            JsonNode version = envelope.get("lodestone");
            if (version == null) {
                fail(
                        Kind.FACT_SHAPE,
                        "lodestone",
                        "missing \"lodestone\": " + FORMAT_VERSION + " (the fact-set format version)");
            } else if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
                fail(
                        Kind.FACT_SHAPE,
                        "lodestone",
                        "unsupported fact-set format version " + version + " (this Lodestone reads version "
                                + FORMAT_VERSION + ")");
            }
            section = META;
            String id = optionalText(envelope, "id");
            String title = optionalText(envelope, "title");
            String asOf = optionalText(envelope, "asOf");
            if (asOf != null) {
                try {
                    LocalDate.parse(asOf);
                } catch (RuntimeException e) {
                    fail(Kind.FACT_VALUE, "asOf", "expected an ISO-8601 date (YYYY-MM-DD), got \"" + asOf + "\"");
                }
            }
            section = REFS;
            checkReferences();
            section = QUOTES;
            checkQuotes(sources, facts);
            if (errors.stream().anyMatch(l -> !l.isEmpty())) {
                Map<String, int[]> at = locations();
                throw new FactSetException(located(errors, at), located(warnings, at));
            }
            return new FactSet(
                    id == null ? JsonText.defaultId(file) : id,
                    title,
                    asOf,
                    file,
                    sources,
                    facts,
                    located(warnings, locations()));
        }

        private void readSources(JsonNode node) {
            if (sourcesRead) {
                return;
            }
            sourcesRead = true;
            section = SOURCES;
            if (node == null || node.isNull()) {
                return;
            }
            if (!node.isArray()) {
                fail(Kind.FACT_SHAPE, "sources", "expected an array of sources, found " + JsonText.describe(node));
                return;
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                String path = "sources[" + i + "]";
                JsonNode s = node.get(i);
                if (!s.isObject()) {
                    fail(Kind.FACT_SHAPE, path, "expected a source object, found " + JsonText.describe(s));
                    continue;
                }
                unknownFields(s, SOURCE_FIELDS, path, "source");
                String sid = requiredText(s, "id", path);
                if (sid != null && !seen.add(sid)) {
                    fail(Kind.FACT_SHAPE, path + ".id", "duplicate source id \"" + sid + "\"");
                }
                sources.add(new Source(
                        sid,
                        optionalText(s, "title", path),
                        optionalText(s, "kind", path),
                        optionalText(s, "published", path),
                        optionalText(s, "url", path),
                        optionalText(s, "publisher", path),
                        optionalText(s, "author", path),
                        optionalText(s, "file", path)));
            }
            sources.stream().filter(s -> s.id() != null).forEach(s -> sourceIds.add(s.id()));
        }

        /** One element of the {@code facts} array: checked, bound, and its tree left behind. */
        private void fact(int i, JsonNode f) {
            section = FACTS;
            String path = "facts[" + i + "]";
            if (!(f instanceof ObjectNode fact)) {
                fail(Kind.FACT_SHAPE, path, "expected a fact object, found " + JsonText.describe(f));
                return;
            }
            JsonNode typeNode = fact.remove("type");
            JsonNode sourceNode = fact.remove("source");
            String type = null;
            if (typeNode == null || typeNode.isNull()) {
                fail(Kind.FACT_TYPE, path, "missing \"type\" (expected one of " + knownTypes() + ")");
            } else if (!typeNode.isTextual()) {
                fail(
                        Kind.FACT_TYPE,
                        path + ".type",
                        "expected a type name string, found " + JsonText.describe(typeNode));
            } else {
                type = typeNode.textValue();
            }
            String factId = null;
            JsonNode idNode = fact.get("id");
            if (idNode == null || idNode.isNull()) {
                fail(Kind.FACT_SHAPE, path, "missing \"id\" (every fact needs an id unique in the set)");
            } else if (!idNode.isTextual() || idNode.textValue().isBlank()) {
                fail(
                        Kind.FACT_SHAPE,
                        path + ".id",
                        "expected a non-empty string id, found " + JsonText.describe(idNode));
            } else {
                factId = idNode.textValue();
                String first = idPaths.putIfAbsent(factId, path);
                if (first != null) {
                    fail(
                            Kind.FACT_SHAPE,
                            path + ".id",
                            "duplicate id \"" + factId + "\" (first used at " + first + ")");
                }
            }
            String ref = null;
            String quote = null;
            if (sourceNode != null && !sourceNode.isNull()) {
                if (!sourceNode.isObject()) {
                    fail(
                            Kind.FACT_SHAPE,
                            path + ".source",
                            "expected {\"ref\": \"source-id\", " + "\"quote\": \"...\"}, found "
                                    + JsonText.describe(sourceNode));
                } else {
                    unknownFields(sourceNode, FACT_SOURCE_FIELDS, path + ".source", "fact source");
                    ref = requiredText(sourceNode, "ref", path + ".source");
                    quote = optionalText(sourceNode, "quote", path + ".source");
                    if (ref != null && !sourceIds.contains(ref)) {
                        fail(
                                Kind.FACT_REFERENCE,
                                path + ".source.ref",
                                "source \"" + ref
                                        + "\" is not in the fact set's sources (known: "
                                        + (sourceIds.isEmpty() ? "none" : String.join(", ", new TreeSet<>(sourceIds)))
                                        + ")");
                    }
                }
            }
            if (type == null) {
                return;
            }
            DeclaredType declared = types.get(type);
            if (declared == null) {
                fail(
                        Kind.FACT_TYPE,
                        path + ".type",
                        "unknown type \"" + type + "\" (the rules declare " + knownTypes() + ")");
                return;
            }
            if (factId != null) {
                typeOfId.putIfAbsent(factId, type);
            }
            renameDeprecated(fact, declared, path);
            int before = errorCount();
            for (Iterator<Map.Entry<String, JsonNode>> it = fact.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                Class<?> fieldType = declared.fields().get(field.getKey());
                if (fieldType == null) {
                    unknown(
                            path + "." + field.getKey(),
                            "unknown field '" + field.getKey() + "' for type "
                                    + declared.name() + " (declared fields: "
                                    + String.join(", ", new TreeSet<>(declared.fieldNames())) + ")");
                    it.remove();
                } else {
                    // paths are built only for a field with a problem: most fields have none
                    if (!FactChecks.numbersFit(field.getValue(), fieldType)) {
                        FactChecks.numbers(field.getValue(), fieldType, path + "." + field.getKey(), this::fail);
                    }
                    checkValues(declared, field.getKey(), field.getValue(), path);
                }
            }
            Object value = errorCount() > before ? null : bind(fact, declared, path);
            if (value != null && factId != null) {
                // the declared name, not the string read: one instance for every fact of the type
                facts.add(new Fact(declared.name(), factId, value, ref, quote, path));
            }
            // references are checked on facts with other mistakes too: every problem in one pass
            deferReferences(fact, declared, path);
        }

        private int errorCount() {
            return errors.get(FACTS).size();
        }

        /**
         * Keeps the @ref values that may be wrong: a value already naming a fact of the wanted type stays
         * right (a later duplicate id does not change the first one's type), so only the others wait for
         * the end, where they are checked in file order as if all were.
         */
        private void deferReferences(ObjectNode fact, DeclaredType declared, String path) {
            for (Map.Entry<String, String> ref : declared.refs().entrySet()) {
                JsonNode value = fact.get(ref.getKey());
                if (value == null || value.isNull()) {
                    continue;
                }
                if (value.isTextual()) {
                    deferReference(path, declared, ref.getKey(), -1, value.textValue(), ref.getValue());
                } else if (value.isArray()) {
                    for (int i = 0; i < value.size(); i++) {
                        if (value.get(i).isTextual()) {
                            deferReference(
                                    path,
                                    declared,
                                    ref.getKey(),
                                    i,
                                    value.get(i).textValue(),
                                    ref.getValue());
                        }
                    }
                }
            }
        }

        private void deferReference(
                String path, DeclaredType declared, String field, int index, String id, String wanted) {
            String actual = typeOfId.get(id);
            if (actual != null && (wanted.isEmpty() || wanted.equals(actual))) {
                return;
            }
            refs.add(new Ref(path, declared, field, index, id, wanted));
        }

        private void checkReferences() {
            // a field already reported (e.g. a string where a list belongs) is not reported again as a reference
            Set<String> reported = new HashSet<>();
            for (int s = 0; s < REFS; s++) {
                errors.get(s).forEach(e -> reported.add(e.path().isEmpty() ? "$" : e.path()));
            }
            FactChecks.Problems problems = new FactChecks.Problems() {
                @Override
                public void fail(Kind kind, String path, String message) {
                    fail(kind, path, message, null);
                }

                @Override
                public void fail(Kind kind, String path, String message, String suggestion) {
                    String field = path.replaceFirst("\\[\\d+]$", "");
                    if (!reported.contains(path) && !reported.contains(field)) {
                        Reading.this.fail(kind, path, message, suggestion);
                    }
                }
            };
            for (Ref ref : refs) {
                FieldValues declared = values.of(ref.type().name(), ref.field());
                String path = ref.factPath() + "." + ref.field() + (ref.index() < 0 ? "" : "[" + ref.index() + "]");
                FactChecks.reference(
                        ref.id(),
                        ref.wanted(),
                        path,
                        typeOfId,
                        declared == null ? null : declared.vocabulary(),
                        problems);
            }
        }

        /**
         * Every quote citing a source with a {@code file} must occur in that file's text. Without a folder
         * (a fact set read from a stream) nothing can be read, so quotes stay unchecked.
         */
        private void checkQuotes(List<Source> sources, List<Fact> facts) {
            if (folder == null) {
                return;
            }
            Map<String, String> texts = new HashMap<>();
            for (int i = 0; i < sources.size(); i++) {
                Source s = sources.get(i);
                if (s.file() == null || s.id() == null) {
                    continue;
                }
                String path = "sources[" + i + "].file";
                Path relative;
                try {
                    relative = Path.of(s.file());
                } catch (RuntimeException e) {
                    fail(Kind.FACT_QUOTE, path, "not a file path: \"" + s.file() + "\"");
                    continue;
                }
                Path resolved = folder.resolve(relative).normalize();
                if (relative.isAbsolute() || !resolved.startsWith(folder)) {
                    fail(
                            Kind.FACT_QUOTE,
                            path,
                            "\"" + s.file() + "\" must be a path inside the fact set's "
                                    + "folder (e.g. sources/article.txt)");
                    continue;
                }
                try {
                    texts.put(s.id(), QuoteChecks.normalise(Files.readString(resolved)));
                } catch (IOException | RuntimeException e) {
                    // a warning, not an error: a fact set copied without its sources folder still loads
                    warn(
                            Kind.FACT_QUOTE,
                            path,
                            "cannot read source text " + resolved + " ("
                                    + (e instanceof NoSuchFileException ? "file not found" : e.getMessage())
                                    + "), so the quotes citing \"" + s.id() + "\" are not checked",
                            null);
                }
            }
            for (Fact fact : facts) {
                String text = fact.sourceRef() == null ? null : texts.get(fact.sourceRef());
                if (text == null || fact.quote() == null || QuoteChecks.occurs(text, fact.quote())) {
                    continue;
                }
                String closest = QuoteChecks.closestPassage(text, fact.quote());
                fail(
                        Kind.FACT_QUOTE,
                        fact.path() + ".source.quote",
                        "the quote does not occur in the text "
                                + "of source \"" + fact.sourceRef() + "\" (after normalising spaces, quotes and dashes)"
                                + (closest == null ? "" : "; the closest passage is: \"" + closest + "\""),
                        closest);
            }
        }

        /** Declared values; a {@code @ref} field's vocabulary is checked with its reference instead. */
        private void checkValues(DeclaredType type, String field, JsonNode value, String factPath) {
            FieldValues declared = values.of(type.name(), field);
            if (declared == null) {
                return;
            }
            boolean ref = type.refs().containsKey(field);
            // most values fit: the paths and messages are built only for one that does not
            if (ValueChecks.fits(value, declared, ref ? null : declared.vocabulary())) {
                return;
            }
            String path = factPath + "." + field;
            if (ref) {
                declared = new FieldValues(declared.values(), declared.min(), declared.max(), null);
            }
            ValueChecks.check(type.name() + "." + field, value, declared, path, new ValueChecks.Sink() {
                @Override
                public void error(Kind kind, String at, String message, String suggestion) {
                    fail(kind, at, message, suggestion);
                }

                @Override
                public void warning(Kind kind, String at, String message, String suggestion) {
                    warn(kind, at, message, suggestion);
                }
            });
        }

        /** A field marked @replacedBy("newName") is read as its replacement, with a warning; both given is an error. */
        private void renameDeprecated(ObjectNode fact, DeclaredType type, String path) {
            type.deprecated().forEach((old, replacement) -> {
                JsonNode value = fact.get(old);
                if (value == null) {
                    return;
                }
                if (fact.has(replacement) && !fact.get(replacement).isNull()) {
                    fail(
                            Kind.FACT_SHAPE,
                            path + "." + old,
                            "'" + old + "' is a deprecated name of '" + replacement
                                    + "' and both are given; keep only '" + replacement + "'");
                    return;
                }
                warnings.get(section)
                        .add(new Pending(
                                Kind.FACT_SHAPE,
                                asWritten(path + "." + old),
                                "'" + old + "' of " + type.name() + " is deprecated; read as '" + replacement
                                        + "' (rename it)",
                                null));
                fact.remove(old);
                fact.set(replacement, value);
                renamedPaths.put(path + "." + replacement, path + "." + old);
            });
        }

        /** Where the analyst wrote a field read under its new name (deprecated names), so errors point there. */
        private final Map<String, String> renamedPaths = new HashMap<>();

        private String asWritten(String path) {
            if (renamedPaths.isEmpty()) {
                return path;
            }
            // a renamed field's path is a prefix of the path ending where a segment ends: look each one up
            for (int end = 1; end <= path.length(); end++) {
                if (end == path.length() || path.charAt(end) == '.' || path.charAt(end) == '[') {
                    String written = renamedPaths.get(path.substring(0, end));
                    if (written != null) {
                        return written + path.substring(end);
                    }
                }
            }
            return path;
        }

        private Object bind(ObjectNode fact, DeclaredType type, String path) {
            try {
                Object value = readerFor(type.javaClass()).readValue(fact);
                absentFieldsToNull(value, type, fact);
                return value;
            } catch (UnrecognizedPropertyException e) {
                fail(
                        Kind.FACT_SHAPE,
                        path + "." + e.getPropertyName(),
                        "unknown field '"
                                + e.getPropertyName() + "' for type " + type.name() + " (declared fields: "
                                + String.join(", ", new TreeSet<>(type.fieldNames())) + ")");
            } catch (JsonMappingException e) {
                String sub = JsonText.subPath(e);
                String fullPath = sub.isEmpty() ? path : path + "." + sub;
                String field = sub.isEmpty() ? type.name() : type.name() + "." + sub;
                if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
                    JsonNode actual = fact.at(JsonText.pointer(sub));
                    String got = e instanceof InvalidFormatException f
                            ? "\"" + f.getValue() + "\""
                            : JsonText.describe(actual);
                    fail(
                            Kind.FACT_VALUE,
                            fullPath,
                            "expected " + JsonText.expected(m.getTargetType()) + " for " + field + ", got " + got);
                } else {
                    fail(Kind.FACT_VALUE, fullPath, "cannot bind " + field + ": " + e.getOriginalMessage());
                }
            } catch (IOException | ReflectiveOperationException | RuntimeException e) {
                fail(Kind.FACT_VALUE, path, "cannot bind " + type.name() + ": " + e.getMessage());
            }
            return null;
        }

        private void unknownFields(JsonNode object, Set<String> allowed, String path, String what) {
            for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
                String field = it.next();
                if (!allowed.contains(field)) {
                    unknown(
                            path + "." + field,
                            "unknown field '" + field + "' in a " + what + " (expected "
                                    + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
            }
        }

        private String requiredText(JsonNode object, String field, String path) {
            JsonNode v = object.get(field);
            if (v == null || v.isNull()) {
                fail(Kind.FACT_SHAPE, path, "missing \"" + field + "\"");
                return null;
            }
            return optionalText(object, field, path);
        }

        private String optionalText(JsonNode object, String field) {
            return optionalText(object, field, "");
        }

        private String optionalText(JsonNode object, String field, String path) {
            JsonNode v = object.get(field);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                fail(
                        Kind.FACT_VALUE,
                        path.isEmpty() ? field : path + "." + field,
                        "expected a string, found " + JsonText.describe(v));
                return null;
            }
            return v.textValue();
        }

        private void fail(Kind kind, String path, String message) {
            fail(kind, path, message, null);
        }

        private void fail(Kind kind, String path, String message, String suggestion) {
            errors.get(section).add(new Pending(kind, asWritten(path), message, suggestion));
        }

        /** A value warning; with {@code strict} an error. */
        private void warn(Kind kind, String path, String message, String suggestion) {
            if (strict) {
                fail(kind, path, message + " (--strict)", suggestion);
            } else {
                warnings.get(section).add(new Pending(kind, asWritten(path), message, suggestion));
            }
        }

        /** An unknown field: an error, or with --lenient a warning (the field is then ignored). */
        private void unknown(String path, String message) {
            if (lenient) {
                warnings.get(section)
                        .add(new Pending(Kind.FACT_SHAPE, asWritten(path), message + "; ignored (--lenient)", null));
            } else {
                fail(Kind.FACT_SHAPE, path, message);
            }
        }

        /** Line and column of every problem's path, from one more pass over the document (none if no problem). */
        private Map<String, int[]> locations() {
            Set<String> paths = new HashSet<>();
            for (int s = 0; s < SECTIONS; s++) {
                errors.get(s).forEach(e -> paths.add(e.path()));
                warnings.get(s).forEach(e -> paths.add(e.path()));
            }
            return paths.isEmpty() ? Map.of() : JsonLocator.locateAll(syntax, document, paths);
        }

        private List<Diagnostic> located(List<List<Pending>> problems) {
            return located(problems, locations());
        }

        private List<Diagnostic> located(List<List<Pending>> problems, Map<String, int[]> at) {
            List<Diagnostic> out = new ArrayList<>();
            for (List<Pending> section : problems) {
                for (Pending p : section) {
                    int[] where = at.get(p.path());
                    Location location =
                            Location.at(file, where == null ? null : where[0], where == null ? null : where[1]);
                    Diagnostic d = Diagnostic.fact(
                            p.kind(), location.withPath(p.path().isEmpty() ? "$" : p.path()), p.message());
                    out.add(p.suggestion() == null ? d : d.withSuggestion(p.suggestion()));
                }
            }
            return out;
        }

        private String knownTypes() {
            return types.isEmpty() ? "no types" : String.join(", ", new TreeSet<>(types.keySet()));
        }
    }
}

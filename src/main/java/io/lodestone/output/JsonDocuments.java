package io.lodestone.output;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * The one JSON mapper: every JSON document (CLI and HTTP) is written here, indented the same way, so
 * the same content gives the same bytes wherever it is served.
 */
public final class JsonDocuments {
    static final ObjectMapper MAPPER = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    private static final ObjectMapper PRETTY =
            MAPPER.copy().enable(SerializationFeature.INDENT_OUTPUT).setDefaultPrettyPrinter(new Indented());

    private JsonDocuments() {}

    /** A CLI document: indented, newline-terminated, the writer flushed and left open. */
    static void write(JsonNode document, Writer out) throws IOException {
        PRETTY.writeValue(out, document);
        out.write(System.lineSeparator());
        out.flush();
    }

    /** An HTTP body: the same indented document as UTF-8 bytes, without the trailing newline. */
    static byte[] bytes(JsonNode document) {
        try {
            return PRETTY.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Jackson's default layout, byte for byte ({@code JsonDocumentsTest}), written faster: each line's
     * break and indentation and the {@code " : "} between a name and its value are copied as bytes
     * encoded once, where the default printer encodes them character by character. The layout was about
     * 45% of writing the seed's report (207 us indented, 112 us compact); this takes it to 185 us
     * (docs/performance.md, "Second round, third session").
     */
    static final class Indented extends DefaultPrettyPrinter {
        private static final long serialVersionUID = 1L;
        private static final SerializedString NAME_VALUE = new SerializedString(" : ");

        Indented() {
            indentObjectsWith(new LineIndenter());
        }

        private Indented(Indented base) {
            super(base);
        }

        @Override
        public Indented createInstance() {
            return new Indented(this);
        }

        @Override
        public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
            g.writeRaw(NAME_VALUE);
        }
    }

    /** {@link DefaultIndenter#SYSTEM_LINEFEED_INSTANCE} with each level's line start encoded once. */
    private static final class LineIndenter implements DefaultPrettyPrinter.Indenter, java.io.Serializable {
        private static final long serialVersionUID = 1L;
        private static final SerializedString[] LEVELS = new SerializedString[32];

        static {
            for (int i = 0; i < LEVELS.length; i++) {
                LEVELS[i] = new SerializedString(DefaultIndenter.SYS_LF + "  ".repeat(i));
            }
        }

        @Override
        public void writeIndentation(JsonGenerator g, int level) throws IOException {
            if (level < LEVELS.length) {
                g.writeRaw(LEVELS[level]);
            } else {
                DefaultIndenter.SYSTEM_LINEFEED_INSTANCE.writeIndentation(g, level);
            }
        }

        @Override
        public boolean isInline() {
            return false;
        }
    }
}

package io.lodestone.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Writes a lone UTF-16 surrogate (which UTF-8 cannot encode) as the six characters {@code \uD800}, so a
 * report never fails or loses text over one bad character; inside a JSON string that is the exact
 * escape of the original. Well-formed pairs pass through unchanged.
 */
final class LoneSurrogateEscaper extends FilterWriter {
    /** A high surrogate seen at the end of the previous write, waiting for its low half. */
    private int pendingHigh = -1;

    LoneSurrogateEscaper(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        char ch = (char) c;
        if (pendingHigh >= 0) {
            int high = pendingHigh;
            pendingHigh = -1;
            if (Character.isLowSurrogate(ch)) {
                out.write(high);
                out.write(ch);
                return;
            }
            escape(high);
        }
        if (Character.isHighSurrogate(ch)) {
            pendingHigh = ch;
        } else if (Character.isLowSurrogate(ch)) {
            escape(ch);
        } else {
            out.write(ch);
        }
    }

    @Override
    public void write(char[] cbuf, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            char ch = cbuf[i];
            if (Character.isSurrogate(ch) || pendingHigh >= 0) {
                out.write(cbuf, start, i - start);
                write(ch);
                start = i + 1;
            }
        }
        out.write(cbuf, start, end - start);
    }

    @Override
    public void write(String str, int off, int len) throws IOException {
        write(str.toCharArray(), off, len);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh >= 0) {
            escape(pendingHigh);
            pendingHigh = -1;
        }
        out.close();
    }

    private void escape(int ch) throws IOException {
        out.write(String.format("\\u%04X", ch));
    }
}

package io.lodestone.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a report file atomically: into a temporary file beside the target, then renamed over it, so
 * whoever reads the target (or kills the writer) sees the old report or the new one, never a part.
 * Devices and pipes ({@code /dev/stdout}, {@code /dev/full}) are written in place.
 */
final class ReportFile {
    /** What writes the report. */
    interface Content {
        void write(Writer w) throws IOException;
    }

    private ReportFile() {}

    /**
     * Why {@code target} cannot be written, checked before any work is done; null when it looks writable.
     * The write itself can still fail (a full disk); {@link #write} reports that.
     */
    static String problem(Path target) {
        Path abs = target.toAbsolutePath();
        if (Files.isDirectory(abs)) {
            return abs + " is a directory";
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "the folder " + dir + " does not exist";
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            return Files.isWritable(abs) ? null : abs + " is not writable";
        }
        if (Files.exists(abs) && !Files.isWritable(abs)) {
            return abs + " is read-only";
        }
        if (!Files.isWritable(dir)) {
            return "the folder " + dir + " is not writable (the report is written beside " + abs.getFileName()
                    + " and renamed over it)";
        }
        return null;
    }

    /**
     * Writes the report.
     *
     * @throws OutputException when it cannot be written; the target is then unchanged
     */
    static void write(Path target, Content content) {
        Path abs = target.toAbsolutePath();
        String problem = problem(abs);
        if (problem != null) {
            throw new OutputException("cannot write the report to " + target + ": " + problem);
        }
        if (Files.exists(abs) && !Files.isRegularFile(abs)) {
            try (OutputStream out = Files.newOutputStream(abs)) {
                writeTo(out, content);
            } catch (IOException e) {
                throw new OutputException("cannot write the report to " + target + ": " + reason(e));
            }
            return;
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        try {
            // created without explicit permissions, so the user's umask applies as for any new file
            try (OutputStream out = Files.newOutputStream(
                    tmp, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
                writeTo(out, content);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; a leftover temporary file is named in the message below
            }
            throw new OutputException("cannot write the report to " + target + ": " + reason(e));
        }
    }

    private static void writeTo(OutputStream out, Content content) throws IOException {
        Writer w = new LoneSurrogateEscaper(new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()));
        content.write(w);
        w.flush();
    }

    static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file or folder: " + e.getMessage();
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + e.getMessage();
        }
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }
}

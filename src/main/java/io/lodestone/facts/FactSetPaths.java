package io.lodestone.facts;

import io.lodestone.api.Diagnostic;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Expands what a user names (fact-set files, folders searched recursively for {@code *.json},
 * {@code *.yaml} and {@code *.yml}, and globs such as {@code facts/**}{@code /*.json}) into the files to
 * evaluate, in a stable order. Rule test expectations ({@code *.expect.json}) are never taken for fact
 * sets. {@code -} stands for standard input and is passed through as it is.
 */
public final class FactSetPaths {
    /** The input that stands for standard input. */
    public static final String STDIN = "-";

    private FactSetPaths() {}

    /**
     * Whether an input names standard input rather than a file.
     *
     * @param input a path given on the command line
     * @return true for {@code -}
     */
    public static boolean isStdin(Path input) {
        return input.toString().equals(STDIN);
    }

    /** The files found, in input order then path order, without duplicates, and what could not be found. */
    public record Expansion(List<Path> files, List<Diagnostic> errors) {}

    public static Expansion expand(Collection<Path> inputs) {
        Map<Path, Path> files = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Path input : inputs) {
            String text = input.toString();
            List<Path> found;
            try {
                if (isStdin(input)) {
                    found = List.of(input);
                } else if (isGlob(text) && !Files.exists(input)) { // a file literally named a[1].json is that file
                    found = glob(text, errors);
                    if (found.isEmpty()) {
                        errors.add(notFound(text, "no file matches this pattern"));
                    }
                } else if (Files.isDirectory(input)) {
                    found = walk(input, p -> isFactSetName(p.getFileName().toString()), errors);
                    if (found.isEmpty()) {
                        errors.add(notFound(text, "folder holds no .json, .yaml or .yml fact sets"));
                    }
                } else if (Files.exists(input)) {
                    found = List.of(input);
                } else {
                    found = List.of();
                    errors.add(notFound(text, "no such file or folder"));
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                found = List.of();
                errors.add(notFound(text, "cannot read: " + e.getMessage()));
            } catch (java.util.regex.PatternSyntaxException e) {
                found = List.of();
                errors.add(notFound(
                        text,
                        "not a valid pattern (" + e.getDescription() + "); quote [ ] { } "
                                + "in a file name, or name an existing file"));
            }
            for (Path p : found) {
                files.putIfAbsent(p.toAbsolutePath().normalize(), p);
            }
        }
        return new Expansion(List.copyOf(files.values()), errors);
    }

    static boolean isFactSetName(String name) {
        return FactFormat.isFactSetName(name);
    }

    private static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0 || text.indexOf('{') >= 0;
    }

    private static List<Path> glob(String pattern, List<Diagnostic> errors) throws IOException {
        int firstMeta = firstMeta(pattern);
        int slash = pattern.lastIndexOf('/', firstMeta);
        Path base = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, Math.max(slash, 1)));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return walk(
                base,
                p -> matcher.matches(slash < 0 ? base.relativize(p) : p)
                        && !p.getFileName().toString().matches(".*\\.expect\\.(json|ya?ml)$"),
                errors);
    }

    private static int firstMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    /**
     * The regular files under {@code dir} that {@code keep} accepts, sorted. What cannot be read (a
     * folder without permission) and what matches but is no regular file (a broken symbolic link, a
     * FIFO, a device) is reported in {@code errors} instead of being skipped in silence.
     */
    private static List<Path> walk(Path dir, java.util.function.Predicate<Path> keep, List<Diagnostic> errors)
            throws IOException {
        List<Path> out = new ArrayList<>();
        Files.walkFileTree(dir, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(
                    Path file, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (!keep.test(file)) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                if (Files.isRegularFile(file)) { // follows a symbolic link to a file
                    out.add(file);
                } else if (Files.isSymbolicLink(file) && !Files.exists(file)) {
                    errors.add(notFound(file.toString(), "broken symbolic link: its target does not exist"));
                } else if (!Files.isDirectory(file)) {
                    errors.add(notFound(file.toString(), "not a regular file (a FIFO, socket or device); not read"));
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                errors.add(notFound(
                        file.toString(),
                        "cannot read: "
                                + (e instanceof java.nio.file.AccessDeniedException
                                        ? "permission denied"
                                        : e.getMessage())));
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        out.sort(null);
        return out;
    }

    private static Diagnostic notFound(String input, String message) {
        return Diagnostic.io(input, message);
    }
}

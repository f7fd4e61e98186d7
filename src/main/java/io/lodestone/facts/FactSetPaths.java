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
import java.util.stream.Stream;

/**
 * Expands what a user names (fact-set files, folders searched recursively for {@code *.json}, and
 * globs such as {@code facts/**}{@code /*.json}) into the files to evaluate, in a stable order. Rule test
 * expectations ({@code *.expect.json}) are never taken for fact sets.
 */
public final class FactSetPaths {
    private FactSetPaths() {
    }

    /** The files found, in input order then path order, without duplicates, and what could not be found. */
    public record Expansion(List<Path> files, List<Diagnostic> errors) {
    }

    public static Expansion expand(Collection<Path> inputs) {
        Map<Path, Path> files = new LinkedHashMap<>();
        List<Diagnostic> errors = new ArrayList<>();
        for (Path input : inputs) {
            String text = input.toString();
            List<Path> found;
            try {
                if (isGlob(text)) {
                    found = glob(text);
                    if (found.isEmpty()) {
                        errors.add(notFound(text, "no file matches this pattern"));
                    }
                } else if (Files.isDirectory(input)) {
                    found = walk(input, p -> isFactSetName(p.getFileName().toString()));
                    if (found.isEmpty()) {
                        errors.add(notFound(text, "folder holds no .json fact sets"));
                    }
                } else if (Files.exists(input)) {
                    found = List.of(input);
                } else {
                    found = List.of();
                    errors.add(notFound(text, "no such file or folder"));
                }
            } catch (IOException e) {
                found = List.of();
                errors.add(notFound(text, "cannot read: " + e.getMessage()));
            }
            for (Path p : found) {
                files.putIfAbsent(p.toAbsolutePath().normalize(), p);
            }
        }
        return new Expansion(List.copyOf(files.values()), errors);
    }

    static boolean isFactSetName(String name) {
        return name.endsWith(".json") && !name.endsWith(".expect.json");
    }

    private static boolean isGlob(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0 || text.indexOf('{') >= 0;
    }

    private static List<Path> glob(String pattern) throws IOException {
        int firstMeta = firstMeta(pattern);
        int slash = pattern.lastIndexOf('/', firstMeta);
        Path base = slash < 0 ? Path.of(".") : Path.of(pattern.substring(0, Math.max(slash, 1)));
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
        return walk(base, p -> matcher.matches(slash < 0 ? base.relativize(p) : p)
                && !p.getFileName().toString().endsWith(".expect.json"));
    }

    private static int firstMeta(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("*?[{".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }

    private static List<Path> walk(Path dir, java.util.function.Predicate<Path> keep) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(keep).sorted().toList();
        }
    }

    private static Diagnostic notFound(String input, String message) {
        return Diagnostic.io(input, message);
    }
}

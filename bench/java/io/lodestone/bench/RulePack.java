package io.lodestone.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Copies of a rules folder with some rules cut out, for the measures that compare a pack with part of it. */
final class RulePack {
    private RulePack() {}

    /**
     * A fresh copy of {@code rules} under {@code parent} with each named rule's block (its {@code rule "name"}
     * line to its {@code end} line) cut out.
     *
     * @throws IllegalStateException when a name has no block in the folder's .drl files
     */
    static Path copyWithout(Path rules, Path parent, Collection<String> ruleNames) throws IOException {
        Path dir = parent.resolve("rules-" + System.nanoTime());
        try (var walk = Files.walk(rules)) {
            for (Path p : walk.toList()) {
                Path target = dir.resolve(rules.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        Set<String> headers = new HashSet<>();
        ruleNames.forEach(name -> headers.add("rule \"" + name + "\""));
        Set<String> cut = new HashSet<>();
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.filter(f -> f.toString().endsWith(".drl")).toList()) {
                List<String> kept = new ArrayList<>();
                boolean skipping = false;
                for (String line : Files.readAllLines(p)) {
                    if (!skipping && headers.contains(line.strip())) {
                        skipping = cut.add(line.strip());
                    }
                    if (!skipping) {
                        kept.add(line);
                    } else if (line.strip().equals("end")) {
                        skipping = false;
                    }
                }
                if (skipping) {
                    throw new IllegalStateException("a rule block in " + p + " has no \"end\" line");
                }
                Files.write(p, kept);
            }
        }
        if (cut.size() != headers.size()) {
            headers.removeAll(cut);
            throw new IllegalStateException("no block " + headers + " in " + rules);
        }
        return dir;
    }

    static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

package io.lodestone.engine;

import io.lodestone.api.Diagnostic;
import io.lodestone.api.RulesException;
import io.lodestone.api.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of a rules folder: every {@code .drl} and {@code params.json} under it, read in path order,
 * and the content hash that names the compiled rule base (and its cache entry).
 *
 * @param drl    the rule files, by relative path
 * @param params the parameter files, by relative path
 * @param hash   {@code sha256:<hex>} over every file's relative path and content
 */
record RuleSources(List<RuleSource> drl, List<RuleSource> params, String hash) {
    /** The name of the parameter files read from anywhere under the rules folder. */
    static final String PARAMS_FILE = "params.json";

    /** Reads the folder; a missing folder, no rule file or an unreadable file is a located error. */
    static RuleSources read(Path rulesDir) throws RulesException {
        String display = rulesDir.toString();
        if (!Files.isDirectory(rulesDir)) {
            throw new RulesException(List.of(Diagnostic.io(
                    display, "rules folder not found (expected a folder of .drl files; set it with --rules)")));
        }
        List<RuleSource> sources = new ArrayList<>();
        List<RuleSource> paramSources = new ArrayList<>();
        List<RuleSource> vocabularies = new ArrayList<>();
        walk(rulesDir, sources, paramSources, vocabularies);
        if (sources.isEmpty()) {
            throw new RulesException(List.of(Diagnostic.io(display, "no .drl files under the rules folder")));
        }
        // vocabularies change what a fact set may say, so they are part of the rule set's identity
        List<RuleSource> hashed = new ArrayList<>(paramSources);
        hashed.addAll(vocabularies);
        return new RuleSources(List.copyOf(sources), List.copyOf(paramSources), hash(sources, hashed));
    }

    private static boolean isVocabulary(Path p) {
        return p.getFileName().toString().endsWith(".json")
                && p.getParent() != null
                && p.getParent().getFileName() != null
                && p.getParent().getFileName().toString().equals(ValueDeclarations.VOCABULARY_DIR);
    }

    private static void walk(
            Path rulesDir, List<RuleSource> drl, List<RuleSource> paramFiles, List<RuleSource> vocabularies)
            throws RulesException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(rulesDir)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".drl")
                            || p.getFileName().toString().equals(PARAMS_FILE)
                            || isVocabulary(p))
                    .sorted(Comparator.comparing(p -> rulesDir.relativize(p).toString()))
                    .toList();
        } catch (IOException e) {
            throw new RulesException(
                    List.of(Diagnostic.io(rulesDir.toString(), "cannot read rules folder: " + e.getMessage())));
        }
        List<Diagnostic> errors = new ArrayList<>();
        for (Path file : files) {
            String rel = rulesDir.relativize(file).toString().replace('\\', '/');
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                RuleSource source = RuleSource.of(rel, file.toString(), text);
                (rel.endsWith(".drl") ? drl : isVocabulary(file) ? vocabularies : paramFiles).add(source);
            } catch (IOException e) {
                errors.add(Diagnostic.io(file.toString(), "cannot read: " + e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new RulesException(errors);
        }
    }

    static String hash(List<RuleSource> drl, List<RuleSource> paramFiles) {
        MessageDigest digest = Sha256.newDigest();
        List<RuleSource> all = new ArrayList<>(drl);
        all.addAll(paramFiles);
        all.sort(Comparator.comparing(RuleSource::relativePath));
        for (RuleSource s : all) {
            digest.update(s.relativePath().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(s.text().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return "sha256:" + Sha256.hex(digest);
    }
}

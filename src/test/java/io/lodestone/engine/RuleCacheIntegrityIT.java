package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lodestone.Lodestone;
import io.lodestone.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rule cache checks itself (review F10, F11, F28): damaged, planted or stale entries never run. */
class RuleCacheIntegrityIT {
    @TempDir
    Path tmp;

    private Path cacheDir() throws Exception {
        Path dir = tmp.resolve("cache");
        Files.createDirectories(
                dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        return dir;
    }

    private static String compileInto(Path rules, Path cacheDir) throws Exception {
        return RuleBase.compile(rules, Map.of(), new RuleBaseCache(cacheDir, w -> {}))
                .hash();
    }

    @Test
    void aTamperedEntryIsDeletedWithAWarningAndNeverLoaded() throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path cacheDir = cacheDir();
        String hash = compileInto(rules, cacheDir);
        Path entry = new RuleBaseCache(cacheDir).entry(hash);
        byte[] bytes = Files.readAllBytes(entry);
        int at = bytes.length / 3; // the review's attack: 200 bytes XOR-ed a third of the way in
        for (int i = at; i < Math.min(bytes.length, at + 200); i++) {
            bytes[i] ^= (byte) 0xFF;
        }
        Files.write(entry, bytes);
        List<String> warnings = new ArrayList<>();
        assertNull(new RuleBaseCache(cacheDir, warnings::add).load(hash));
        assertEquals(1, warnings.size(), warnings.toString());
        assertFalse(Files.exists(entry), "the damaged entry is deleted");
        // and the next build compiles and caches a good one
        Lodestone again = Lodestone.builder(rules).ruleCache(cacheDir).build();
        assertEquals(hash, again.rulesHash());
        assertNotNull(new RuleBaseCache(cacheDir, w -> {}).load(hash));
    }

    @Test
    void anEntryBuiltFromOtherRulesIsNotLoadedUnderThisHash() throws Exception {
        // the review's F11: another user's compile saved under the victim's entry name
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path other = TestFiles.miniRules(tmp.resolve("other"));
        Path rulesFile = other.resolve("mini/rules.drl");
        Files.writeString(rulesFile, Files.readString(rulesFile) + "\n// changed\n");
        Path cacheDir = cacheDir();
        String victim = compileInto(rules, cacheDir);
        String planted = compileInto(other, cacheDir);
        RuleBaseCache cache = new RuleBaseCache(cacheDir, w -> {});
        Files.move(cache.entry(planted), cache.entry(victim), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> warnings = new ArrayList<>();
        assertNull(new RuleBaseCache(cacheDir, warnings::add).load(victim));
        assertEquals(1, warnings.size());
    }

    @Test
    void anEntryOwnedBySomeoneElseIsNeverLoaded() throws Exception {
        assumeTrue(System.getProperty("user.name").equals("root"), "changing a file's owner needs root");
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path cacheDir = cacheDir();
        String hash = compileInto(rules, cacheDir);
        Path entry = new RuleBaseCache(cacheDir).entry(hash);
        UserPrincipal nobody =
                entry.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        Files.setOwner(entry, nobody);
        List<String> warnings = new ArrayList<>();
        assertNull(new RuleBaseCache(cacheDir, warnings::add).load(hash));
        assertTrue(warnings.get(0).contains("nobody"), warnings.toString());
        assertTrue(Files.exists(entry), "another user's file is refused, not touched");
    }

    @Test
    void aCacheFolderWritableByOthersIsNotUsed() throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path cacheDir = cacheDir();
        String hash = compileInto(rules, cacheDir);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> warnings = new ArrayList<>();
        assertNull(new RuleBaseCache(cacheDir, warnings::add).load(hash));
        assertEquals(1, warnings.size());
        Path entry = new RuleBaseCache(cacheDir).entry(hash);
        Files.setPosixFilePermissions(cacheDir, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString("rw-rw-rw-"));
        assertNull(new RuleBaseCache(cacheDir, warnings::add).load(hash), "a world-writable entry is refused too");
    }

    @Test
    void aNewCacheFolderIsPrivate() throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path fresh = tmp.resolve("new/cache");
        compileInto(rules, fresh);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh)));
    }

    @Test
    void oldEntriesArePruned() throws Exception {
        Path rules = TestFiles.miniRules(tmp.resolve("rules"));
        Path cacheDir = cacheDir();
        Path file = rules.resolve("mini/rules.drl");
        String text = Files.readString(file);
        for (int i = 0; i < RuleBaseCache.MAX_ENTRIES + 3; i++) {
            Files.writeString(file, text + "\n// edit " + i + "\n");
            compileInto(rules, cacheDir);
        }
        try (Stream<Path> files = Files.list(cacheDir)) {
            assertEquals(
                    RuleBaseCache.MAX_ENTRIES,
                    files.filter(f -> f.toString().endsWith(".bin")).count());
        }
    }
}

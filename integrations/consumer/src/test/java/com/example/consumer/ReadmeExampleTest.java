package com.example.consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * What a service that depends on the installed library gets: the README's example runs, no class
 * arrives twice, and the service's own SLF4J provider is the only one.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeSnippetIsTheExampleThatRuns() throws IOException {
        List<String> readme = javaBlockWith(Files.readAllLines(Path.of("README.md")), "Lodestone.builder(");
        List<String> example = between(Files.readAllLines(
                Path.of("integrations/consumer/src/main/java/com/example/consumer/ReadmeExample.java")),
                "// README:begin", "// README:end");
        assertFalse(readme.isEmpty(), "no ```java block in the README calls Lodestone.builder");
        assertEquals(readme, example);
    }

    @Test
    void theExamplePrintsFindingsThenTheAlignmentScore() throws Exception {
        PrintStream saved = System.out;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            ReadmeExample.main(new String[0]);
        } finally {
            System.setOut(saved);
        }
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        assertTrue(lines.size() > 1, lines.toString());
        for (String finding : lines.subList(0, lines.size() - 1)) {
            assertTrue(finding.matches("(info|low|medium|high|critical) [A-Z]+(-[A-Z0-9]+)+: .+"), finding);
        }
        String[] scoreAndBand = lines.get(lines.size() - 1).split(" ");
        assertEquals(2, scoreAndBand.length, lines.get(lines.size() - 1));
        Double.parseDouble(scoreAndBand[0]);
    }

    @Test
    void noClassIsOnTheClassPathTwice() throws IOException {
        Map<String, List<String>> owners = new TreeMap<>();
        List<String> jars = new ArrayList<>();
        for (String entry : classPath()) {
            if (!entry.endsWith(".jar")) {
                continue;
            }
            jars.add(entry);
            try (JarFile jar = new JarFile(entry)) {
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    // module descriptors and multi-release variants legitimately repeat
                    if (name.endsWith(".class") && !name.endsWith("module-info.class")
                            && !name.startsWith("META-INF/")) {
                        owners.computeIfAbsent(name, k -> new ArrayList<>()).add(new File(entry).getName());
                    }
                }
            }
        }
        assertTrue(jars.stream().anyMatch(j -> j.endsWith("lodestone-0.1.0.jar") || j.contains("/lodestone-")),
                "the library is not on the class path: " + jars);
        assertFalse(jars.stream().anyMatch(j -> j.contains("-cli")), "the CLI jar leaked into a consumer: " + jars);
        owners.values().removeIf(list -> list.size() < 2);
        assertEquals(Map.of(), owners, "classes on the class path more than once");
    }

    @Test
    void theConsumersOwnSlf4jProviderIsTheOnlyOne() {
        List<String> providers = new ArrayList<>();
        ServiceLoader.load(SLF4JServiceProvider.class).forEach(p -> providers.add(p.getClass().getName()));
        assertEquals(List.of("org.slf4j.simple.SimpleServiceProvider"), providers);
        assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass().getName());
    }

    private static List<String> classPath() {
        // Surefire runs tests from a manifest-only jar; it publishes the real test class path here
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return List.of(cp.split(File.pathSeparator));
    }

    /** The first ```java block of the README that contains {@code marker}, each line stripped. */
    private static List<String> javaBlockWith(List<String> lines, String marker) {
        List<String> block = null;
        for (String line : lines) {
            if (block == null && line.strip().equals("```java")) {
                block = new ArrayList<>();
            } else if (block != null && line.strip().equals("```")) {
                if (block.stream().anyMatch(l -> l.contains(marker))) {
                    return block;
                }
                block = null;
            } else if (block != null) {
                block.add(line.strip());
            }
        }
        return List.of();
    }

    private static List<String> between(List<String> lines, String begin, String end) {
        int from = -1;
        int to = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(begin)) {
                from = i + 1;
            } else if (lines.get(i).strip().equals(end)) {
                to = i;
            }
        }
        assertTrue(from > 0 && to >= from, "markers " + begin + " / " + end + " not found");
        return lines.subList(from, to).stream().map(String::strip).toList();
    }
}

package io.lodestone.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The HTTP adapter goes through Lodestone: it never imports Drools, KIE, the engine or the fact loader. */
class LayeringTest {
    static final List<String> FORBIDDEN = List.of("import org.drools.", "import org.kie.", "import io.lodestone.engine.",
            "import io.lodestone.facts.");

    @Test
    void theServerAndItsCommandsUseOnlyTheLodestoneApi() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> server = Files.list(Path.of("src/main/java/io/lodestone/server"))) {
            server.forEach(files::add);
        }
        files.add(Path.of("src/main/java/io/lodestone/cli/ServeCommand.java"));
        files.add(Path.of("src/main/java/io/lodestone/cli/BenchHttpCommand.java"));
        assertTrue(files.size() >= 6, files.toString());
        List<String> violations = new ArrayList<>();
        for (Path f : files) {
            lines(f).stream().filter(l -> FORBIDDEN.stream().anyMatch(l::startsWith))
                    .forEach(l -> violations.add(f.getFileName() + ": " + l));
        }
        assertEquals(List.of(), violations);
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

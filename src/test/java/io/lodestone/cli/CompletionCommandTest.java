package io.lodestone.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompletionCommandTest {
    @Test
    void bashAndZshGetTheSameScript() {
        TestFiles.Run bash = TestFiles.cli("completion");
        assertEquals(0, bash.code(), bash.err());
        assertEquals(bash.out(), TestFiles.cli("completion", "zsh").out());
        assertEquals(2, TestFiles.cli("completion", "fish").code());
    }

    /** Sources the script in bash and asks it what it completes, as the shell would on TAB. */
    @Test
    void scriptCompletesCommandsOptionsAndFormats(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path script = TestFiles.write(
                dir.resolve("lodestone.bash"), TestFiles.cli("completion").out());
        assertEquals(List.of("evaluate"), complete(script, "lodestone", "ev"));
        assertEquals(List.of("completion"), complete(script, "lodestone", "compl"));
        assertEquals(List.of("--format"), complete(script, "lodestone", "evaluate", "--form"));
        List<String> formats = complete(script, "lodestone", "evaluate", "--format", "");
        assertTrue(formats.containsAll(List.of("json", "sarif", "junit", "html")), formats.toString());
    }

    private static List<String> complete(Path script, String... words) throws Exception {
        String array =
                String.join(" ", Arrays.stream(words).map(w -> "'" + w + "'").toList());
        String probe = "source '" + script + "'; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE=\"${COMP_WORDS[*]}\"; COMP_POINT=${#COMP_LINE}; _complete_lodestone; "
                + "printf '%s\\n' \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("/bin/bash", "-c", probe)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start(); // compopt complains outside a real TAB
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out.lines().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}

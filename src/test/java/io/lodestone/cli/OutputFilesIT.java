package io.lodestone.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.TestFiles;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reports are written atomically and honestly (review F8, F9, F22, F23): exit 5 when they cannot be. */
class OutputFilesIT {
    static final String SEED = "facts/us-ua-minerals-2025-02.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void anUnwritableDestinationIsRefusedBeforeAnythingIsEvaluated() throws IOException {
        // --rules points nowhere: had the rules been compiled first, the exit would be 3, not 5
        TestFiles.Run missing = TestFiles.cli(
                "evaluate",
                "--rules",
                "no-such-rules",
                "-o",
                tmp.resolve("no/such/folder/r.json").toString(),
                SEED);
        assertEquals(ExitCodes.OUTPUT, missing.code(), missing.err());
        TestFiles.Run directory = TestFiles.cli("evaluate", "--rules", "no-such-rules", "-o", tmp.toString(), SEED);
        assertEquals(ExitCodes.OUTPUT, directory.code(), directory.err());
        assertEquals(1, directory.err().lines().count(), "one line, no stack trace: " + directory.err());
    }

    @Test
    void aFullDiskIsReportedNotSilent() {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs Linux's /dev/full");
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", "-o", "/dev/full", SEED);
        assertEquals(ExitCodes.OUTPUT, run.code(), run.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"json", "jsonl", "sarif", "csv", "markdown", "html", "text", "junit"})
    void aLoneSurrogateIsEscapedAndTheReportWritten(String format) throws IOException {
        Path facts =
                TestFiles.write(tmp.resolve("lone.json"), "{\"lodestone\": 1, \"id\": \"a\\ud800b\", \"facts\": []}");
        Path report = tmp.resolve("report." + format);
        Files.writeString(report, "old report");
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", format, "-o", report.toString(), facts.toString());
        assertEquals(0, run.code(), run.err());
        String written = Files.readString(report, StandardCharsets.UTF_8); // valid UTF-8, or this throws
        assertTrue(!written.equals("old report") && !written.contains("a?b"), written);
        if (format.equals("json")) {
            assertEquals("a\ud800b", JSON.readTree(written).at("/reports/0/id").asText(), "the escape round-trips");
        }
    }

    @Test
    void writingLeavesNoTemporaryFileBehind() throws IOException {
        Path report = tmp.resolve("r.json");
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", "-o", report.toString(), SEED);
        assertEquals(0, run.code(), run.err());
        JSON.readTree(report.toFile());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(report), files.toList());
        }
    }

    /** A real process: standard output to /dev/full, or closed, is exit 5 (it was exit 0). */
    @ParameterizedTest
    @ValueSource(strings = {"> /dev/full", ">&-"})
    void standardOutputThatCannotBeWrittenIsExit5(String redirect) throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/full")), "needs Linux");
        Process p = new ProcessBuilder(
                        "sh",
                        "-c",
                        String.join(" ", javaCommand("evaluate", "--format", "json", SEED)) + " " + redirect)
                .redirectError(ProcessBuilder.Redirect.PIPE)
                .start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "bounded");
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(ExitCodes.OUTPUT, p.exitValue(), err);
    }

    /** Kill -9 while the report is being written: the old report or the new one, never a part (F8). */
    @Test
    void killingTheWriterLeavesTheOldOrTheNewReport() throws Exception {
        byte[] seed = Files.readAllBytes(Path.of(SEED));
        Path batch = Files.createDirectories(tmp.resolve("batch"));
        for (int i = 0; i < 400; i++) {
            Files.write(batch.resolve(String.format("f%04d.json", i)), seed);
        }
        Path out = Files.createDirectories(tmp.resolve("out"));
        Path report = out.resolve("report.json");
        byte[] old = "{\"old\": true}".getBytes(StandardCharsets.UTF_8);
        Files.write(report, old);
        Process p = new ProcessBuilder(
                        javaCommand("evaluate", "--format", "json", "-j1", "-o", report.toString(), batch.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            // kill at the first sight of the temporary file, i.e. while the report is being written
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(2))
                    .until(() -> !p.isAlive() || temporaryFiles(out) > 0);
            boolean killedMidWrite = p.isAlive();
            p.destroyForcibly();
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            byte[] now = Files.readAllBytes(report);
            if (!java.util.Arrays.equals(old, now)) {
                JsonNode parsed = JSON.readTree(now); // a complete new report, or this throws
                assertEquals(400, parsed.get("reports").size());
            } else {
                assertArrayEquals(old, now);
            }
            assumeTrue(killedMidWrite, "the writer finished before it could be killed; nothing was tested");
        } finally {
            p.destroyForcibly();
        }
    }

    private static long temporaryFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".tmp"))
                    .count();
        }
    }

    private static List<String> javaCommand(String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}

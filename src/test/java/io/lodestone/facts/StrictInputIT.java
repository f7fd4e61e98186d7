package io.lodestone.facts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lodestone.TestFiles;
import io.lodestone.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input is read strictly (review F12, F16, F18, F20, F21, F29, F35): nothing is half-read in silence. */
class StrictInputIT {
    static final String SEED = "facts/us-ua-minerals-2025-02.json";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode errors(TestFiles.Run run) throws Exception {
        return JSON.readTree(run.out()).get("errors");
    }

    private static List<String> kinds(JsonNode errors) {
        List<String> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.get("kind").asText()));
        return out;
    }

    @Test
    void aSecondDocumentOrTrailingTextIsALocatedError() throws Exception {
        String seed = Files.readString(Path.of(SEED));
        Path two = TestFiles.write(
                tmp.resolve("two.json"), "{\"lodestone\": 1, \"id\": \"clean\", \"facts\": []}\n" + seed);
        Path garbage =
                TestFiles.write(tmp.resolve("garbage.json"), "{\"lodestone\": 1, \"id\": \"g\", \"facts\": []} xyz");
        for (Path file : List.of(two, garbage)) {
            TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", file.toString());
            assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
            JsonNode error = errors(run).get(0);
            assertEquals("json-syntax", error.get("kind").asText());
            assertTrue(error.get("line").asInt() >= 1 && error.get("column").asInt() >= 1, error.toString());
            TestFiles.Run check = TestFiles.cli("check", file.toString());
            assertEquals(ExitCodes.LOAD_ERROR, check.code(), "check agrees: " + check.out());
        }
    }

    @Test
    void aNumberThatUnderflowsToZeroIsALocatedError() throws Exception {
        Path file = TestFiles.write(tmp.resolve("tiny.json"), """
                {"lodestone": 1, "id": "tiny", "facts": [
                  {"type": "AidFigure", "id": "a", "donor": "us", "recipient": "ua", "measure": "m", "amountUsd": 1e-400}
                ]}
                """);
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", file.toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        JsonNode error = errors(run).get(0);
        assertEquals("fact-value", error.get("kind").asText());
        assertEquals(2, error.get("line").asInt());
        Path zero =
                TestFiles.write(tmp.resolve("zero.json"), Files.readString(file).replace("1e-400", "0.0e10"));
        TestFiles.Run fine = TestFiles.cli("check", zero.toString());
        assertEquals(0, fine.code(), "a real zero is fine: " + fine.out());
    }

    @Test
    void theSizeLimitAppliesToBytesReadNotTheStatedSize() throws Exception {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "needs /dev/zero");
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", "--max-file-bytes", "100000", "/dev/zero");
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        assertEquals("limit", errors(run).get(0).get("kind").asText());
    }

    @Test
    void nestingDeeperThanLodestoneReadsIsALimitWhateverTheFlagSays() throws Exception {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        Path file = TestFiles.write(
                tmp.resolve("deep.json"),
                "{\"lodestone\": 1, \"id\": \"d\", \"facts\": [{\"type\": " + "\"Claim\", \"id\": \"c\", \"value\": "
                        + deep + "}]}");
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", "--max-depth", "1000000", file.toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        JsonNode error = errors(run).get(0);
        assertEquals("limit", error.get("kind").asText());
        assertEquals(1, error.get("line").asInt());
    }

    @Test
    void brokenLinksAndSpecialFilesInAFolderAreReported() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("facts"));
        Files.copy(Path.of(SEED), dir.resolve("good.json"));
        Files.createSymbolicLink(dir.resolve("important.json"), dir.resolve("gone.json"));
        Process fifo = new ProcessBuilder("mkfifo", dir.resolve("pipe.json").toString()).start();
        assumeTrue(fifo.waitFor() == 0, "needs mkfifo");
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", dir.toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        JsonNode json = JSON.readTree(run.out());
        assertEquals(1, json.get("reports").size(), "the good file is still evaluated");
        assertEquals(List.of("io", "io"), kinds(json.get("errors")));
    }

    @Test
    void fileNamesWithGlobCharactersAreFilesWhenTheyExist() throws Exception {
        Path odd = tmp.resolve("b[1].json");
        Files.copy(Path.of(SEED), odd);
        TestFiles.Run run = TestFiles.cli("evaluate", "--format", "json", odd.toString());
        assertEquals(0, run.code(), run.err());
        TestFiles.Run bad = TestFiles.cli(
                "evaluate", "--format", "json", tmp.resolve("a[1.json").toString());
        assertEquals(ExitCodes.LOAD_ERROR, bad.code(), "a bad pattern is an input error, not a crash: " + bad.err());
    }

    @Test
    void aLimitAboveWhatTheHeapCanReadIsALimitNotOutOfMemory() throws Exception {
        // review F17: --max-file-bytes 3e9 and a 2 GB file ran out of memory; a sparse file costs no disk
        Path big = tmp.resolve("big.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(Math.min(Integer.MAX_VALUE - 8L, Runtime.getRuntime().maxMemory() / 8 + 1));
        }
        TestFiles.Run run =
                TestFiles.cli("evaluate", "--format", "json", "--max-file-bytes", "3000000000", big.toString());
        assertEquals(ExitCodes.LOAD_ERROR, run.code(), run.err());
        assertEquals("limit", errors(run).get(0).get("kind").asText());
    }
}

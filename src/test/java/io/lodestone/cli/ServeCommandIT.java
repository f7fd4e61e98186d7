package io.lodestone.cli;

import static io.lodestone.TestFiles.cli;
import static io.lodestone.TestFiles.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lodestone.TestFiles.Run;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServeCommandIT {
    @TempDir
    Path tmp;

    @Test
    void rulesThatDoNotCompileStopTheServerFromStartingWithoutWatch() {
        write(tmp.resolve("bad/x/r.drl"), "package x;\nrule \"r\" when then end oops");
        Run run = cli("serve", "--rules", tmp.resolve("bad").toString(), "--port", "0");
        assertEquals(ExitCodes.LOAD_ERROR, run.code());
        assertTrue(run.err().contains("r.drl:"), run.err());
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, cli("serve", "--port", "70000").code());
        assertEquals(ExitCodes.USAGE, cli("serve", "--max-body-bytes", "0").code());
        assertEquals(ExitCodes.USAGE, cli("bench-http", "--clients", "0").code());
    }
}

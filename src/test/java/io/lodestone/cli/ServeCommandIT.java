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
        assertEquals(ExitCodes.USAGE, cli("bench-http", "--rate", "0").code());
        assertEquals(ExitCodes.USAGE, cli("bench-http", "--rate", "-5").code());
        assertEquals(ExitCodes.USAGE, cli("bench-http", "--http-client", "curl").code());
        assertEquals(
                ExitCodes.USAGE, cli("bench-http", "--url", "ftp://127.0.0.1:1").code());
    }

    @Test
    void benchHttpAtAFixedRateAnswersEveryRequestWithEitherClient() {
        for (String client : new String[] {"plain", "jdk"}) {
            Run run =
                    cli("bench-http", "-n", "40", "--warmup", "5", "-c", "2", "--rate", "400", "--http-client", client);
            assertEquals(ExitCodes.OK, run.code(), client + ": " + run.out() + run.err());
            assertTrue(run.out().contains("40 of 40 requests answered (200)"), run.out());
        }
    }

    @Test
    void benchHttpCountsAServerThatIsNotThereAsErrors() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        Run run = cli("bench-http", "--url", "http://127.0.0.1:" + port, "-n", "3", "--warmup", "0", "-c", "1");
        assertEquals(ExitCodes.FINDINGS, run.code(), run.out() + run.err());
        assertTrue(run.out().contains("0 of 3 requests answered"), run.out());
        assertTrue(run.out().contains("errors    3"), "every request was tried and failed: " + run.out());
    }
}

package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lodestone.api.BatchListener;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one batch loop: input order and nothing lost, whatever the number of threads. */
class BatchRunnerTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {1, 3})
    void keepsInputOrderAndTurnsFailedLoadsIntoErrors(int jobs) throws IOException {
        List<Path> inputs = new ArrayList<>();
        for (String name : List.of("c.json", "a.json", "bad.json", "b.json")) {
            inputs.add(Files.writeString(dir.resolve(name), "{}"));
        }
        AtomicInteger finished = new AtomicInteger();
        BatchListener listener = new BatchListener() {
            @Override
            public void finished(String file, int done, int total) {
                finished.incrementAndGet();
            }
        };
        BatchRunner.Result result = new BatchRunner(jobs).run(inputs, listener, file -> {
            String name = file.getFileName().toString();
            if (name.equals("bad.json")) {
                throw new FactSetException(List.of(Diagnostic.io(file.toString(), "broken")));
            }
            FactSet factSet = new FactSet(name, null, null, file.toString(), List.of(), List.of());
            return BatchRunner.Outcome.loaded(factSet, null);
        });
        assertEquals(inputs.stream().map(Path::toString).toList(), result.files());
        assertEquals(1, result.errors().size());
        assertEquals(inputs.get(2).toString(), result.errors().get(0).file());
        assertEquals(4, finished.get());
        assertNull(result.onlyFactSetId(), "more than one file names no fact set");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void namesTheFactSetOnlyWhenItIsTheOneFileAndLoaded(int jobs) throws IOException {
        Path one = Files.writeString(dir.resolve("one.json"), "{}");
        BatchRunner.Result result = new BatchRunner(jobs)
                .run(
                        List.of(one),
                        BatchListener.NONE,
                        file -> BatchRunner.Outcome.loaded(
                                new FactSet("the-id", null, null, file.toString(), List.of(), List.of()), null));
        assertEquals("the-id", result.onlyFactSetId());
        assertEquals(0, result.factCount());
    }
}

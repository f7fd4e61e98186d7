package io.lodestone;

import io.lodestone.api.BatchListener;
import io.lodestone.api.CheckResult;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.FactSet;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Report;
import io.lodestone.facts.FactSetPaths;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs one task over every fact-set file of a batch (files, folders, globs), on {@code jobs} threads,
 * and gathers the outcomes in input order: the one batch loop behind {@link Lodestone#evaluateAll} and
 * {@link Lodestone#checkAll}. A file that cannot be loaded becomes its errors; nothing is lost.
 */
final class BatchRunner {
    private final int jobs;

    BatchRunner(int jobs) {
        this.jobs = jobs;
    }

    /** What is done to one file: load it and, for evaluate, evaluate it. */
    @FunctionalInterface
    interface FileTask {
        Outcome apply(Path file) throws FactSetException;
    }

    /** One file's outcome: its report (null for check or a failed load), fact-set id and size, problems. */
    record Outcome(
            Report report,
            String factSetId,
            int factCount,
            List<Diagnostic> errors,
            List<Diagnostic> warnings,
            CheckResult.QuoteCount quotes) {
        static Outcome loaded(FactSet factSet, Report report) {
            int withText = (int)
                    factSet.sources().stream().filter(s -> s.file() != null).count();
            return new Outcome(
                    report,
                    factSet.id(),
                    factSet.facts().size(),
                    List.of(),
                    factSet.warnings(),
                    new CheckResult.QuoteCount(withText, factSet.sources().size() - withText));
        }

        /** A file that did not load: its errors, and the warnings found beside them. */
        static Outcome failed(List<Diagnostic> errors, List<Diagnostic> warnings) {
            return new Outcome(null, null, 0, errors, warnings, CheckResult.QuoteCount.NONE);
        }
    }

    /**
     * The batch's outcome, in input order.
     *
     * @param files        every fact-set file attempted
     * @param reports      the reports of the files evaluated
     * @param errors       the inputs' expansion errors, then every file's errors
     * @param warnings     every file's warnings
     * @param onlyFactSetId the fact set's id when the batch was exactly one file and had no error, else null
     * @param factCount    the facts of every fact set that loaded, together
     * @param quotes       the sources of the fact sets that loaded, with and without a text file
     */
    record Result(
            List<String> files,
            List<Report> reports,
            List<Diagnostic> errors,
            List<Diagnostic> warnings,
            String onlyFactSetId,
            int factCount,
            CheckResult.QuoteCount quotes) {}

    Result run(Collection<Path> inputs, BatchListener listener, FileTask task) {
        FactSetPaths.Expansion expansion = FactSetPaths.expand(inputs);
        List<Path> paths = expansion.files();
        int total = paths.size();
        listener.started(total);
        AtomicInteger done = new AtomicInteger();
        List<Outcome> outcomes = new ArrayList<>();
        if (jobs <= 1 || total <= 1) {
            paths.forEach(file -> outcomes.add(attempt(file, task, listener, done, total)));
        } else {
            outcomes.addAll(inParallel(paths, file -> attempt(file, task, listener, done, total)));
        }
        List<String> files = new ArrayList<>();
        List<Report> reports = new ArrayList<>();
        List<Diagnostic> errors = new ArrayList<>(expansion.errors());
        List<Diagnostic> warnings = new ArrayList<>();
        String id = null;
        int facts = 0;
        CheckResult.QuoteCount quotes = CheckResult.QuoteCount.NONE;
        for (int i = 0; i < total; i++) {
            Outcome o = outcomes.get(i);
            files.add(
                    FactSetPaths.isStdin(paths.get(i))
                            ? Lodestone.STDIN_NAME
                            : paths.get(i).toString());
            if (o.report != null) {
                reports.add(o.report);
            }
            id = o.factSetId;
            facts += o.factCount;
            quotes = quotes.plus(o.quotes);
            errors.addAll(o.errors);
            warnings.addAll(o.warnings);
        }
        if (total != 1 || !errors.isEmpty()) {
            id = null; // names the fact set only when it is the one checked, as /v1/check always did
        }
        return new Result(files, reports, errors, warnings, id, facts, quotes);
    }

    private static Outcome attempt(Path file, FileTask task, BatchListener listener, AtomicInteger done, int total) {
        Outcome o;
        try {
            o = task.apply(file);
        } catch (FactSetException e) {
            o = Outcome.failed(e.errors(), e.warnings());
        }
        listener.finished(file.toString(), done.incrementAndGet(), total);
        return o;
    }

    private List<Outcome> inParallel(List<Path> files, Function<Path, Outcome> attempt) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, files.size()), r -> {
            Thread t = new Thread(r, "lodestone-eval");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) {
                futures.add(pool.submit(() -> attempt.apply(f)));
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
            return outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while evaluating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("evaluation failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}

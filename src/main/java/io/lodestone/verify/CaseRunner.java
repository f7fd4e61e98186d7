package io.lodestone.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.lodestone.Lodestone;
import io.lodestone.api.CaseResult;
import io.lodestone.api.Diagnostic;
import io.lodestone.api.Diagnostic.Kind;
import io.lodestone.api.Diagnostic.Location;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.Severity;
import io.lodestone.api.TestRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Runs rule test cases: every {@code *.expect.json} found under the given folders, each with the fact
 * set beside it ({@code <name>.facts.json}, or the file its {@code factSet} field names). Thread-safe;
 * the rules are compiled once by the caller's {@link Lodestone}.
 */
public final class CaseRunner {
    public static final String EXPECT_SUFFIX = ".expect.json";
    public static final String FACTS_SUFFIX = ".facts.json";
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Lodestone lodestone;

    public CaseRunner(Lodestone lodestone) {
        this.lodestone = lodestone;
    }

    /** Finds the cases under folders (or takes expectation files as given) and runs them in path order. */
    public TestRun run(Collection<Path> inputs) {
        List<Diagnostic> errors = new ArrayList<>();
        List<Loaded> loaded =
                discover(inputs, errors).stream().map(CaseRunner::load).toList();
        List<CaseResult> cases = loaded.stream().map(this::runCase).toList();
        Map<String, Integer> firedIn = new TreeMap<>();
        Map<String, Integer> guardedIn = new TreeMap<>();
        for (RuleDescription r : lodestone.rules()) {
            firedIn.put(r.id(), 0);
            guardedIn.put(r.id(), 0);
        }
        for (CaseResult c : cases) {
            c.firedRules().forEach(id -> firedIn.merge(id, 1, Integer::sum));
        }
        for (Loaded l : loaded) {
            if (l.expectation != null) {
                l.expectation.mustNot().stream()
                        .map(Expectation.Entry::ruleId)
                        .distinct()
                        .forEach(id -> guardedIn.merge(id, 1, Integer::sum));
            }
        }
        return new TestRun(lodestone.rulesHash(), lodestone.rules(), cases, firedIn, guardedIn, errors);
    }

    /** An expectation file and what it parsed to, or why it could not be read. */
    private record Loaded(Path file, Expectation expectation, Diagnostic error) {}

    private static Loaded load(Path file) {
        try {
            return new Loaded(file, read(file), null);
        } catch (LoadFailure e) {
            return new Loaded(file, null, e.error);
        }
    }

    static List<Path> discover(Collection<Path> inputs, List<Diagnostic> errors) {
        List<Path> found = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    walk.filter(p -> p.getFileName().toString().endsWith(EXPECT_SUFFIX))
                            .sorted()
                            .forEach(found::add);
                } catch (IOException e) {
                    errors.add(Diagnostic.io(input.toString(), "cannot read: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(input) && input.toString().endsWith(EXPECT_SUFFIX)) {
                found.add(input);
            } else {
                errors.add(Diagnostic.io(
                        input.toString(), "expected a folder of test cases or a *" + EXPECT_SUFFIX + " file"));
            }
        }
        return found;
    }

    private CaseResult runCase(Loaded loaded) {
        Path expectFile = loaded.file;
        String name = expectFile.toString().substring(0, expectFile.toString().length() - EXPECT_SUFFIX.length());
        Expectation expectation = loaded.expectation;
        if (expectation == null) {
            return new CaseResult(name, null, expectFile.toString(), List.of(), List.of(), List.of(loaded.error), null);
        }
        Path factsFile = expectation.factSet() != null
                ? expectFile.resolveSibling(expectation.factSet())
                : Path.of(name + FACTS_SUFFIX);
        Report report;
        try {
            report = lodestone.evaluate(factsFile);
        } catch (FactSetException e) {
            return new CaseResult(
                    name, factsFile.toString(), expectFile.toString(), List.of(), List.of(), e.errors(), null);
        }
        List<String> fired =
                report.findings().stream().map(Finding::getRuleId).distinct().toList();
        return new CaseResult(
                name,
                factsFile.toString(),
                expectFile.toString(),
                fired,
                ExpectationMatcher.compare(expectation, report),
                report.errors(),
                report);
    }

    private static Expectation read(Path file) throws LoadFailure {
        try {
            Expectation e = JSON.readValue(file.toFile(), Expectation.class);
            for (Expectation.Entry entry : e.must()) {
                checkEntry(file, entry);
            }
            for (Expectation.Entry entry : e.mustNot()) {
                checkEntry(file, entry);
            }
            return e;
        } catch (JsonMappingException e) {
            throw new LoadFailure(Diagnostic.fact(
                    Kind.FACT_SHAPE,
                    Location.at(file.toString(), line(e), column(e)).withPath(path(e)),
                    e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new LoadFailure(Diagnostic.fact(
                    Kind.JSON_SYNTAX, Location.at(file.toString(), line(e), column(e)), e.getOriginalMessage()));
        } catch (IOException e) {
            throw new LoadFailure(Diagnostic.io(file.toString(), "cannot read: " + e.getMessage()));
        }
    }

    private static void checkEntry(Path file, Expectation.Entry entry) throws LoadFailure {
        if (entry.ruleId() == null) {
            throw new LoadFailure(Diagnostic.fact(
                    Kind.FACT_SHAPE, Location.file(file.toString()), "every must/mustNot entry needs a ruleId"));
        }
        if (entry.severity() != null && Severity.parse(entry.severity()) == null) {
            throw new LoadFailure(Diagnostic.fact(
                    Kind.FACT_VALUE,
                    Location.file(file.toString()).withRule(entry.ruleId()),
                    "severity \"" + entry.severity() + "\" is not one of info, low, medium, high, critical"));
        }
    }

    private static Integer line(JsonProcessingException e) {
        return e.getLocation() == null ? null : e.getLocation().getLineNr();
    }

    private static Integer column(JsonProcessingException e) {
        return e.getLocation() == null ? null : e.getLocation().getColumnNr();
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static final class LoadFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Diagnostic error;

        LoadFailure(Diagnostic error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}

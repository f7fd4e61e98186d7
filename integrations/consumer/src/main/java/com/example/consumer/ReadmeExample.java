package com.example.consumer;

import io.lodestone.Lodestone;
import io.lodestone.api.FactSetException;
import io.lodestone.api.Finding;
import io.lodestone.api.Report;
import io.lodestone.api.RulesException;
import java.nio.file.Path;

/** The README's "Java API" snippet, verbatim between the markers (ReadmeExampleTest keeps them equal). */
public final class ReadmeExample {
    private ReadmeExample() {
    }

    /**
     * Runs the snippet from the repository root.
     *
     * @param args unused
     * @throws RulesException when the rules do not compile
     */
    public static void main(String[] args) throws RulesException {
        // README:begin
        Lodestone lodestone = Lodestone.builder(Path.of("rules"))   // compile once; immutable and thread-safe
                .param("aidFigureTolerance", "0.1")
                .build();                                            // RulesException: located rule errors
        try {
            Report report = lodestone.evaluate(Path.of("facts/us-ua-minerals-2025-02.json"));
            for (Finding f : report.findings()) {
                System.out.println(f.getSeverity().label() + " " + f.getRuleId() + ": " + f.getMessage());
            }
            System.out.println(report.alignment().score() + " " + report.alignment().band());
        } catch (FactSetException e) {                               // file, line, column, JSON path per error
            e.errors().forEach(err -> System.err.println(err.toCompilerString()));
        }
        // README:end
    }
}

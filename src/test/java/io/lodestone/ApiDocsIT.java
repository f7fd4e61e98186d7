package io.lodestone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs javadoc with every doclint check on the public API (Lodestone and io.lodestone.api): each
 * public type, method, parameter, return value and exception is documented and the HTML is valid.
 * In-process and offline, so no Maven plugin has to be downloaded for it.
 */
class ApiDocsIT {
    @TempDir
    Path out;

    @Test
    void thePublicApiIsFullyDocumented() throws Exception {
        List<Path> sources = new ArrayList<>(List.of(Path.of("src/main/java/io/lodestone/Lodestone.java")));
        try (Stream<Path> api = Files.list(Path.of("src/main/java/io/lodestone/api"))) {
            api.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
        }
        assertTrue(sources.size() > 10, sources.toString());
        DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javadoc.getStandardFileManager(diagnostics, null, null)) {
            List<String> options = List.of(
                    "-Xdoclint:all",
                    "-quiet",
                    "-d",
                    out.toString(),
                    "-cp",
                    ApiSurfaceTest.classPathOf(Lodestone.class));
            Boolean ok = javadoc.getTask(
                            null, files, diagnostics, null, options, files.getJavaFileObjectsFromPaths(sources))
                    .call();
            List<String> problems = diagnostics.getDiagnostics().stream()
                    .filter(d -> d.getKind() == Diagnostic.Kind.ERROR
                            || d.getKind() == Diagnostic.Kind.WARNING
                            || d.getKind() == Diagnostic.Kind.MANDATORY_WARNING)
                    .map(d -> d.getSource() == null
                            ? d.getMessage(null)
                            : d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
                    .toList();
            assertEquals(List.of(), problems);
            assertTrue(ok, "javadoc failed");
        }
        assertTrue(Files.exists(out.resolve("io/lodestone/Lodestone.html")));
    }
}

package io.lodestone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Helpers for tests that write small rule folders and fact sets. */
public final class TestFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TestFiles() {}

    /** Parses a command's JSON output: tests compare parsed JSON, never pretty-printed text. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    public static Path write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder tree (e.g. the bundled rules) so a test can edit it. */
    public static Path copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CLI run in-process: exit code and what it printed. */
    public record Run(int code, String out, String err) {}

    public static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = io.lodestone.cli.Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /** A tiny domain: one declared type and one rule per category, for engine tests. */
    public static Path miniRules(Path dir) {
        write(dir.resolve("mini/model.drl"), """
                package mini;
                declare Item
                    id : String
                    amount : Double
                    flagged : Boolean
                    tags : java.util.List
                    seen : java.time.LocalDate
                end
                """);
        write(dir.resolve("mini/params.json"), "{ \"limit\": 100 }");
        write(dir.resolve("mini/rules.drl"), """
                package mini;
                import io.lodestone.api.Finding;
                global Double limit;

                rule "Item over the limit"
                    @id("RISK-OVER-LIMIT") @category("RISK") @severity("medium")
                    @description("amount above the limit parameter")
                when
                    $i : Item( amount != null, amount > limit )
                then
                    Finding f = new Finding("Item " + $i.getId() + " is over the limit.", $i);
                    insert($i.getAmount() > 10 * limit ? f.withSeverity("critical") : f);
                end

                rule "Flagged item aligns"
                    @id("ALIGN-FLAGGED") @category("ALIGNMENT") @severity("info") @weight(2.5)
                when
                    $i : Item( flagged == true )
                then
                    insert(new Finding("Item " + $i.getId() + " is flagged.", $i));
                end

                rule "Unflagged item works against"
                    @id("ALIGN-UNFLAGGED") @category("ALIGNMENT") @severity("low") @weight(-1)
                when
                    $i : Item( flagged == false )
                then
                    insert(new Finding("Item " + $i.getId() + " is explicitly unflagged.", $i));
                end

                rule "Two items share a tag"
                    @id("INC-SHARED-TAG") @category("INCONSISTENCY") @severity("high")
                when
                    $a : Item( tags != null, $tags : tags )
                    $b : Item( id > $a.id, tags != null, $t : tags )
                    eval( !java.util.Collections.disjoint($tags, $t) )
                then
                    insert(new Finding("Items " + $a.getId() + " and " + $b.getId() + " share a tag.", $a, $b));
                end
                """);
        return dir;
    }
}

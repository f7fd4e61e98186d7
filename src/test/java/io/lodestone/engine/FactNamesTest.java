package io.lodestone.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lodestone.api.Entity;
import io.lodestone.api.FactSet;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rendering {@code {{id}}} references finds exactly what {@link #REFERENCE} matches (the contract of
 * {@code ref()} in functions.drl), though it scans without a regex. With no facts every id
 * renders as itself, so the expected text is the regex's own replacement.
 */
class FactNamesTest {
    /** What {@code ref()} writes: {@code {{id}}}, the id holding anything but braces. */
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{([^{}]+)}}");

    private static final FactNames EMPTY = new FactNames(new FactSet("s", null, null, "s.json", List.of(), List.of()));

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "no reference at all",
                "{{a}}",
                "Deal {{deal-1}} with {{us}} and {{ua}}.",
                "{{a}}{{b}}",
                "{{{a}}",
                "{{a}}}}",
                "{{}} and {{ x }}",
                "{{a}b}} then {{c}}",
                "{{a{b}} then {{d}}",
                "{{ unclosed",
                "closing only }}",
                "{{a}} {{a}} repeated",
                "{{ {{b}}"
            })
    void rendersWhatTheReferencePatternMatches(String message) {
        String expected = REFERENCE.matcher(message).replaceAll(m -> m.group(1).trim());
        List<String> ids = REFERENCE
                .matcher(message)
                .results()
                .map(m -> m.group(1).trim())
                .distinct()
                .toList();
        FactNames.Rendered rendered = EMPTY.render(message);
        assertEquals(expected, rendered.message());
        assertEquals(ids, rendered.entities().stream().map(Entity::id).toList());
    }
}

package io.lodestone.engine;

import io.lodestone.api.Citation;
import io.lodestone.api.Entity;
import io.lodestone.api.Fact;
import io.lodestone.api.FactFields;
import io.lodestone.api.FactSet;
import io.lodestone.api.Source;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names of one fact set's facts, for finding resolution: renders the {@code {{id}}} references that
 * {@code ref(...)} writes into messages as names, and cites facts with their sources. A fact's name is
 * its declared {@code name} field (any type that has one); a source's is its title; anything else is
 * shown by its id. It remembers the names it has made, so one instance serves one fact set on one thread.
 */
public final class FactNames {
    private final Map<String, Fact> facts;
    private final Map<String, Source> sources = new HashMap<>();
    /** Entities and citations by id, made once per fact set: many findings name and cite the same facts. */
    private final Map<String, Entity> entities = new HashMap<>();

    private final Map<String, Citation> citations = new HashMap<>();

    /**
     * Indexes a fact set.
     *
     * @param factSet the fact set whose findings are resolved
     */
    public FactNames(FactSet factSet) {
        facts = new HashMap<>(factSet.facts().size() * 4 / 3 + 1); // sized once: it is built for every fact set
        for (Fact f : factSet.facts()) {
            facts.putIfAbsent(f.id(), f);
        }
        for (Source s : factSet.sources()) {
            if (s.id() != null) {
                sources.putIfAbsent(s.id(), s);
            }
        }
    }

    /** A message with its references rendered, and the entities it names in order (each once). */
    public record Rendered(String message, List<Entity> entities) {}

    /**
     * Replaces each {@code {{id}}} with the name of the fact (or source) it refers to, falling back to
     * the id. A message without references comes back unchanged.
     *
     * @param message a rule's message
     * @return the rendered message and the entities it names
     */
    public Rendered render(String message) {
        if (message.indexOf("{{") < 0) {
            return new Rendered(message, List.of());
        }
        Map<String, Entity> named = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder(message.length() + 32);
        int copied = 0; // message[0, copied) is in out
        int from = 0;
        while (true) {
            // the leftmost {{id}} whose id has no brace (what ref() in functions.drl writes), scanned by hand:
            // this runs for every finding; FactNamesTest holds it to the regex \{\{([^{}]+)}}
            int open = message.indexOf("{{", from);
            int close = open < 0 ? -1 : message.indexOf("}}", open + 2);
            if (close < 0) {
                break;
            }
            String inner = message.substring(open + 2, close);
            if (inner.isEmpty() || inner.indexOf('{') >= 0 || inner.indexOf('}') >= 0) {
                from = open + 1;
                continue;
            }
            Entity entity = named.computeIfAbsent(inner.trim(), id -> entities.computeIfAbsent(id, this::entity));
            // a document's title reads as a title in running text
            String text =
                    "Source".equals(entity.type()) ? "\u201c" + shortTitle(entity.name()) + "\u201d" : entity.name();
            out.append(message, copied, open).append(text);
            copied = close + 2;
            from = copied;
        }
        out.append(message, copied, message.length());
        return new Rendered(out.toString(), List.copyOf(named.values()));
    }

    /** A title without a trailing explanatory parenthesis: "X (news report with …)" reads as "X" in a sentence. */
    static String shortTitle(String title) {
        String t = title.strip();
        int open = t.lastIndexOf(" (");
        return t.endsWith(")") && open > 0 ? t.substring(0, open).strip() : t;
    }

    /**
     * What an id names: a fact (by its name, else its id), a source (by its title), or nothing.
     *
     * @param id a fact or source id
     * @return the entity; its name is never null
     */
    public Entity entity(String id) {
        Fact fact = facts.get(id);
        if (fact != null) {
            String name = nameOf(fact.value());
            return new Entity(id, fact.type(), name != null ? name : id);
        }
        Source source = sources.get(id);
        if (source != null) {
            return new Entity(id, "Source", source.title() != null ? source.title() : id);
        }
        return new Entity(id, null, id);
    }

    /**
     * The cited facts with their sources, in the given order; the report later orders them and numbers
     * their sources.
     *
     * @param ids the ids of the facts a finding cites
     * @return one citation per id
     */
    public List<Citation> cite(List<String> ids) {
        List<Citation> out = new ArrayList<>(ids.size());
        for (String id : ids) {
            out.add(citations.computeIfAbsent(id, this::citation));
        }
        return out;
    }

    private Citation citation(String id) {
        Fact fact = facts.get(id);
        return fact == null
                ? new Citation(id, null, null, null, null, false, 0)
                : new Citation(id, fact.type(), nameOf(fact.value()), fact.sourceRef(), fact.quote(), false, 0);
    }

    /** The declared {@code name} field of a fact, or null when its type has none or it is blank. */
    static String nameOf(Object value) {
        if (value == null || value instanceof CharSequence || value instanceof Number) {
            return null;
        }
        Object name = FactFields.get(value, "name");
        return name == null || name.toString().isBlank()
                ? null
                : name.toString().trim();
    }
}

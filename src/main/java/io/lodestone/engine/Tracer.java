package io.lodestone.engine;

import io.lodestone.api.FactFields;
import io.lodestone.api.RuleDescription;
import io.lodestone.api.Trace;
import io.lodestone.api.TracedFact;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.rule.Match;

/**
 * Records, for every object a rule inserts, the trace of the firing that inserted it. Registered only
 * when explaining, so ordinary evaluation pays nothing for it. One per session; not thread-safe.
 */
final class Tracer extends DefaultAgendaEventListener implements RuleRuntimeEventListener {
    private final RuleBase ruleBase;
    private final IdentityHashMap<Object, Trace> traces = new IdentityHashMap<>();
    private Match firing;

    Tracer(RuleBase ruleBase) {
        this.ruleBase = ruleBase;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        firing = event.getMatch();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        firing = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (firing != null && event.getRule() != null) {
            traces.put(event.getObject(), trace(firing));
        }
    }

    @Override
    public void objectUpdated(ObjectUpdatedEvent event) {
        // a modified fact keeps the trace of the rule that inserted it
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        traces.remove(event.getOldObject());
    }

    Trace traceOf(Object inserted) {
        return traces.get(inserted);
    }

    private Trace trace(Match match) {
        RuleDescription rule = ruleBase.rule(match.getRule());
        Map<Class<?>, Set<String>> read = ruleBase.fieldsRead(match.getRule());
        List<TracedFact> facts = new ArrayList<>();
        for (Object o : match.getObjects()) {
            if (o instanceof Collection<?> group) {
                List<TracedFact> members = new ArrayList<>();
                group.forEach(e -> addFact(e, read, members));
                members.sort(java.util.Comparator.comparing(TracedFact::id)); // collectList order is an engine detail
                facts.addAll(members);
            } else {
                addFact(o, read, facts);
            }
        }
        Map<String, Object> bindings = new java.util.TreeMap<>();
        for (String id : match.getDeclarationIds()) {
            Object value = match.getDeclarationValue(id);
            if (ruleBase.declaredType(value) == null && !(value instanceof Collection<?>)) {
                bindings.put(id, plain(value));
            }
        }
        return new Trace(
                rule == null ? match.getRule().getName() : rule.id(),
                match.getRule().getName(),
                rule == null ? null : ruleBase.displayPath(rule.file()),
                rule == null ? 0 : rule.line(),
                facts,
                bindings);
    }

    private void addFact(Object o, Map<Class<?>, Set<String>> read, List<TracedFact> facts) {
        DeclaredType type = ruleBase.declaredType(o);
        if (type == null) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : read.getOrDefault(o.getClass(), Set.of())) {
            fields.put(field, plain(FactFields.get(o, field)));
        }
        facts.add(new TracedFact(type.name(), String.valueOf(FactFields.get(o, "id")), fields, traces.get(o)));
    }

    /** Values a report can carry as they are: numbers, booleans, strings, lists of those. */
    private static Object plain(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof String) {
            return value;
        }
        if (value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>();
            c.forEach(e -> out.add(plain(e)));
            return out;
        }
        return String.valueOf(value);
    }
}

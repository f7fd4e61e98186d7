package io.lodestone.engine;

import io.lodestone.api.Finding;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Remembers which rule inserted each {@link Finding}, in the order they were inserted, so the engine can
 * stamp it with that rule's metadata; forgets findings that are retracted (e.g. by truth maintenance).
 * Drafts are told apart by identity: two equal findings from two firings are both kept here, and finding
 * resolution decides what is a duplicate.
 */
final class FindingCollector extends DefaultRuleRuntimeEventListener {
    /** A finding as a rule inserted it, with that rule (null when no rule did). */
    record Draft(Finding finding, Rule rule) {}

    /** In insertion order; a retracted draft leaves a null, so the positions in {@link #position} hold. */
    private final List<Draft> drafts = new ArrayList<>();

    private final IdentityHashMap<Finding, Integer> position = new IdentityHashMap<>();

    // synchronized: rules fire on a worker thread, and one abandoned after the time limit may still be running
    @Override
    public synchronized void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding finding) {
            Integer at = position.get(finding);
            if (at != null) {
                drafts.set(at, new Draft(finding, event.getRule())); // inserted again: the latest rule, as before
            } else {
                position.put(finding, drafts.size());
                drafts.add(new Draft(finding, event.getRule()));
            }
        }
    }

    @Override
    public synchronized void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Finding finding) {
            Integer at = position.remove(finding);
            if (at != null) {
                drafts.set(at, null);
            }
        }
    }

    /**
     * A snapshot in insertion order, so that a consequence still running cannot change it while it is read,
     * and the same session gives the same order every time.
     */
    synchronized List<Draft> findings() {
        return drafts.stream().filter(Objects::nonNull).toList();
    }
}

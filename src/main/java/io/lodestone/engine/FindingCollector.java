package io.lodestone.engine;

import io.lodestone.api.Finding;
import java.util.IdentityHashMap;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Remembers which rule inserted each {@link Finding}, so the engine can stamp it with that rule's
 * metadata; forgets findings that are retracted (e.g. by truth maintenance).
 */
final class FindingCollector extends DefaultRuleRuntimeEventListener {
    private final IdentityHashMap<Finding, Rule> insertedBy = new IdentityHashMap<>();

    // synchronized: rules fire on a worker thread, and one abandoned after the time limit may still be running
    @Override
    public synchronized void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding finding) {
            insertedBy.put(finding, event.getRule());
        }
    }

    @Override
    public synchronized void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Finding finding) {
            insertedBy.remove(finding);
        }
    }

    /** A snapshot, so that a consequence still running cannot change it while it is read. */
    synchronized IdentityHashMap<Finding, Rule> findings() {
        return new IdentityHashMap<>(insertedBy);
    }
}

package io.lodestone.engine;

import io.lodestone.api.Finding;
import java.util.IdentityHashMap;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;

/**
 * Remembers which rule inserted each {@link Finding}, so the engine can stamp it with that rule's
 * metadata; forgets findings that are retracted (e.g. by truth maintenance).
 */
final class FindingCollector extends DefaultRuleRuntimeEventListener {
    private final Map<Finding, Rule> insertedBy = new IdentityHashMap<>();

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
        if (event.getObject() instanceof Finding finding) {
            insertedBy.put(finding, event.getRule());
        }
    }

    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
        if (event.getOldObject() instanceof Finding finding) {
            insertedBy.remove(finding);
        }
    }

    Map<Finding, Rule> findings() {
        return insertedBy;
    }
}

package io.lodestone.bench;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * The floor of any Drools-based evaluator, for the batch and the shapes alike: a fresh session per set
 * with the globals set, the set's objects (bound beforehand) inserted, the rules fired, the session
 * disposed.
 */
final class RawDrools {
    private RawDrools() {}

    /** Evaluates every set; returns the rules fired, which a caller checks is not 0. */
    static long fire(KieBase kieBase, Map<String, Object> globals, List<List<Object>> sets) {
        return fire(kieBase, globals, sets, session -> {});
    }

    /** As above, with {@code prepare} run on each fresh session first (e.g. to add a listener). */
    static long fire(
            KieBase kieBase, Map<String, Object> globals, List<List<Object>> sets, Consumer<KieSession> prepare) {
        long firings = 0;
        for (List<Object> facts : sets) {
            KieSession session = kieBase.newKieSession();
            try {
                prepare.accept(session);
                globals.forEach(session::setGlobal);
                facts.forEach(session::insert);
                firings += session.fireAllRules();
            } finally {
                session.dispose();
            }
        }
        return firings;
    }
}

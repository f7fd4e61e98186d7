package io.lodestone.bench;

import java.util.List;
import java.util.Map;
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
        long firings = 0;
        for (List<Object> facts : sets) {
            KieSession session = kieBase.newKieSession();
            try {
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

package io.lodestone.engine;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.drools.kiesession.session.StatefulKnowledgeSessionImpl;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * Sessions of one rule base kept for reuse: a session that evaluated a fact set cleanly is reset
 * (working memory, node memories, agenda, globals, listeners, fact handles, truth maintenance) and
 * handed to the next fact set, which saves building its node memories again. A session that did not
 * finish cleanly (a rule error, a time or firing limit, a halt from the watchdog) or that held a large
 * set is disposed instead, so nothing of one fact set can reach another and one huge set does not pin
 * its grown tables. Drools' own {@code KieBase.newKieSessionsPool} cannot dispose a session for good
 * without keeping a reference to it for ever, hence this small pool. Thread-safe.
 */
final class SessionPool {
    /** A session that held more facts than this is not kept: its grown hash tables would stay. */
    static final long MAX_FACTS_KEPT = 10_000;

    private final KieBase kieBase;
    private final int capacity;
    private final ConcurrentLinkedQueue<KieSession> idle = new ConcurrentLinkedQueue<>();
    private final AtomicInteger idleCount = new AtomicInteger();

    /**
     * @param kieBase  the rule base whose sessions are pooled
     * @param capacity how many idle sessions to keep at most (about the number of threads evaluating)
     */
    SessionPool(KieBase kieBase, int capacity) {
        this.kieBase = kieBase;
        this.capacity = capacity;
    }

    /** An idle session, or a new one when none is idle. */
    KieSession take() {
        KieSession session = idle.poll();
        if (session != null) {
            idleCount.decrementAndGet();
            return session;
        }
        return kieBase.newKieSession();
    }

    /**
     * Returns a session after its evaluation: kept for reuse when {@code clean}, small and there is
     * room, else disposed.
     *
     * @param session a session from {@link #take()}, not used afterwards by the caller
     * @param clean   whether its evaluation ended normally (no error, no limit, no halt)
     */
    void giveBack(KieSession session, boolean clean) {
        boolean keep =
                clean && session instanceof StatefulKnowledgeSessionImpl impl && impl.getFactCount() <= MAX_FACTS_KEPT;
        if (keep && idleCount.incrementAndGet() <= capacity) {
            ((StatefulKnowledgeSessionImpl) session).reset();
            idle.offer(session);
            return;
        }
        if (keep) {
            idleCount.decrementAndGet(); // no room: undo the count taken above
        }
        session.dispose();
    }

    /** Sessions idle in the pool now (for tests). */
    int idleSessions() {
        return idleCount.get();
    }
}

package io.lodestone.bench;

import static io.lodestone.bench.Shapes.spread;

import io.lodestone.bench.Shapes.Claim;
import io.lodestone.bench.Shapes.Data;
import io.lodestone.bench.Shapes.Deal;
import io.lodestone.bench.Shapes.Deposit;
import io.lodestone.bench.Shapes.Figure;
import io.lodestone.bench.Shapes.Policy;
import io.lodestone.bench.Shapes.Ref;
import io.lodestone.bench.Shapes.Tranche;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.evrete.KnowledgeService;
import org.evrete.api.Knowledge;
import org.evrete.api.RhsContext;
import org.evrete.api.StatefulSession;
import org.evrete.api.ValuesPredicate;

/**
 * The five shapes on Evrete (org.evrete:evrete-core), a forward-chaining RETE engine, in the same JVM.
 * Evrete has no accumulate or exists: S3 dedupes deals in a set and S4 sums per figure in the
 * consequence, then the threshold is applied after fire() — the nearest idiomatic equivalent.
 */
final class EvreteShapes implements AutoCloseable {
    private final KnowledgeService service = new KnowledgeService();
    private final Knowledge knowledge;

    /** Per-session results, reached from consequences through the session environment. */
    static final class Out {
        final long[] c = new long[6];
        final Set<Deal> occupied = new HashSet<>();
        final IdentityHashMap<Figure, double[]> tranches = new IdentityHashMap<>();
    }

    private static Out out(RhsContext ctx) {
        return ctx.getRuntime().get("out");
    }

    EvreteShapes() {
        knowledge = service.newKnowledge()
                .builder()
                .newRule("S1")
                .forEach("$a", Figure.class, "$b", Figure.class)
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$a.donor", "$b.donor")
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$a.recipient", "$b.recipient")
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$a.measure", "$b.measure")
                .where(p(v -> v.get(1, String.class).compareTo(v.get(0, String.class)) > 0), "$a.id", "$b.id")
                .where(p(v -> spread(v.get(0, Double.class), v.get(1, Double.class)) > 0.25), "$a.amount", "$b.amount")
                .execute(ctx -> out(ctx).c[Shapes.PAIR]++)
                .newRule("S2")
                .forEach("$c", Claim.class, "$r", Ref.class)
                .where(p(v -> v.get(0) != null), "$c.value")
                .where(p(v -> v.get(0) == null || "fact".equals(v.get(0)) || "estimate".equals(v.get(0))), "$c.kind")
                .where(p(v -> v.get(0) != null), "$r.value")
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$c.subject", "$r.subject")
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$c.property", "$r.property")
                .where(p(v -> spread(v.get(0, Double.class), v.get(1, Double.class)) > 0.1), "$c.value", "$r.value")
                .execute(ctx -> out(ctx).c[Shapes.CLAIM_REF]++)
                .newRule("S3")
                .forEach("$d", Deal.class, "$p", Deposit.class)
                .where(p(v -> live(v.get(0))), "$d.status")
                .where(p(v -> v.get(0, Boolean.class)), "$p.occupied")
                .where(p(v -> v.get(0, java.util.List.class).contains(v.get(1))), "$d.parties", "$p.country")
                .where(p(v -> v.get(0, java.util.List.class).contains(v.get(1))), "$d.resources", "$p.mineral")
                .execute(ctx -> out(ctx).occupied.add(ctx.get("$d")))
                .newRule("S4")
                .forEach("$f", Figure.class, "$t", Tranche.class)
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$f.donor", "$t.donor")
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$f.recipient", "$t.recipient")
                .where(p(v -> Objects.equals(v.get(0), v.get(1))), "$f.measure", "$t.measure")
                .execute(ctx -> {
                    Figure f = ctx.get("$f");
                    Tranche t = ctx.get("$t");
                    double[] nSum = out(ctx).tranches.computeIfAbsent(f, k -> new double[2]);
                    nSum[0]++;
                    nSum[1] += t.amount;
                })
                .newRule("S5a")
                .forEach("$p", Policy.class, "$d", Deal.class)
                .where(p(v -> v.get(0, java.util.List.class).contains("economic-return")), "$p.priorities")
                .where(p(v -> live(v.get(0))), "$d.status")
                .where(p(v -> v.get(0, java.util.List.class).contains(v.get(1))), "$d.parties", "$p.issuer")
                .where(p(v -> v.get(0) != null && v.get(0, Double.class) > 0), "$d.beneficiaryShare")
                .execute(ctx -> score(ctx, 2))
                .newRule("S5b")
                .forEach("$p", Policy.class, "$d", Deal.class)
                .where(p(v -> v.get(0, java.util.List.class).contains("recover-past-spending")), "$p.priorities")
                .where(p(v -> live(v.get(0))), "$d.status")
                .where(p(v -> v.get(0, java.util.List.class).contains(v.get(1))), "$d.parties", "$p.issuer")
                .where(p(v -> v.get(0, Boolean.class)), "$d.repaysPastAid")
                .execute(ctx -> score(ctx, 1))
                .newRule("S5c")
                .forEach("$p", Policy.class, "$d", Deal.class)
                .where(p(v -> v.get(0, java.util.List.class).contains("no-open-ended-commitment")), "$p.priorities")
                .where(p(v -> live(v.get(0))), "$d.status")
                .where(p(v -> v.get(0, java.util.List.class).contains(v.get(1))), "$d.parties", "$p.issuer")
                .where(p(v -> v.get(0, Boolean.class)), "$d.securityGuarantees")
                .where(p(v -> v.get(0) == null || v.get(0, Double.class) == 0), "$d.beneficiaryShare")
                .execute(ctx -> score(ctx, -2))
                .build();
    }

    /** Picks Evrete's field-values predicate overload for a lambda. */
    private static ValuesPredicate p(ValuesPredicate predicate) {
        return predicate;
    }

    private static boolean live(Object status) {
        return !"rejected".equals(status) && !"abandoned".equals(status);
    }

    private static void score(RhsContext ctx, int weight) {
        Out o = out(ctx);
        o.c[Shapes.SCORE_FINDINGS]++;
        o.c[Shapes.SCORE] += weight;
    }

    long[] run(Data d) {
        Out o = new Out();
        try (StatefulSession session = knowledge.newStatefulSession()) {
            session.set("out", o);
            session.insert(d.all());
            session.fire();
        }
        o.c[Shapes.OCCUPIED] = o.occupied.size();
        for (Map.Entry<Figure, double[]> e : o.tranches.entrySet()) {
            if (e.getValue()[0] > 0 && spread(e.getValue()[1], e.getKey().amount) > 0.05) {
                o.c[Shapes.TRANCHES]++;
            }
        }
        return o.c;
    }

    @Override
    public void close() {
        service.shutdown();
    }
}

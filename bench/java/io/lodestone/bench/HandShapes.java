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

/** The five shapes as plain nested loops: the upper bound a declarative engine is measured against. */
final class HandShapes {
    private HandShapes() {}

    static long[] run(Data d) {
        long[] c = new long[6];
        for (Figure a : d.figures) {
            for (Figure b : d.figures) {
                if (a.donor.equals(b.donor)
                        && a.recipient.equals(b.recipient)
                        && a.measure.equals(b.measure)
                        && b.id.compareTo(a.id) > 0
                        && spread(a.amount, b.amount) > 0.25) {
                    c[Shapes.PAIR]++;
                }
            }
        }
        for (Claim cl : d.claims) {
            if (cl.value == null || !(cl.kind == null || cl.kind.equals("fact") || cl.kind.equals("estimate"))) {
                continue;
            }
            for (Ref r : d.refs) {
                if (r.value != null
                        && r.subject.equals(cl.subject)
                        && r.property.equals(cl.property)
                        && spread(cl.value, r.value) > 0.1) {
                    c[Shapes.CLAIM_REF]++;
                }
            }
        }
        for (Deal deal : d.deals) {
            if (!Shapes.live(deal)) {
                continue;
            }
            for (Deposit p : d.deposits) {
                if (p.occupied && deal.parties.contains(p.country) && deal.resources.contains(p.mineral)) {
                    c[Shapes.OCCUPIED]++;
                    break;
                }
            }
        }
        for (Figure f : d.figures) {
            int n = 0;
            double sum = 0;
            for (Tranche t : d.tranches) {
                if (t.donor.equals(f.donor) && t.recipient.equals(f.recipient) && t.measure.equals(f.measure)) {
                    n++;
                    sum += t.amount;
                }
            }
            if (n > 0 && spread(sum, f.amount) > 0.05) {
                c[Shapes.TRANCHES]++;
            }
        }
        for (Policy p : d.policies) {
            for (Deal deal : d.deals) {
                if (!Shapes.live(deal) || !deal.parties.contains(p.issuer)) {
                    continue;
                }
                if (p.priorities.contains("economic-return")
                        && deal.beneficiaryShare != null
                        && deal.beneficiaryShare > 0) {
                    c[Shapes.SCORE_FINDINGS]++;
                    c[Shapes.SCORE] += 2;
                }
                if (p.priorities.contains("recover-past-spending") && deal.repaysPastAid) {
                    c[Shapes.SCORE_FINDINGS]++;
                    c[Shapes.SCORE] += 1;
                }
                if (p.priorities.contains("no-open-ended-commitment")
                        && deal.securityGuarantees
                        && (deal.beneficiaryShare == null || deal.beneficiaryShare == 0)) {
                    c[Shapes.SCORE_FINDINGS]++;
                    c[Shapes.SCORE] -= 2;
                }
            }
        }
        return c;
    }
}

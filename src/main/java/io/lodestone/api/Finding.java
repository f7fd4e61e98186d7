package io.lodestone.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What a rule concluded about some facts. Rules create one with exactly
 * <pre>{@code insert(new Finding("a full sentence", $fact1, $fact2));}</pre>
 * and the engine fills in the rule id, category, severity and weight from the inserting rule's
 * metadata ({@code @id}, {@code @category}, {@code @severity}, {@code @weight}), and the fact ids and
 * evidence from the facts. A rule whose severity or weight depends on what it found may refine them
 * with {@link #withSeverity(String)} or {@link #withWeight(double)}.
 *
 * <p>Findings in a {@link Report} are complete and immutable.
 */
public final class Finding {
    private final String message;
    private final List<Object> subjects;
    private final String severityOverride;
    private final Double weightOverride;

    private final String ruleId;
    private final Category category;
    private final Severity severity;
    private final Double weight;
    private final List<String> facts;
    private final List<Evidence> sources;
    private final Trace trace;
    private final List<Entity> entities;
    private final List<Citation> citations;

    /**
     * For rules: a message (a full sentence naming the facts) and the facts it is about. A collection
     * argument (e.g. from {@code collectList}) stands for its elements, in order.
     *
     * @param message a full sentence naming the facts
     * @param facts   the facts the finding is about
     */
    public Finding(String message, Object... facts) {
        this(
                message,
                flatten(facts),
                null,
                null,
                null,
                null,
                null,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                List.of());
    }

    private static List<Object> flatten(Object[] facts) {
        if (facts == null) {
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (Object f : facts) {
            // a collection stays one element here; the engine expands it in fact-set order
            out.add(f instanceof Collection<?> c ? List.copyOf(c) : f);
        }
        return Collections.unmodifiableList(out);
    }

    private Finding(
            String message,
            List<Object> subjects,
            String severityOverride,
            Double weightOverride,
            String ruleId,
            Category category,
            Severity severity,
            Double weight,
            List<String> facts,
            List<Evidence> sources,
            Trace trace,
            List<Entity> entities,
            List<Citation> citations) {
        this.message = Objects.requireNonNull(message, "a finding needs a message");
        this.subjects = subjects;
        this.severityOverride = severityOverride;
        this.weightOverride = weightOverride;
        this.ruleId = ruleId;
        this.category = category;
        this.severity = severity;
        this.weight = weight;
        this.facts = facts;
        this.sources = sources;
        this.trace = trace;
        this.entities = entities;
        this.citations = citations;
    }

    /**
     * A complete finding, as the engine produces it (also handy in tests).
     *
     * @param ruleId   the emitting rule's {@code @id}
     * @param category its category
     * @param severity its severity
     * @param weight   its signed weight (ALIGNMENT only), or null
     * @param message  what the rule concluded
     * @param facts    ids of the facts it is about
     * @param sources  the source entries of those facts
     * @return the finding
     */
    public static Finding of(
            String ruleId,
            Category category,
            Severity severity,
            Double weight,
            String message,
            List<String> facts,
            List<Evidence> sources) {
        return new Finding(
                message,
                List.of(),
                null,
                null,
                Objects.requireNonNull(ruleId, "ruleId"),
                Objects.requireNonNull(category, "category"),
                Objects.requireNonNull(severity, "severity"),
                weight,
                List.copyOf(facts),
                List.copyOf(sources),
                null,
                List.of(),
                citations(facts, sources));
    }

    /** Citations for a hand-built finding: each fact with the evidence given for it. */
    private static List<Citation> citations(List<String> facts, List<Evidence> sources) {
        List<Citation> out = new ArrayList<>(facts.size());
        for (String id : facts) {
            Evidence e = null;
            for (Evidence s : sources) {
                if (id.equals(s.fact())) {
                    e = s;
                    break;
                }
            }
            out.add(new Citation(id, null, null, e == null ? null : e.ref(), e == null ? null : e.quote(), false, 0));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The same complete finding with the trace of the firing that produced it ({@code --explain}).
     *
     * @param newTrace the trace
     * @return a copy of this finding carrying the trace
     */
    public Finding withTrace(Trace newTrace) {
        return new Finding(
                message,
                subjects,
                severityOverride,
                weightOverride,
                ruleId,
                category,
                severity,
                weight,
                facts,
                sources,
                newTrace,
                entities,
                citations);
    }

    /**
     * For rules: the same finding with a severity word that replaces the rule's {@code @severity}.
     *
     * @param severityWord info, low, medium, high or critical
     * @return a new finding
     */
    public Finding withSeverity(String severityWord) {
        return new Finding(
                message,
                subjects,
                Objects.requireNonNull(severityWord, "severity"),
                weightOverride,
                ruleId,
                category,
                severity,
                weight,
                facts,
                sources,
                trace,
                entities,
                citations);
    }

    /**
     * For rules: the same finding with a weight that replaces the rule's {@code @weight}.
     *
     * @param newWeight the signed weight
     * @return a new finding
     */
    public Finding withWeight(double newWeight) {
        return new Finding(
                message,
                subjects,
                severityOverride,
                newWeight,
                ruleId,
                category,
                severity,
                weight,
                facts,
                sources,
                trace,
                entities,
                citations);
    }

    /**
     * The same complete finding with its message rendered, the entities it names and the facts it
     * cites with their sources (the engine's finding resolution, then the report, call this).
     *
     * @param renderedMessage the message with every {@code {{id}}} reference replaced by a name
     * @param newEntities     the facts the message names, in message order
     * @param newCitations    the cited facts with their sources, carrying facts first
     * @return a copy of this finding
     */
    public Finding withEvidence(String renderedMessage, List<Entity> newEntities, List<Citation> newCitations) {
        return new Finding(
                renderedMessage,
                subjects,
                severityOverride,
                weightOverride,
                ruleId,
                category,
                severity,
                weight,
                facts,
                sources,
                trace,
                List.copyOf(newEntities),
                List.copyOf(newCitations));
    }

    /**
     * What the rule concluded.
     *
     * @return a full sentence naming the facts
     */
    public String getMessage() {
        return message;
    }

    /**
     * The fact objects the rule passed in, in the order it matched them; a collection argument is one
     * {@code List} element (empty once resolved).
     *
     * @return the matched fact objects
     */
    public List<Object> getSubjects() {
        return subjects;
    }

    /**
     * The severity word a rule asked for with {@link #withSeverity(String)}.
     *
     * @return the word, or null to use the rule's {@code @severity}
     */
    public String getSeverityOverride() {
        return severityOverride;
    }

    /**
     * The weight a rule asked for with {@link #withWeight(double)}.
     *
     * @return the weight, or null to use the rule's {@code @weight}
     */
    public Double getWeightOverride() {
        return weightOverride;
    }

    /**
     * The emitting rule's {@code @id}.
     *
     * @return the rule id; null only before the engine completes the finding
     */
    public String getRuleId() {
        return ruleId;
    }

    /**
     * The emitting rule's {@code @category}.
     *
     * @return the category; null only before the engine completes the finding
     */
    public Category getCategory() {
        return category;
    }

    /**
     * The rule's {@code @severity}, or the one the rule asked for.
     *
     * @return the severity; null only before the engine completes the finding
     */
    public Severity getSeverity() {
        return severity;
    }

    /**
     * Signed contribution to the alignment score.
     *
     * @return the weight; null outside ALIGNMENT
     */
    public Double getWeight() {
        return weight;
    }

    /**
     * Ids of the facts this finding is about, in the order the rule matched them.
     *
     * @return fact ids
     */
    public List<String> getFacts() {
        return facts;
    }

    /**
     * The {@code source} entries of the cited facts that have one.
     *
     * @return evidence, in fact order
     */
    public List<Evidence> getSources() {
        return sources;
    }

    /**
     * The facts (and sources) the message names, in the order it names them, each once.
     *
     * @return entities; empty for a message that names nothing by reference
     */
    public List<Entity> getEntities() {
        return entities;
    }

    /**
     * Every cited fact with its source and quote: the facts that carry the finding first, then context
     * facts (whose quote the report gives once, in {@link Report#context()}).
     *
     * @return citations, carrying facts first
     */
    public List<Citation> getCitations() {
        return citations;
    }

    /**
     * Why this finding fired.
     *
     * @return the trace when evaluated with explain on; otherwise null
     */
    public Trace getTrace() {
        return trace;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Finding f) || ruleId == null) {
            return false;
        }
        return ruleId.equals(f.ruleId)
                && category == f.category
                && severity == f.severity
                && Objects.equals(weight, f.weight)
                && message.equals(f.message)
                && facts.equals(f.facts)
                && sources.equals(f.sources);
    }

    @Override
    public int hashCode() {
        return ruleId == null ? System.identityHashCode(this) : Objects.hash(ruleId, message, facts);
    }

    @Override
    public String toString() {
        return (ruleId == null ? "Finding" : ruleId) + facts + ": " + message;
    }
}

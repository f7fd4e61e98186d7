package io.lodestone.api;

import java.util.Map;

/**
 * A rule of the loaded rule set as its metadata describes it. {@code category}, {@code severity} and
 * {@code weight} are null for derivation rules ({@code @derivation}), which infer facts but emit no
 * findings. {@code file} is relative to the rules folder; {@code line} is the rule's header line.
 *
 * @param id          the rule's {@code @id}
 * @param name        the rule's name in the DRL
 * @param packageName the DRL package
 * @param category    the {@code @category}, or null for a derivation rule
 * @param severity    the {@code @severity}, or null for a derivation rule
 * @param weight      the {@code @weight} (ALIGNMENT rules), or null
 * @param description the {@code @description}, or null
 * @param file        the rule file, relative to the rules folder
 * @param line        the 1-based line of the rule's header
 * @param metadata    the rule's other metadata as text (e.g. {@code @priority}, {@code @effect} on ALIGNMENT rules)
 */
public record RuleDescription(
        String id,
        String name,
        String packageName,
        Category category,
        Severity severity,
        Double weight,
        String description,
        String file,
        int line,
        Map<String, String> metadata) {

    /**
     * Copies the metadata.
     *
     * @param id          the rule's {@code @id}
     * @param name        the rule's name in the DRL
     * @param packageName the DRL package
     * @param category    the {@code @category}, or null for a derivation rule
     * @param severity    the {@code @severity}, or null for a derivation rule
     * @param weight      the {@code @weight} (ALIGNMENT rules), or null
     * @param description the {@code @description}, or null
     * @param file        the rule file, relative to the rules folder
     * @param line        the 1-based line of the rule's header
     * @param metadata    the rule's other metadata as text
     */
    public RuleDescription {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /**
     * A rule with no metadata beyond the modelled fields.
     *
     * @param id          the rule's {@code @id}
     * @param name        the rule's name in the DRL
     * @param packageName the DRL package
     * @param category    the {@code @category}, or null for a derivation rule
     * @param severity    the {@code @severity}, or null for a derivation rule
     * @param weight      the {@code @weight} (ALIGNMENT rules), or null
     * @param description the {@code @description}, or null
     * @param file        the rule file, relative to the rules folder
     * @param line        the 1-based line of the rule's header
     */
    public RuleDescription(
            String id,
            String name,
            String packageName,
            Category category,
            Severity severity,
            Double weight,
            String description,
            String file,
            int line) {
        this(id, name, packageName, category, severity, weight, description, file, line, Map.of());
    }

    /**
     * Whether this rule only infers facts for other rules.
     *
     * @return true for a {@code @derivation} rule
     */
    public boolean isDerivation() {
        return category == null;
    }
}

package io.lodestone.api;

/**
 * A rule of the loaded rule set as its metadata describes it. {@code category}, {@code severity} and
 * {@code weight} are null for derivation rules ({@code @derivation}), which infer facts but emit no
 * findings. {@code file} is relative to the rules folder; {@code line} is the rule's header line.
 */
public record RuleDescription(String id, String name, String packageName, Category category, Severity severity,
                              Double weight, String description, String file, int line) {

    public boolean isDerivation() {
        return category == null;
    }
}

package io.lodestone.api;

import java.util.List;

/**
 * A fact set could not be read or bound to the declared fact types. Each error names the file, the
 * line and column or JSON path, and what was expected.
 */
public class FactSetException extends LodestoneException {
    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> warnings;

    /**
     * Creates the exception.
     *
     * @param errors every problem found, at least one
     */
    public FactSetException(List<Diagnostic> errors) {
        this(errors, List.of());
    }

    /**
     * Creates the exception with the warnings found beside the errors, so that nothing is lost.
     *
     * @param errors   every problem found, at least one
     * @param warnings every warning found in the same file
     */
    public FactSetException(List<Diagnostic> errors, List<Diagnostic> warnings) {
        super(errors);
        this.warnings = List.copyOf(warnings);
    }

    /**
     * Warnings found in the same file (e.g. words outside an open vocabulary).
     *
     * @return the warnings, possibly empty
     */
    public List<Diagnostic> warnings() {
        return warnings;
    }
}

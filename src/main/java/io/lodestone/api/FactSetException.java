package io.lodestone.api;

import java.util.List;

/**
 * A fact set could not be read or bound to the declared fact types. Each error names the file, the
 * line and column or JSON path, and what was expected.
 */
public class FactSetException extends LodestoneException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errors every problem found, at least one
     */
    public FactSetException(List<Diagnostic> errors) {
        super(errors);
    }
}

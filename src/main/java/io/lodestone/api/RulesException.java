package io.lodestone.api;

import java.util.List;

/** The rules folder does not compile, or its rules break Lodestone's metadata contract. */
public class RulesException extends LodestoneException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param errors every problem found, at least one
     */
    public RulesException(List<Diagnostic> errors) {
        super(errors);
    }
}

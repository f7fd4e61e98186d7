package io.lodestone.api;

import java.util.List;

/** A fact set could not be read or bound to the declared fact types. */
public class FactSetException extends LodestoneException {
    private static final long serialVersionUID = 1L;

    public FactSetException(List<LoadError> errors) {
        super(errors);
    }
}

package io.lodestone.api;

import java.util.List;

/** Rules or a fact set could not be loaded; carries every located problem found in one pass. */
public class LodestoneException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<LoadError> errors;

    public LodestoneException(List<LoadError> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    public List<LoadError> errors() {
        return errors;
    }

    private static String summary(List<LoadError> errors) {
        if (errors.isEmpty()) {
            return "no errors";
        }
        String first = errors.get(0).toCompilerString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}

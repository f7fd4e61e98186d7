package io.lodestone.api;

import java.util.List;

/**
 * Rules or a fact set could not be loaded; carries every located problem found in one pass, each
 * with the same file, line, column and JSON path the CLI prints. The message is the first problem in
 * compiler form.
 */
public class LodestoneException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Diagnostic> errors;

    /**
     * Creates the exception.
     *
     * @param errors every problem found, at least one
     */
    public LodestoneException(List<Diagnostic> errors) {
        super(summary(errors));
        this.errors = List.copyOf(errors);
    }

    /**
     * The problems, in the order they were found.
     *
     * @return every located problem
     */
    public List<Diagnostic> errors() {
        return errors;
    }

    private static String summary(List<Diagnostic> errors) {
        if (errors.isEmpty()) {
            return "no errors";
        }
        String first = errors.get(0).toCompilerString();
        return errors.size() == 1 ? first : first + " (and " + (errors.size() - 1) + " more)";
    }
}

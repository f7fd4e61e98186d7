package io.lodestone.cli;

/** The report could not be written (exit {@link ExitCodes#OUTPUT}); the message says where and why. */
final class OutputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputException(String message) {
        super(message);
    }
}

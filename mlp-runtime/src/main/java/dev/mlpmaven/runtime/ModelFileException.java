package dev.mlpmaven.runtime;

/**
 * A model file that cannot be used: missing, not a model, of a newer format, damaged, truncated or hostile. The
 * message names the file (or stream) and says what was found and what was expected; its text is one of the
 * constants of {@link ModelFormat}.
 */
public final class ModelFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}

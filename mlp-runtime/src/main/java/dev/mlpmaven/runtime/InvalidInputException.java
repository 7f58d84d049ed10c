package dev.mlpmaven.runtime;

/**
 * An input that does not fit the model: an image of the wrong size, a table row with a missing or unknown
 * value, a vector of the wrong length. The message says what was found and what was expected; its text is one
 * of the public constants of the class that threw it.
 */
public final class InvalidInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }
}

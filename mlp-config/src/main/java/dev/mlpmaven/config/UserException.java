package dev.mlpmaven.config;

/**
 * A mistake the user can fix: a bad experiment file, unusable data, a model below a gate.
 * The Maven plugin turns it into a {@code MojoFailureException}; anything else is an environment failure.
 * Messages read "where: found X, expected Y - hint".
 */
public class UserException extends RuntimeException {
    public UserException(String message) {
        super(message);
    }

    public UserException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.cambist.launcher;

/**
 * The container could not start or a request to it failed, for a reason an operator can act on.
 * The message is one line that says what was wrong and what to do; the cause, if any, carries the details.
 */
public class CambistException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CambistException(String message) {
        super(message);
    }

    public CambistException(String message, Throwable cause) {
        super(message, cause);
    }
}

package io.cambist.connector;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import io.cambist.api.exchange.ExchangeException;
import io.cambist.api.exchange.ExchangeUnavailableException;

/**
 * The bridge between a connector's asynchronous calls and the blocking {@code ExchangeConnector} methods: waits for a
 * call and rethrows its failure as the exception it is, and finds the cause inside completion wrappers.
 */
public final class Futures {

    private Futures() {
    }

    /**
     * Waits for a call and rethrows its failure as the {@link ExchangeException} (or other runtime exception) it is;
     * an interrupt or a checked failure becomes {@link ExchangeUnavailableException}.
     *
     * @param venue the venue's name for the messages, e.g. {@code binance}
     */
    public static <T> T await(CompletableFuture<T> future, String venue) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("interrupted while waiting for " + venue, e);
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new ExchangeUnavailableException(venue + " request failed: " + cause, cause);
        }
    }

    /** The cause inside completion and execution wrappers ({@code null} stays {@code null}). */
    public static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }
}

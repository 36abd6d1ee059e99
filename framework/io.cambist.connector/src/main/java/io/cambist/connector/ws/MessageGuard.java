package io.cambist.connector.ws;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one bad stream message from doing harm: a message that does not parse, or that parses but cannot be used, is
 * counted in the connector's malformed-message counter ({@code ExchangeConnector.malformedMessages()}), logged at
 * DEBUG and skipped; the connection stays up.
 */
public final class MessageGuard {

    private final Logger logger = LoggerFactory.getLogger(MessageGuard.class);
    private final String stream;
    private final AtomicLong malformed;

    /**
     * @param stream    the stream in logs, e.g. {@code binance market stream}
     * @param malformed the connector's counter
     */
    public MessageGuard(String stream, AtomicLong malformed) {
        this.stream = stream;
        this.malformed = malformed;
    }

    /**
     * Parses a message.
     *
     * @return the message, or {@code null} when it did not parse (counted and logged)
     */
    public <M> M parse(String text, Function<String, M> parser) {
        try {
            return parser.apply(text);
        } catch (RuntimeException e) {
            malformed.incrementAndGet();
            logger.debug("{}: skipped malformed message: {}", stream, e.getMessage());
            return null;
        }
    }

    /** Parses a message and hands it on; a message that does not parse or cannot be used is counted and skipped. */
    public <M> void dispatch(String text, Function<String, M> parser, Consumer<M> handler) {
        M message = parse(text, parser);
        if (message == null) {
            return;
        }
        try {
            handler.accept(message);
        } catch (RuntimeException e) {
            malformed.incrementAndGet();
            logger.debug("{}: skipped unusable message: {}", stream, e.toString());
        }
    }
}

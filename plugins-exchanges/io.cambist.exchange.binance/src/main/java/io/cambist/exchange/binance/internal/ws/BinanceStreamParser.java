package io.cambist.exchange.binance.internal.ws;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.exchange.binance.internal.dto.BinanceBookTicker;
import io.cambist.exchange.binance.internal.dto.BinanceDepthUpdate;
import io.cambist.exchange.binance.internal.dto.BinanceExecutionReport;
import io.cambist.exchange.binance.internal.dto.BinanceKlineEvent;
import io.cambist.exchange.binance.internal.dto.BinanceTradeEvent;

/**
 * Parses Binance stream messages: combined-stream envelopes ({@code {"stream":..,"data":..}}), raw user data events
 * ({@code {"e":"executionReport",..}}) and answers to live SUBSCRIBE/UNSUBSCRIBE requests. The payload is bound
 * straight from the stream's parser when the stream name comes first, as Binance sends it.
 */
public final class BinanceStreamParser {

    /** A parsed message. */
    public sealed interface Message permits Depth, TradeMessage, KlineMessage, BookTickerMessage, Ack, Execution,
            ListenKeyExpired, ServerShutdown, Ignored {
    }

    /** A diff depth event. */
    public record Depth(String stream, BinanceDepthUpdate update) implements Message {
    }

    /** A public trade. */
    public record TradeMessage(String stream, BinanceTradeEvent trade) implements Message {
    }

    /** A kline update. */
    public record KlineMessage(String stream, BinanceKlineEvent kline) implements Message {
    }

    /** A best bid/offer update. */
    public record BookTickerMessage(String stream, BinanceBookTicker ticker) implements Message {
    }

    /** The answer to a control request; {@code error} is Binance's message when it failed. */
    public record Ack(long id, String error) implements Message {
    }

    /** An order update from the user data stream. */
    public record Execution(BinanceExecutionReport report) implements Message {
    }

    /** The listen key expired: the user data stream must be opened again with a new one. */
    public record ListenKeyExpired() implements Message {
    }

    /** Binance announces a planned disconnect. */
    public record ServerShutdown() implements Message {
    }

    /** A well-formed message the connector does not use (account position, balance update, ...). */
    public record Ignored(String what) implements Message {
    }

    private final ObjectMapper mapper;

    public BinanceStreamParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Parses one message.
     *
     * @throws IllegalArgumentException when the text is not a well-formed Binance message
     */
    public Message parse(String text) {
        try (JsonParser p = mapper.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String stream = null;
            Message payload = null;
            JsonNode deferred = null;
            Long id = null;
            String error = null;
            boolean result = false;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "stream" -> stream = p.getText();
                    case "data" -> {
                        if (stream != null) {
                            payload = bind(stream, p);
                        } else {
                            deferred = p.readValueAsTree();
                        }
                    }
                    case "id" -> id = p.currentToken() == JsonToken.VALUE_NULL ? null : p.getValueAsLong();
                    case "result" -> {
                        result = true;
                        p.skipChildren();
                    }
                    case "error" -> {
                        JsonNode e = p.readValueAsTree();
                        error = e == null ? "error" : e.path("msg").asText(e.toString());
                    }
                    default -> {
                        // a raw event: parse the whole message by its event type
                        return event(mapper.readTree(text));
                    }
                }
            }
            if (stream != null) {
                if (deferred != null) {
                    payload = bind(stream, deferred);
                }
                if (payload == null) {
                    throw new IllegalArgumentException("stream message without data");
                }
                return payload;
            }
            if (id != null && (result || error != null)) {
                return new Ack(id, error);
            }
            throw new IllegalArgumentException("neither a stream message nor a control answer");
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed binance message: " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    private Message bind(String stream, JsonParser p) throws IOException {
        if (stream.endsWith("@trade")) {
            return new TradeMessage(stream, required(mapper.readValue(p, BinanceTradeEvent.class)));
        }
        if (stream.contains("@depth")) {
            return new Depth(stream, required(mapper.readValue(p, BinanceDepthUpdate.class)));
        }
        if (stream.contains("@kline_")) {
            return new KlineMessage(stream, required(mapper.readValue(p, BinanceKlineEvent.class)));
        }
        if (stream.endsWith("@bookTicker")) {
            return new BookTickerMessage(stream, required(mapper.readValue(p, BinanceBookTicker.class)));
        }
        return event(p.readValueAsTree());
    }

    private Message bind(String stream, JsonNode data) throws IOException {
        try (JsonParser p = mapper.treeAsTokens(data)) {
            p.nextToken();
            return bind(stream, p);
        }
    }

    private Message event(JsonNode node) throws IOException {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("event is not a JSON object");
        }
        String type = node.path("e").asText("");
        return switch (type) {
            case "executionReport" -> new Execution(required(mapper.treeToValue(node, BinanceExecutionReport.class)));
            case "listenKeyExpired", "eventStreamTerminated" -> new ListenKeyExpired();
            case "serverShutdown" -> new ServerShutdown();
            case "trade" -> new TradeMessage(null, required(mapper.treeToValue(node, BinanceTradeEvent.class)));
            case "depthUpdate" -> new Depth(null, required(mapper.treeToValue(node, BinanceDepthUpdate.class)));
            case "kline" -> new KlineMessage(null, required(mapper.treeToValue(node, BinanceKlineEvent.class)));
            case "outboundAccountPosition", "balanceUpdate", "listStatus", "externalLockUpdate" -> new Ignored(type);
            default -> throw new IllegalArgumentException("unknown binance event '" + type + "'");
        };
    }

    private static <T> T required(T value) {
        if (value == null) {
            throw new IllegalArgumentException("empty payload");
        }
        return value;
    }
}

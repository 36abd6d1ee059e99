package io.cambist.exchange.kraken.internal.ws;

import java.io.IOException;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cambist.exchange.kraken.internal.dto.KrakenBookData;
import io.cambist.exchange.kraken.internal.dto.KrakenExecution;
import io.cambist.exchange.kraken.internal.dto.KrakenOhlc;
import io.cambist.exchange.kraken.internal.dto.KrakenTicker;
import io.cambist.exchange.kraken.internal.dto.KrakenTrade;

/**
 * Parses Kraken WebSocket v2 messages: channel messages ({@code {"channel":"book","type":"update","data":[...]}}),
 * answers to requests ({@code {"method":"subscribe","success":true,"result":{...},"req_id":1}}, {@code pong}),
 * heartbeats and status. The {@code data} array is bound straight from the parser when the channel name comes first,
 * as Kraken sends it.
 */
public final class KrakenStreamParser {

    /** A parsed message. */
    public sealed interface Message permits Tickers, Trades, Ohlcs, Book, Executions, Ack, Pong, Heartbeat, Status,
            Ignored {
    }

    /** Ticker snapshot or update. */
    public record Tickers(String type, List<KrakenTicker> data) implements Message {
    }

    /** Public trades. */
    public record Trades(String type, List<KrakenTrade> data) implements Message {
    }

    /** Candle snapshot (recent candles) or update (the current candle). */
    public record Ohlcs(String type, List<KrakenOhlc> data) implements Message {
    }

    /** Book snapshot or update. */
    public record Book(String type, List<KrakenBookData> data) implements Message {
        /** True for a snapshot. */
        public boolean snapshot() {
            return "snapshot".equals(type);
        }
    }

    /** Order events of the private executions channel; {@code sequence} numbers the channel's messages. */
    public record Executions(String type, Long sequence, List<KrakenExecution> data) implements Message {
    }

    /** The answer to a subscribe or unsubscribe request. */
    public record Ack(String method, boolean success, String error, Long reqId, String channel, String symbol)
            implements Message {
    }

    /** The answer to a ping. */
    public record Pong(Long reqId) implements Message {
    }

    /** Kraken's once-a-second sign of life on a subscribed connection. */
    public record Heartbeat() implements Message {
    }

    /** The exchange's state ({@code online}, {@code maintenance}, {@code cancel_only}, {@code post_only}). */
    public record Status(String system) implements Message {
    }

    /** A well-formed message the connector does not use. */
    public record Ignored(String what) implements Message {
    }

    private final ObjectMapper mapper;
    private final JavaType tickers;
    private final JavaType trades;
    private final JavaType ohlcs;
    private final JavaType books;
    private final JavaType executions;

    public KrakenStreamParser(ObjectMapper mapper) {
        this.mapper = mapper;
        this.tickers = listOf(KrakenTicker.class);
        this.trades = listOf(KrakenTrade.class);
        this.ohlcs = listOf(KrakenOhlc.class);
        this.books = listOf(KrakenBookData.class);
        this.executions = listOf(KrakenExecution.class);
    }

    /**
     * Parses one message.
     *
     * @throws IllegalArgumentException when the text is not a well-formed Kraken message
     */
    public Message parse(String text) {
        try (JsonParser p = mapper.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            String channel = null;
            String type = null;
            String method = null;
            String error = null;
            Long sequence = null;
            Long reqId = null;
            boolean success = false;
            List<?> data = null;
            JsonNode deferred = null;
            JsonNode result = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "channel" -> channel = string(p, field);
                    case "type" -> type = string(p, field);
                    case "data" -> {
                        JavaType t = channel == null ? null : dataType(channel);
                        if (t != null) {
                            data = mapper.readValue(p, t);
                        } else {
                            deferred = p.readValueAsTree();
                        }
                    }
                    case "sequence" -> sequence = p.getValueAsLong();
                    case "method" -> method = string(p, field);
                    case "success" -> success = p.getValueAsBoolean();
                    case "error" -> error = p.currentToken() == JsonToken.VALUE_STRING ? p.getText()
                            : String.valueOf((JsonNode) p.readValueAsTree());
                    case "req_id" -> reqId = p.getValueAsLong();
                    case "result" -> result = p.readValueAsTree();
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT) {
                throw new IllegalArgumentException("malformed kraken message: the object is not closed");
            }
            if (channel != null) {
                return channel(channel, type, sequence, data, deferred);
            }
            if (method != null) {
                return switch (method) {
                    case "pong" -> new Pong(reqId);
                    case "subscribe", "unsubscribe" -> new Ack(method, success, error, reqId,
                            result == null ? null : text(result.get("channel")),
                            result == null ? null : text(result.get("symbol")));
                    default -> new Ignored("method " + method);
                };
            }
            throw new IllegalArgumentException("neither a channel message nor an answer to a request");
        } catch (IOException e) {
            throw new IllegalArgumentException("malformed kraken message: " + (e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : e.getMessage()), e);
        }
    }

    @SuppressWarnings("unchecked")
    private Message channel(String channel, String type, Long sequence, List<?> bound, JsonNode deferred)
            throws IOException {
        if ("heartbeat".equals(channel)) {
            return new Heartbeat();
        }
        if ("status".equals(channel)) {
            JsonNode first = deferred == null ? null : deferred.path(0);
            return new Status(first == null ? null : text(first.get("system")));
        }
        JavaType t = dataType(channel);
        if (t == null) {
            return new Ignored("channel " + channel);
        }
        List<?> data = bound;
        if (data == null && deferred != null) {
            data = mapper.readValue(mapper.treeAsTokens(deferred), t);
        }
        if (data == null) {
            throw new IllegalArgumentException(channel + " message without data");
        }
        if (type == null) {
            throw new IllegalArgumentException(channel + " message without type");
        }
        return switch (channel) {
            case "ticker" -> new Tickers(type, (List<KrakenTicker>) data);
            case "trade" -> new Trades(type, (List<KrakenTrade>) data);
            case "ohlc" -> new Ohlcs(type, (List<KrakenOhlc>) data);
            case "book" -> new Book(type, (List<KrakenBookData>) data);
            default -> new Executions(type, sequence, (List<KrakenExecution>) data);
        };
    }

    private JavaType dataType(String channel) {
        return switch (channel) {
            case "ticker" -> tickers;
            case "trade" -> trades;
            case "ohlc" -> ohlcs;
            case "book" -> books;
            case "executions" -> executions;
            default -> null;
        };
    }

    private JavaType listOf(Class<?> c) {
        return mapper.getTypeFactory().constructCollectionType(List.class, c);
    }

    private static String string(JsonParser p, String field) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException("malformed kraken message: " + field + " is not a string");
        }
        return p.getText();
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}

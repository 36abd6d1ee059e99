package io.cambist.exchange.kraken.internal.fake;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.testkit.venue.FakeSocket;
import io.cambist.testkit.venue.SocketHandler;

/**
 * Kraken's WebSocket v2 side for the fake venue (docs.kraken.com "Spot WebSocket v2"): the public endpoint with the
 * {@code ticker}, {@code trade}, {@code ohlc} and {@code book} channels, the authenticated endpoint with the
 * {@code executions} channel (token from GetWebSocketsToken, sequence-numbered messages), subscribe and unsubscribe
 * answers, {@code ping}/{@code pong}, a status message on connect and heartbeats on subscribed connections.
 */
final class FakeKrakenStreams implements SocketHandler {

    /** What the streams need from the venue. */
    interface Backend {
        /** Runs an action under the venue's lock, so snapshots and updates never interleave. */
        void locked(Runnable action);

        ObjectNode ticker();

        ArrayNode ohlcSnapshot(int interval);

        /** The book window at a depth, from now on kept up to date for that depth. */
        ObjectNode bookSnapshot(int depth);

        ArrayNode openOrders();

        boolean validToken(String token);
    }

    private static final class State {
        final boolean authenticated;
        final Set<String> subscriptions = ConcurrentHashMap.newKeySet();
        long sequence;

        State(boolean authenticated) {
            this.authenticated = authenticated;
        }
    }

    private final ObjectMapper json;
    private final Backend backend;
    private final Map<FakeSocket, State> states = new ConcurrentHashMap<>();
    private volatile boolean ignoreExecutions;

    FakeKrakenStreams(ObjectMapper json, Backend backend) {
        this.json = json;
        this.backend = backend;
    }

    @Override
    public void onOpen(FakeSocket socket) {
        states.put(socket, new State(socket.path().startsWith("/auth")));
        ObjectNode status = json.createObjectNode().put("channel", "status").put("type", "update");
        status.putArray("data").addObject().put("api_version", "v2").put("connection_id", socket.id())
                .put("system", "online").put("version", "2.0.8");
        socket.send(text(status));
    }

    @Override
    public void onClose(FakeSocket socket, int code, String reason) {
        states.remove(socket);
    }

    @Override
    public void onText(FakeSocket socket, String text) {
        State state = states.get(socket);
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (JsonProcessingException e) {
            socket.send("{\"error\":\"EGeneral:Invalid arguments\",\"success\":false}");
            return;
        }
        String method = request.path("method").asText("");
        JsonNode reqId = request.get("req_id");
        switch (method) {
            case "ping" -> {
                ObjectNode pong = json.createObjectNode().put("method", "pong");
                if (reqId != null) {
                    pong.set("req_id", reqId);
                }
                socket.send(text(times(pong)));
            }
            case "subscribe", "unsubscribe" -> backend.locked(() -> subscription(socket, state, method,
                    request.path("params"), reqId));
            default -> socket.send(text(error(method, "Method not supported", reqId)));
        }
    }

    private void subscription(FakeSocket socket, State state, String method, JsonNode params, JsonNode reqId) {
        String channel = params.path("channel").asText("");
        boolean subscribe = method.equals("subscribe");
        if (channel.equals("executions")) {
            if (ignoreExecutions) {
                return;
            }
            if (!state.authenticated || !backend.validToken(params.path("token").asText(""))) {
                socket.send(text(error(method, "ESession:Invalid session", reqId)));
                return;
            }
            if (subscribe ? !state.subscriptions.add("executions") : !state.subscriptions.remove("executions")) {
                socket.send(text(error(method, subscribe ? "Already subscribed" : "Subscription Not Found", reqId)));
                return;
            }
            ObjectNode ack = json.createObjectNode().put("method", method);
            ack.putObject("result").put("channel", "executions").put("snapshot", true);
            ack.put("success", true);
            socket.send(text(times(ack).set("req_id", reqId)));
            if (subscribe && params.path("snap_orders").asBoolean(true)) {
                ObjectNode snap = json.createObjectNode().put("channel", "executions").put("type", "snapshot");
                snap.set("data", backend.openOrders());
                snap.put("sequence", ++state.sequence);
                socket.send(text(snap));
            }
            return;
        }
        if (state.authenticated) {
            socket.send(text(error(method, "Channel not available on the authenticated endpoint", reqId)));
            return;
        }
        for (JsonNode s : params.path("symbol")) {
            String symbol = s.asText();
            if (!FakeKrakenEngine.SYMBOL.equals(symbol)) {
                socket.send(text(error(method, "Currency pair not supported", reqId).put("symbol", symbol)));
                continue;
            }
            int interval = params.path("interval").asInt(1);
            int depth = params.path("depth").asInt(10);
            String key = switch (channel) {
                case "ticker", "trade" -> channel + ":" + symbol;
                case "ohlc" -> "ohlc:" + symbol + ":" + interval;
                case "book" -> "book:" + symbol + ":" + depth;
                default -> null;
            };
            if (key == null) {
                socket.send(text(error(method, "Unknown channel " + channel, reqId)));
                return;
            }
            if (subscribe ? !state.subscriptions.add(key) : !state.subscriptions.remove(key)) {
                socket.send(text(error(method, subscribe ? "Already subscribed" : "Subscription Not Found", reqId)
                        .put("symbol", symbol)));
                continue;
            }
            ObjectNode ack = json.createObjectNode().put("method", method);
            ObjectNode result = ack.putObject("result").put("channel", channel).put("symbol", symbol);
            if (channel.equals("ohlc")) {
                result.put("interval", interval);
            } else if (channel.equals("book")) {
                result.put("depth", depth);
            }
            boolean snapshot = params.path("snapshot").asBoolean(!channel.equals("trade"));
            result.put("snapshot", snapshot);
            ack.put("success", true);
            socket.send(text(times(ack).set("req_id", reqId)));
            if (subscribe && snapshot) {
                ObjectNode snap = json.createObjectNode().put("channel", channel).put("type", "snapshot");
                switch (channel) {
                    case "ticker" -> snap.putArray("data").add(backend.ticker());
                    case "ohlc" -> snap.set("data", backend.ohlcSnapshot(interval));
                    case "book" -> snap.putArray("data").add(backend.bookSnapshot(depth));
                    default -> snap.putArray("data");
                }
                socket.send(text(snap));
            }
        }
    }

    private ObjectNode error(String method, String error, JsonNode reqId) {
        ObjectNode e = json.createObjectNode().put("error", error).put("method", method).put("success", false);
        times(e);
        if (reqId != null) {
            e.set("req_id", reqId);
        }
        return e;
    }

    private ObjectNode times(ObjectNode n) {
        String now = FakeKrakenViews.rfc3339(System.currentTimeMillis());
        return n.put("time_in", now).put("time_out", now);
    }

    /** Sends a channel update to every public socket subscribed with this key. */
    void publish(String key, String channel, ArrayNode data) {
        String message = null;
        for (Map.Entry<FakeSocket, State> e : states.entrySet()) {
            if (e.getKey().isOpen() && e.getValue().subscriptions.contains(key)) {
                if (message == null) {
                    ObjectNode m = json.createObjectNode().put("channel", channel).put("type", "update");
                    m.set("data", data);
                    message = text(m);
                }
                e.getKey().send(message);
            }
        }
    }

    /** Sends one executions event to every subscribed private socket, each with its own sequence number. */
    void publishExecution(ObjectNode event) {
        for (Map.Entry<FakeSocket, State> e : states.entrySet()) {
            if (e.getKey().isOpen() && e.getValue().subscriptions.contains("executions")) {
                ObjectNode m = json.createObjectNode().put("channel", "executions").put("type", "update");
                m.putArray("data").add(event);
                m.put("sequence", ++e.getValue().sequence);
                e.getKey().send(text(m));
            }
        }
    }

    /** While true, executions subscriptions get no answer at all. */
    void ignoreExecutionSubscriptions(boolean ignore) {
        this.ignoreExecutions = ignore;
    }

    /** A heartbeat on every connection with a subscription, as Kraken sends once a second. */
    void heartbeat() {
        states.forEach((socket, state) -> {
            if (socket.isOpen() && !state.subscriptions.isEmpty()) {
                socket.send("{\"channel\":\"heartbeat\"}");
            }
        });
    }

    /** Whether any public socket carries a book at this depth. */
    boolean bookSubscribed(int depth) {
        return states.values().stream().anyMatch(s -> s.subscriptions.contains("book:" + FakeKrakenEngine.SYMBOL + ":"
                + depth));
    }

    String text(JsonNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

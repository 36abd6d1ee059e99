package io.cambist.exchange.binance.internal.fake;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cambist.testkit.venue.FakeSocket;
import io.cambist.testkit.venue.SocketHandler;

/**
 * Binance's WebSocket side for the fake venue (web-socket-streams.md, user-data-stream.md): raw streams at
 * {@code /ws/<name>}, combined streams at {@code /stream?streams=a/b} wrapped as {@code {"stream":..,"data":..}},
 * live SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS answered with {@code {"result":..,"id":..}}, and the user data
 * stream at {@code /ws/<listenKey>}.
 */
final class FakeBinanceStreams implements SocketHandler {

    private final ObjectMapper json;
    private final Predicate<String> validListenKey;
    private final Map<FakeSocket, Set<String>> combined = new ConcurrentHashMap<>();
    private final Map<FakeSocket, String> raw = new ConcurrentHashMap<>();

    FakeBinanceStreams(ObjectMapper json, Predicate<String> validListenKey) {
        this.json = json;
        this.validListenKey = validListenKey;
    }

    @Override
    public void onOpen(FakeSocket socket) {
        if (socket.path().startsWith("/stream")) {
            String streams = socket.params().getOrDefault("streams", "");
            Set<String> set = ConcurrentHashMap.newKeySet();
            Arrays.stream(streams.split("/")).filter(s -> !s.isEmpty()).forEach(set::add);
            combined.put(socket, set);
        } else if (socket.path().startsWith("/ws/")) {
            String name = socket.path().substring(4);
            if (!name.contains("@") && !validListenKey.test(name)) {
                socket.close(1008, "invalid listen key");
                return;
            }
            raw.put(socket, name);
        }
    }

    @Override
    public void onText(FakeSocket socket, String text) {
        JsonNode request;
        try {
            request = json.readTree(text);
        } catch (Exception e) {
            socket.send("{\"error\":{\"code\":2,\"msg\":\"Invalid request: request message format is wrong\"},\"id\":null}");
            return;
        }
        JsonNode id = request.path("id");
        String method = request.path("method").asText("");
        Set<String> subs = combined.computeIfAbsent(socket, k -> ConcurrentHashMap.newKeySet());
        ObjectNode answer = json.createObjectNode();
        switch (method) {
            case "SUBSCRIBE" -> {
                request.path("params").forEach(p -> subs.add(p.asText()));
                answer.putNull("result");
            }
            case "UNSUBSCRIBE" -> {
                request.path("params").forEach(p -> subs.remove(p.asText()));
                answer.putNull("result");
            }
            case "LIST_SUBSCRIPTIONS" -> subs.forEach(answer.putArray("result")::add);
            default -> {
                ObjectNode error = answer.putObject("error");
                error.put("code", 1).put("msg", "Unknown method '" + method + "'");
            }
        }
        answer.set("id", id);
        socket.send(answer.toString());
    }

    @Override
    public void onClose(FakeSocket socket, int code, String reason) {
        combined.remove(socket);
        raw.remove(socket);
    }

    /** Sends one event to every socket that carries the stream. */
    void publish(String stream, ObjectNode data) {
        String rawText = data.toString();
        String wrapped = null;
        for (Map.Entry<FakeSocket, Set<String>> e : combined.entrySet()) {
            if (e.getKey().isOpen() && e.getValue().contains(stream)) {
                if (wrapped == null) {
                    wrapped = "{\"stream\":\"" + stream + "\",\"data\":" + rawText + "}";
                }
                e.getKey().send(wrapped);
            }
        }
        for (Map.Entry<FakeSocket, String> e : raw.entrySet()) {
            if (e.getKey().isOpen() && e.getValue().equals(stream)) {
                e.getKey().send(rawText);
            }
        }
    }

    /** The streams a socket carries now. */
    Set<String> streamsOf(FakeSocket socket) {
        Set<String> s = combined.get(socket);
        return s == null ? Set.of() : new LinkedHashSet<>(s);
    }
}

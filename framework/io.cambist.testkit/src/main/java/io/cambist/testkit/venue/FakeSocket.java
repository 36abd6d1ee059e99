package io.cambist.testkit.venue;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * One server side WebSocket of a fake venue. Outgoing messages are queued and written in order; faults can be
 * injected: drop the connection without a close frame, swallow the next matching messages (a gap in the venue's
 * sequence numbers), send pings and record the pongs.
 */
public final class FakeSocket {

    private sealed interface Out permits Text, Ping {
    }

    private record Text(String text) implements Out {
    }

    private record Ping(byte[] payload) implements Out {
    }

    private final int id;
    private final String path;
    private final String query;
    private final long openedAt = System.currentTimeMillis();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<byte[]> pongs = new CopyOnWriteArrayList<>();
    private final ArrayDeque<Out> queue = new ArrayDeque<>();
    private volatile Session session;
    private volatile boolean open;
    private boolean sending;
    private Predicate<String> swallow;
    private int swallowCount;

    FakeSocket(int id, String path, String query) {
        this.id = id;
        this.path = path;
        this.query = query == null ? "" : query;
    }

    void opened(Session s) {
        this.session = s;
        this.open = true;
        pump();
    }

    void closed() {
        open = false;
        synchronized (this) {
            queue.clear();
        }
    }

    void receivedText(String text) {
        received.add(text);
    }

    void receivedPong(ByteBuffer payload) {
        byte[] b = new byte[payload.remaining()];
        payload.get(b);
        pongs.add(b);
    }

    /** A number unique in the server, in connection order. */
    public int id() {
        return id;
    }

    /** The request path, e.g. {@code /stream}. */
    public String path() {
        return path;
    }

    /** The raw query string, or empty. */
    public String query() {
        return query;
    }

    /** The decoded query parameters. */
    public Map<String, String> params() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String part : query.split("&")) {
            if (!part.isEmpty()) {
                int eq = part.indexOf('=');
                out.put(URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8),
                        eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** When the client connected, epoch milliseconds. */
    public long openedAt() {
        return openedAt;
    }

    /** True until the socket closes or is dropped. */
    public boolean isOpen() {
        return open;
    }

    /** Text messages from the client, in order. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** Text messages written to the client (swallowed ones excluded), in order. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** Payloads of the pongs the client sent. */
    public List<byte[]> pongs() {
        return List.copyOf(pongs);
    }

    /** Queues a text message; messages are written in the order they were queued. Ignored once closed. */
    public void send(String text) {
        enqueue(new Text(text));
    }

    /** Queues a ping frame with the payload (at most 125 bytes). */
    public void ping(byte[] payload) {
        enqueue(new Ping(payload.clone()));
    }

    /** Sends a text message that is not valid JSON. */
    public void sendMalformed() {
        send("{\"e\": \"trade\", \"broken");
    }

    /**
     * Silently drops the next {@code count} outgoing messages that match, as if the venue lost them: the way to put a
     * gap into a sequence-numbered stream.
     */
    public synchronized void swallowNext(Predicate<String> match, int count) {
        this.swallow = match;
        this.swallowCount = count;
    }

    /** Closes the TCP connection abruptly, with no close frame (what a crashed venue or a dead link looks like). */
    public void drop() {
        Session s = session;
        open = false;
        if (s != null) {
            s.disconnect();
        }
    }

    /** Closes the socket cleanly with a close frame. */
    public void close(int code, String reason) {
        Session s = session;
        if (s != null) {
            s.close(code, reason, Callback.NOOP);
        }
    }

    private void enqueue(Out out) {
        synchronized (this) {
            if (out instanceof Text t && swallowCount > 0 && swallow != null && swallow.test(t.text())) {
                swallowCount--;
                return;
            }
            queue.add(out);
        }
        pump();
    }

    // Writes queued messages one at a time; a send that completes inline continues the loop instead of recursing.
    private void pump() {
        while (true) {
            Out out;
            Session s = session;
            synchronized (this) {
                if (sending || queue.isEmpty() || s == null || !open) {
                    return;
                }
                sending = true;
                out = queue.poll();
            }
            CompletableFuture<Void> done = new CompletableFuture<>();
            Callback callback = Callback.from(() -> done.complete(null), done::completeExceptionally);
            try {
                if (out instanceof Text t) {
                    sent.add(t.text());
                    s.sendText(t.text(), callback);
                } else if (out instanceof Ping p) {
                    s.sendPing(ByteBuffer.wrap(p.payload()), callback);
                }
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
            if (!done.isDone()) {
                done.whenComplete((v, t) -> {
                    finishSend(t);
                    pump();
                });
                return;
            }
            if (!finishSend(done.isCompletedExceptionally() ? new IllegalStateException("send failed") : null)) {
                return;
            }
        }
    }

    private synchronized boolean finishSend(Throwable failure) {
        sending = false;
        if (failure != null) {
            queue.clear();
            return false;
        }
        return true;
    }

    @Override
    public String toString() {
        return "FakeSocket#" + id + "[" + path + (query.isEmpty() ? "" : "?" + query) + (open ? ", open" : ", closed") + "]";
    }
}

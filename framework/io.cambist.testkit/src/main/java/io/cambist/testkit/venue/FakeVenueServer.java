package io.cambist.testkit.venue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

import io.cambist.testkit.Await;

/**
 * The building block of fake venues: a Jetty 12 HTTP and WebSocket server on a random 127.0.0.1 port. HTTP requests
 * are routed by method and path to scripted {@link RouteHandler}s and recorded (headers and body included);
 * WebSocket upgrades are routed by path prefix to {@link SocketHandler}s. Faults can be injected: one-shot error or
 * malformed answers, delays, dropped connections, refused WebSocket upgrades, and per-socket faults on
 * {@link FakeSocket}.
 */
public final class FakeVenueServer implements AutoCloseable {

    private record Route(String method, String path) {
    }

    private record Fault(String method, String path, FakeResponse response, long delayMillis) {
        boolean matches(String m, String p) {
            return (method == null || method.equals(m)) && (path == null || path.equals(p));
        }
    }

    private final Server server;
    private final ServerConnector connector;
    private final Map<Route, RouteHandler> routes = new ConcurrentHashMap<>();
    private final Map<String, SocketHandler> socketHandlers = new ConcurrentHashMap<>();
    private final List<Fault> faults = new ArrayList<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final List<FakeSocket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger socketIds = new AtomicInteger();
    private volatile boolean refuseSockets;

    private FakeVenueServer() {
        QueuedThreadPool pool = new QueuedThreadPool(48, 4);
        pool.setName("fake-venue");
        pool.setDaemon(true);
        server = new Server(pool);
        connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        WebSocketUpgradeHandler ws = WebSocketUpgradeHandler.from(server, container -> {
            container.setIdleTimeout(Duration.ofMinutes(10));
            container.setMaxTextMessageSize(16 * 1024 * 1024);
            container.addMapping("/*", this::upgrade);
        });
        ws.setHandler(new HttpHandler());
        server.setHandler(ws);
    }

    /** Starts a server on a free loopback port. */
    public static FakeVenueServer start() {
        FakeVenueServer s = new FakeVenueServer();
        try {
            s.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("fake venue could not start: " + e.getMessage(), e);
        }
        return s;
    }

    /** The port it listens on. */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://127.0.0.1:<port>}. */
    public URI httpUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI wsUri() {
        return URI.create("ws://127.0.0.1:" + port());
    }

    /**
     * Scripts the answer for a method and exact path (replacing an earlier route). Unrouted requests get 404 with a
     * JSON message.
     */
    public FakeVenueServer route(String method, String path, RouteHandler handler) {
        routes.put(new Route(method, path), handler);
        return this;
    }

    /** Scripts the WebSocket endpoint for every path starting with the prefix (the longest prefix wins). */
    public FakeVenueServer webSocket(String pathPrefix, SocketHandler handler) {
        socketHandlers.put(pathPrefix, handler);
        return this;
    }

    /**
     * Answers the next request matching method and path (either may be {@code null} for any) with this response
     * instead of its route. Faults are used once, in the order they were added.
     */
    public void failNext(String method, String path, FakeResponse response) {
        synchronized (faults) {
            faults.add(new Fault(method, path, response, 0));
        }
    }

    /** Delays the next request matching method and path, then answers it normally. */
    public void delayNext(String method, String path, long millis) {
        synchronized (faults) {
            faults.add(new Fault(method, path, null, millis));
        }
    }

    /** Removes faults not used yet. */
    public void clearFaults() {
        synchronized (faults) {
            faults.clear();
        }
    }

    /** While true, WebSocket upgrades are answered 503 (the venue's streams are down). */
    public void refuseWebSockets(boolean refuse) {
        this.refuseSockets = refuse;
    }

    /** Every request received so far, in order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** The requests for one method and path. */
    public List<RecordedRequest> requests(String method, String path) {
        return requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
    }

    /** Every socket ever opened, in connection order. */
    public List<FakeSocket> allSockets() {
        return List.copyOf(sockets);
    }

    /** The sockets that are open now. */
    public List<FakeSocket> openSockets() {
        return sockets.stream().filter(FakeSocket::isOpen).toList();
    }

    /** Drops every open socket abruptly; returns how many. */
    public int dropAllSockets() {
        List<FakeSocket> open = openSockets();
        open.forEach(FakeSocket::drop);
        return open.size();
    }

    /** Waits for an open socket that matches. */
    public FakeSocket awaitSocket(String what, Predicate<FakeSocket> match, Duration timeout) {
        return Await.value("a socket: " + what, timeout,
                () -> sockets.stream().filter(s -> s.isOpen() && match.test(s)).findFirst());
    }

    @Override
    public void close() {
        try {
            for (FakeSocket s : openSockets()) {
                s.drop();
            }
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("fake venue did not stop cleanly: " + e.getMessage(), e);
        }
    }

    private Optional<Fault> takeFault(String method, String path) {
        synchronized (faults) {
            for (Iterator<Fault> it = faults.iterator(); it.hasNext();) {
                Fault f = it.next();
                if (f.matches(method, path)) {
                    it.remove();
                    return Optional.of(f);
                }
            }
        }
        return Optional.empty();
    }

    private Object upgrade(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String path = request.getHttpURI().getPath();
        if (refuseSockets) {
            Response.writeError(request, response, callback, 503, "streams are unavailable");
            return null;
        }
        SocketHandler handler = null;
        int best = -1;
        for (Map.Entry<String, SocketHandler> e : socketHandlers.entrySet()) {
            if (path.startsWith(e.getKey()) && e.getKey().length() > best) {
                best = e.getKey().length();
                handler = e.getValue();
            }
        }
        if (handler == null) {
            Response.writeError(request, response, callback, 404, "no WebSocket endpoint at " + path);
            return null;
        }
        FakeSocket socket = new FakeSocket(socketIds.incrementAndGet(), path, request.getHttpURI().getQuery());
        sockets.add(socket);
        return new Endpoint(socket, handler);
    }

    /** Jetty's view of one {@link FakeSocket}; public only because Jetty invokes it reflectively. */
    public static final class Endpoint implements Session.Listener.AutoDemanding {
        private final FakeSocket socket;
        private final SocketHandler handler;

        Endpoint(FakeSocket socket, SocketHandler handler) {
            this.socket = socket;
            this.handler = handler;
        }

        @Override
        public void onWebSocketOpen(Session session) {
            socket.opened(session);
            handler.onOpen(socket);
        }

        @Override
        public void onWebSocketText(String message) {
            socket.receivedText(message);
            handler.onText(socket, message);
        }

        @Override
        public void onWebSocketPong(java.nio.ByteBuffer payload) {
            socket.receivedPong(payload);
        }

        @Override
        public void onWebSocketClose(int statusCode, String reason) {
            socket.closed();
            handler.onClose(socket, statusCode, reason);
        }

        @Override
        public void onWebSocketError(Throwable cause) {
            socket.closed();
        }
    }

    private final class HttpHandler extends Handler.Abstract {
        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String method = request.getMethod();
            String path = request.getHttpURI().getPath();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (HttpField f : request.getHeaders()) {
                headers.computeIfAbsent(f.getName(), k -> new ArrayList<>()).add(f.getValue());
            }
            String body = Content.Source.asString(request, StandardCharsets.UTF_8);
            RecordedRequest recorded = new RecordedRequest(method, path, request.getHttpURI().getQuery(), headers, body,
                    System.currentTimeMillis());
            requests.add(recorded);

            FakeResponse answer = null;
            Optional<Fault> fault = takeFault(method, path);
            if (fault.isPresent()) {
                if (fault.get().delayMillis() > 0) {
                    Await.sleep(fault.get().delayMillis());
                }
                answer = fault.get().response();
            }
            if (answer == null) {
                RouteHandler route = routes.get(new Route(method, path));
                answer = route == null
                        ? FakeResponse.json(404, "{\"error\":\"the fake venue has no route for " + method + " " + path + "\"}")
                        : route.handle(recorded);
            }
            if (answer.delayMillis() > 0) {
                Await.sleep(answer.delayMillis());
            }
            if (answer.drop()) {
                request.getConnectionMetaData().getConnection().getEndPoint().close();
                callback.succeeded();
                return true;
            }
            response.setStatus(answer.status());
            boolean typed = false;
            for (Map.Entry<String, String> h : answer.headers().entrySet()) {
                response.getHeaders().put(h.getKey(), h.getValue());
                typed |= h.getKey().equalsIgnoreCase("Content-Type");
            }
            if (!typed) {
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
            }
            Content.Sink.write(response, true, answer.body(), callback);
            return true;
        }
    }
}

package io.cambist.testkit.venue;

/** Scripts a fake venue's WebSocket endpoint under a path prefix. All methods run on server threads. */
public interface SocketHandler {

    /** A client connected; the socket's path and query say what it asked for. */
    default void onOpen(FakeSocket socket) {
    }

    /** A text message arrived. */
    default void onText(FakeSocket socket, String text) {
    }

    /** The socket closed (code 1006 when the connection was lost or dropped). */
    default void onClose(FakeSocket socket, int code, String reason) {
    }
}

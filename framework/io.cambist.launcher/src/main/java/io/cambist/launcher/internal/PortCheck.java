package io.cambist.launcher.internal;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

import io.cambist.launcher.CambistException;

/**
 * Tries to bind the admin port before the framework starts, so a taken port is one clear error instead of a Jetty
 * stack trace in the log and a container without an admin API.
 */
public final class PortCheck {

    private PortCheck() {
    }

    /**
     * @param address the resolved IP address to bind
     * @param host    the host as the user wrote it, for the message
     */
    public static void assertFree(String address, String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Jetty binds with SO_REUSEADDR, so a port in TIME_WAIT is usable: probe the same way.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
        } catch (BindException e) {
            String reason = String.valueOf(e.getMessage());
            if (reason.contains("in use")) {
                throw new CambistException("port " + port + " on " + host + " is already in use; choose another with --port");
            }
            if (reason.contains("ermission")) {
                throw new CambistException("no permission to listen on port " + port + " on " + host
                        + "; ports below 1024 need privileges, choose another with --port");
            }
            throw new CambistException("cannot listen on " + host + ":" + port + " (" + reason
                    + "); choose another address with --host or port with --port");
        } catch (IOException e) {
            throw new CambistException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")");
        }
    }
}

package io.deskbridge.desk.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server (Redis, PostgreSQL) that a test can cut, as a network failure
 * would cut the server off.
 */
public final class TcpRelay implements AutoCloseable {

    private final String host;
    private final int port;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    public TcpRelay(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon(this::accept, "relay-accept");
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Drops every connection and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        open.forEach(TcpRelay::quietlyClose);
        open.clear();
    }

    public void restore() {
        cut = false;
    }

    @Override
    public void close() {
        cut();
        quietlyClose(server);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                if (cut) {
                    client.close();
                    continue;
                }
                Socket upstream = new Socket(host, port);
                open.add(client);
                open.add(upstream);
                daemon(() -> pipe(client, upstream), "relay-up");
                daemon(() -> pipe(upstream, client), "relay-down");
            } catch (IOException e) {
                // closed, or Redis refused: the client sees a dropped connection either way
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side went away
        } finally {
            quietlyClose(from);
            quietlyClose(to);
        }
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
    }

    private static void quietlyClose(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // already closed
        }
    }
}

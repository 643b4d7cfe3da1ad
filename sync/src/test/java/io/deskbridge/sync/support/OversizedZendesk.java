package io.deskbridge.sync.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A listener on 127.0.0.1 posing as Zendesk whose every answer is a 200 JSON body that never ends
 * (chunked), or that announces a huge {@code Content-Length} and then streams. The bytes are generated
 * as they are written (one 64 KiB block, sent again and again), so the test's own memory stays small;
 * each answer stops at {@link #CAP} bytes, so a client that never stops reading cannot keep a test
 * running for long. Each answer records its path and how much was written before the client hung up.
 */
public final class OversizedZendesk implements AutoCloseable {

    /** The most one answer sends before giving up on the client stopping: 512 MiB. */
    public static final long CAP = 512L << 20;

    private static final byte[] BLOCK = block();

    /** How an answer is shaped. */
    public enum Shape {
        /** {@code Transfer-Encoding: chunked}, no length: only the client's limit ends it. */
        ENDLESS,
        /** {@code Content-Length: 1717986918} (1.6 GiB), then the bytes. */
        ANNOUNCED_1_6_GIB
    }

    /** One answer: the request's path, and the bytes of body written until the client hung up. */
    public record Answer(String path, long bytesWritten, boolean clientHungUp) {}

    private final ServerSocket server;
    private final Shape shape;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "oversized-zendesk");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Answer> answers = new CopyOnWriteArrayList<>();

    private OversizedZendesk(Shape shape) throws IOException {
        this.shape = shape;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    public static OversizedZendesk start(Shape shape) {
        try {
            return new OversizedZendesk(shape);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** The answers completed so far, in order. */
    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> answer(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void answer(Socket socket) {
        String path = "?";
        long written = 0;
        boolean hungUp = false;
        try (socket) {
            BufferedReader in =
                    new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            String[] parts = requestLine.split(" ");
            path = parts.length > 1 ? parts[1].split("\\?", 2)[0] : "?";
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                // headers: not needed
            }
            OutputStream out = socket.getOutputStream();
            boolean chunked = shape == Shape.ENDLESS;
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                            + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: 1717986918\r\n")
                            + "\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunkHeader = (Integer.toHexString(BLOCK.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            byte[] crlf = {'\r', '\n'};
            try {
                while (written < CAP) {
                    if (chunked) {
                        out.write(chunkHeader);
                    }
                    out.write(BLOCK);
                    if (chunked) {
                        out.write(crlf);
                    }
                    written += BLOCK.length;
                }
                out.flush();
            } catch (IOException e) {
                hungUp = true;
            }
        } catch (IOException e) {
            hungUp = true;
        } finally {
            answers.add(new Answer(path, written, hungUp));
        }
    }

    /** {@code {"tickets":[{"id":1,"subject":"xxxx…"},} repeated: JSON-looking, never closed. */
    private static byte[] block() {
        StringBuilder text = new StringBuilder("{\"tickets\":[");
        while (text.length() < 64 * 1024 - 64) {
            text.append("{\"id\":1,\"subject\":\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"},");
        }
        while (text.length() < 64 * 1024) {
            text.append(' ');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

package io.deskbridge.desk.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, one connection per request: sends exactly the bytes it is given, so
 * a test can send what {@link java.net.http.HttpClient} refuses to (bad percent-encoding, control
 * characters in headers, a {@code Content-Length} that lies). The answer is read to the end of the
 * connection.
 */
public final class RawHttp {

    private static final int TIMEOUT_MS = 30_000;

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** One request; {@code target} is sent as is (no encoding). */
    public Answer send(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + target + " HTTP/1.1\r\n");
        write(request, "Host: 127.0.0.1:" + port + "\r\n");
        write(request, "Connection: close\r\n");
        boolean hasLength = false;
        for (Map.Entry<String, String> header : headers) {
            hasLength |= header.getKey().equalsIgnoreCase("Content-Length");
            write(request, header.getKey() + ": " + header.getValue() + "\r\n");
        }
        if (body != null && !hasLength) {
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        write(request, "\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        return exchange(request.toByteArray());
    }

    /** Raw bytes, request line and headers included. */
    public Answer exchange(byte[] request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
            } catch (SocketException e) {
                // The server may answer (413, 400) and close before it read everything we sent.
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                // A reset after the answer was written: keep what arrived.
            }
            return Answer.parse(answer.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** The status (0 when no status line came back) and everything after the header block. */
    public record Answer(int status, String head, String body) {

        static Answer parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 4);
            int status = 0;
            if (head.startsWith("HTTP/1.1 ") && head.length() >= 12) {
                status = Integer.parseInt(head.substring(9, 12));
            }
            return new Answer(status, head, body);
        }
    }
}

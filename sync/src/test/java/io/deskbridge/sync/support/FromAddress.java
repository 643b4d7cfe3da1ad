package io.deskbridge.sync.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP/1.0 requests (no chunked answers to decode) sent from a chosen loopback address (127.0.0.x), so that a test's client has an
 * address of its own: per-address limits then see only that test's requests, whatever else the shared
 * sync served. Java 17's HttpClient cannot bind its local address, hence a plain socket. Keeps cookies
 * like a browser when asked to.
 */
public final class FromAddress {

    /** Skips 127.0.0.1 (every other client's) and hands each caller a fresh address. */
    private static final AtomicInteger NEXT = new AtomicInteger(10);

    private final String address;
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    private FromAddress(String address, int port) {
        this.address = address;
        this.port = port;
    }

    /** A client from an address no other test uses. */
    public static FromAddress fresh(int port) {
        int n = NEXT.getAndIncrement();
        return new FromAddress("127.0." + (n / 250) + "." + (2 + n % 250), port);
    }

    public String address() {
        return address;
    }

    public Response get(String path, String authorization) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        return send("GET", path, headers, null);
    }

    public Response form(String path, Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return send("POST", path, Map.of("Content-Type", "application/x-www-form-urlencoded"), body.toString());
    }

    /** Opens the sign-in page and posts the form with its CSRF token, as a browser would. */
    public Response signIn(String email, String password) {
        String page = get("/login", null).body();
        return form("/login", Map.of("email", email, "password", password, "_csrf", SyncClient.csrfFrom(page)));
    }

    private Response send(String method, String path, Map<String, String> headers, String body) {
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.0\r\nHost: 127.0.0.1:")
                .append(port)
                .append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (!cookies.isEmpty()) {
            head.append("Cookie: ");
            cookies.forEach((k, v) -> head.append(k).append('=').append(v).append("; "));
            head.setLength(head.length() - 2);
            head.append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0));
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.write(content);
            out.flush();
            Response response = parse(socket.getInputStream());
            if (response.status() >= 400) {
                SecretLedger.errorBody(response.body());
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int split = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, split).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).strip());
        }
        for (String cookie : headers.getOrDefault("set-cookie", List.of())) {
            String pair = cookie.split(";", 2)[0];
            int eq = pair.indexOf('=');
            String name = pair.substring(0, eq);
            String value = pair.substring(eq + 1);
            if (value.isEmpty() || cookie.toLowerCase(Locale.ROOT).contains("max-age=0")) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return new Response(status, headers, text.substring(split + 4));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.get(name);
        return values == null ? null : values.get(0);
    }

    /** A response; header names in lower case. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            return first(headers, name.toLowerCase(Locale.ROOT));
        }

        public List<String> headers(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        }
    }
}

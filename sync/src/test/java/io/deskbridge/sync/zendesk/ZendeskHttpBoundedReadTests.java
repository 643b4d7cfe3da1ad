package io.deskbridge.sync.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.support.OversizedZendesk;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * {@link ZendeskHttp} reads at most {@code sync.zendesk.max-response-size} of an answer, within the
 * request timeout, against real sockets on 127.0.0.1. The limit here is 1 MiB so that the listener
 * streams little; the code path is the one the 32 MiB default takes.
 */
class ZendeskHttpBoundedReadTests {

    private static final DataSize LIMIT = DataSize.ofMegabytes(1);
    private static final ApiTokenCredential CREDENTIAL = new ApiTokenCredential("admin@acme.test", "t0ken");
    private static final String EXPORT = "/api/v2/incremental/tickets/cursor.json";

    private final ZendeskHttp http =
            new ZendeskHttp(new ZendeskHttpProperties(Duration.ofSeconds(5), Duration.ofSeconds(2), LIMIT));

    @Nested
    class AnswerLargerThanTheLimit {

        @Test
        void shouldStopReadingAnEndlessBodyAtTheLimitAndCloseTheConnection() {
            try (OversizedZendesk zendesk = OversizedZendesk.start(OversizedZendesk.Shape.ENDLESS)) {
                ZendeskAddress address = ZendeskAddress.ofBaseUrl(zendesk.baseUrl());

                assertThatThrownBy(() -> http.get(address, CREDENTIAL, EXPORT + "?start_time=0"))
                        .isInstanceOf(ZendeskCallRefusedException.class)
                        .hasMessage("The answer to GET " + EXPORT + " is larger than sync's limit of 1 MiB "
                                + "(sync.zendesk.max-response-size): sync stopped reading after the first 1 MiB and "
                                + "closed the connection. A Zendesk answer is far smaller: check that the "
                                + "connection's address is the Zendesk account's own (or your Zendesk-compatible "
                                + "server's); if it is, raise SYNC_ZENDESK_MAX_RESPONSE_SIZE and restart sync.");

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !zendesk.answers().isEmpty());
                OversizedZendesk.Answer answer = zendesk.answers().get(0);
                assertThat(answer.path()).isEqualTo(EXPORT);
                assertThat(answer.clientHungUp())
                        .as("sync closed the connection instead of reading on")
                        .isTrue();
                // What the kernel's socket buffers took on top of the limit, far below the 512 MiB cap.
                assertThat(answer.bytesWritten())
                        .isLessThan(LIMIT.toBytes() + DataSize.ofMegabytes(64).toBytes());
            }
        }

        @Test
        void shouldRefuseAnAnnouncedLengthAboveTheLimitWithoutReadingIt() {
            try (OversizedZendesk zendesk = OversizedZendesk.start(OversizedZendesk.Shape.ANNOUNCED_1_6_GIB)) {
                ZendeskAddress address = ZendeskAddress.ofBaseUrl(zendesk.baseUrl());

                assertThatThrownBy(() -> http.get(address, CREDENTIAL, "/api/v2/users/me.json"))
                        .isInstanceOf(ZendeskCallRefusedException.class)
                        .hasMessage("The answer to GET /api/v2/users/me.json is larger than sync's limit of 1 MiB "
                                + "(sync.zendesk.max-response-size): its Content-Length announced 1.6 GiB, so sync "
                                + "read none of it. A Zendesk answer is far smaller: check that the connection's "
                                + "address is the Zendesk account's own (or your Zendesk-compatible server's); if "
                                + "it is, raise SYNC_ZENDESK_MAX_RESPONSE_SIZE and restart sync.");

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> !zendesk.answers().isEmpty());
                assertThat(zendesk.answers().get(0).clientHungUp()).isTrue();
            }
        }
    }

    @Nested
    class AnswerWithinTheLimit {

        @Test
        void shouldReadAndParseABodyOfExactlyTheLimit() throws IOException {
            String prefix = "{\"padding\":\"";
            String suffix = "\"}";
            int padding = (int) LIMIT.toBytes() - prefix.length() - suffix.length();
            byte[] body = (prefix + "x".repeat(padding) + suffix).getBytes(StandardCharsets.US_ASCII);
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            try {
                ZendeskResponse response = http.get(
                        ZendeskAddress.ofBaseUrl(
                                "http://127.0.0.1:" + server.getAddress().getPort()),
                        CREDENTIAL,
                        "/api/v2/users/me.json");

                assertThat(response.status()).isEqualTo(200);
                assertThat(response.body().get("padding").asString()).hasSize(padding);
            } finally {
                server.stop(0);
            }
        }
    }

    @Nested
    class BodyThatTricklesIn {

        @Test
        void shouldGiveUpWhenTheBodyDoesNotArriveWithinTheRequestTimeout() throws Exception {
            CountDownLatch clientGone = new CountDownLatch(1);
            try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                Thread listener = new Thread(() -> trickle(server, clientGone), "trickling-zendesk");
                listener.setDaemon(true);
                listener.start();
                ZendeskAddress address = ZendeskAddress.ofBaseUrl("http://127.0.0.1:" + server.getLocalPort());

                assertThatThrownBy(() -> http.get(address, CREDENTIAL, EXPORT))
                        .isInstanceOf(ZendeskUnreachableException.class)
                        .hasMessage("No answer from " + address
                                + ": the body of the answer did not arrive within 2 s of its headers");
                assertThat(clientGone.await(30, TimeUnit.SECONDS))
                        .as("sync closed the connection")
                        .isTrue();
            }
        }

        /** Headers at once, then one byte of body a second until the client hangs up. */
        private static void trickle(ServerSocket server, CountDownLatch clientGone) {
            try (Socket socket = server.accept()) {
                InputStream in = socket.getInputStream();
                int matched = 0;
                byte[] end = {'\r', '\n', '\r', '\n'};
                while (matched < end.length) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = socket.getOutputStream();
                out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                for (int i = 0; i < 60; i++) {
                    Thread.sleep(1_000);
                    out.write(' ');
                    out.flush();
                }
            } catch (IOException e) {
                clientGone.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

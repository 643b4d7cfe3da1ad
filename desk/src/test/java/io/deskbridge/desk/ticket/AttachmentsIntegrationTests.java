package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Attachments as Zendesk's API takes them: upload the bytes, name the token in {@code
 * comment.uploads}, read the attachment and its {@code content_url}; tokens expire, spent tokens
 * cannot be reused, nothing is ever dropped silently.
 */
class AttachmentsIntegrationTests extends DeskIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INVALID = "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 1, 2, 3};

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private String auth;

    @BeforeEach
    void authenticate() {
        auth = ownerAuth();
    }

    /** A raw upload: the body is the file, as zendesk-java-client and curl send it. */
    private Response upload(String query, String contentType, HttpRequest.BodyPublisher body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v2/uploads" + query))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", auth)
                .POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode upload(String fileName, byte[] content, String token) {
        Response response = upload(
                "?filename=" + fileName + (token == null ? "" : "&token=" + token),
                "application/binary",
                HttpRequest.BodyPublishers.ofByteArray(content));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(oas.violations("AttachmentUploadResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        return response.json().path("upload");
    }

    private byte[] download(String contentUrl) throws Exception {
        HttpResponse<byte[]> response = http.send(
                HttpRequest.newBuilder(URI.create(contentUrl))
                        .header("Authorization", auth)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private Response createTicket(List<String> uploads) {
        return api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                DeskClient.json(Map.of(
                        "ticket",
                        Map.of(
                                "subject",
                                "Attached " + UUID.randomUUID(),
                                "comment",
                                Map.of("body", "See the screenshot", "uploads", uploads)))));
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    @Nested
    class Uploading {

        @Test
        void shouldStoreTheFileAndAnswerZendesksUploadShape() throws Exception {
            JsonNode upload = upload("screen.png", PNG, null);
            assertThat(upload.path("token").asString()).matches("[a-z0-9]{25}");
            JsonNode attachment = upload.path("attachment");
            assertThat(attachment.path("file_name").asString()).isEqualTo("screen.png");
            assertThat(attachment.path("content_type").asString()).isEqualTo("image/png");
            assertThat(attachment.path("size").asLong()).isEqualTo(PNG.length);
            assertThat(attachment.path("malware_scan_result").asString()).isEqualTo("not_scanned");
            assertThat(upload.path("attachments")).hasSize(1);
            long id = attachment.path("id").asLong();
            assertThat(attachment.path("content_url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/attachments/" + id + "/content");

            Response shown = api.get("/api/v2/attachments/" + id, auth);
            assertThat(shown.status()).isEqualTo(200);
            assertThat(oas.violations("AttachmentResponse", OpenApiSchemas.parse(shown.body())))
                    .isEmpty();
            assertThat(shown.json().at("/attachment/file_name").asString()).isEqualTo("screen.png");
            assertThat(download(attachment.path("content_url").asString())).isEqualTo(PNG);
        }

        @Test
        void shouldRefuseTheDownloadWithoutCredentials() throws Exception {
            long id = upload("secret.txt", "s".getBytes(StandardCharsets.UTF_8), null)
                    .at("/attachment/id")
                    .asLong();
            HttpResponse<String> anonymous = http.send(
                    HttpRequest.newBuilder(URI.create(baseUrl() + "/api/v2/attachments/" + id + "/content"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }

        @Test
        void shouldAddFilesToAnEarlierTokenAndKeepTheDeclaredType() {
            String token = upload("one.txt", "one".getBytes(StandardCharsets.UTF_8), null)
                    .path("token")
                    .asString();
            Response second = upload(
                    "?filename=two.csv&token=" + token,
                    "text/csv; charset=utf-8",
                    HttpRequest.BodyPublishers.ofString("a,b"));
            assertThat(second.status()).isEqualTo(201);
            JsonNode upload = second.json().path("upload");
            assertThat(upload.path("token").asString()).isEqualTo(token);
            assertThat(upload.path("attachments")).hasSize(2);
            assertThat(upload.at("/attachment/content_type").asString()).isEqualTo("text/csv");
        }

        @Test
        void shouldRefuseAMissingFilenameAndAnUnknownToken() {
            Response nameless = upload("", "text/plain", HttpRequest.BodyPublishers.ofString("x"));
            assertThat(nameless.status()).isEqualTo(422);
            assertThat(nameless.body())
                    .isEqualTo(
                            INVALID
                                    + "\"details\":{\"filename\":[{\"description\":\"Filename: cannot be blank\",\"error\":\"BlankValue\"}]}}");
            Response unknown =
                    upload("?filename=a.txt&token=nosuchtoken", "text/plain", HttpRequest.BodyPublishers.ofString("x"));
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().at("/details/token/0/description").asString())
                    .isEqualTo("Token: is not a live upload token (unknown, expired or attached)");
        }

        @Test
        void shouldRefuseAFileOverTheLimitAndStoreNothing() {
            long before = count("attachments");
            int limit = 50 * 1024 * 1024;
            Response tooLarge = upload(
                    "?filename=big.bin",
                    "application/binary",
                    HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[limit + 1])));
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"RequestTooLarge\",\"title\":\"The file is larger than the"
                            + " limit of " + limit + " bytes\"}]}");
            assertThat(count("attachments")).isEqualTo(before);
        }

        @Test
        void shouldDeleteAnUploadThatNoCommentTook() {
            JsonNode upload = upload("gone.txt", "bye".getBytes(StandardCharsets.UTF_8), null);
            String token = upload.path("token").asString();
            long id = upload.at("/attachment/id").asLong();
            assertThat(api.send("DELETE", "/api/v2/uploads/" + token, auth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/attachments/" + id, auth).status()).isEqualTo(404);
            Response again = api.send("DELETE", "/api/v2/uploads/" + token, auth, null);
            assertThat(again.status()).isEqualTo(404);
            assertThat(again.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }

        @Test
        void shouldExpireAnUnattachedTokenAfterSixtyMinutes() {
            JsonNode upload = upload("late.txt", "late".getBytes(StandardCharsets.UTF_8), null);
            String token = upload.path("token").asString();
            long id = upload.at("/attachment/id").asLong();
            clock.advance(Duration.ofMinutes(59));
            assertThat(api.get("/api/v2/attachments/" + id, auth).status()).isEqualTo(200);
            clock.advance(Duration.ofMinutes(1));
            assertThat(api.get("/api/v2/attachments/" + id, auth).status()).isEqualTo(404);
            long tickets = count("tickets");
            Response refused = createTicket(List.of(token));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(count("tickets")).isEqualTo(tickets);
        }
    }

    @Nested
    class Attaching {

        @Test
        void shouldAttachEveryFileOfTheTokenToTheNewComment() throws Exception {
            String token = upload("a.png", PNG, null).path("token").asString();
            upload("b.txt", "bee".getBytes(StandardCharsets.UTF_8), token);
            Response created = createTicket(List.of(token));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            long ticketId = created.json().at("/ticket/id").asLong();

            Response comments = api.get("/api/v2/tickets/" + ticketId + "/comments", auth);
            assertThat(comments.status()).isEqualTo(200);
            assertThat(oas.violations("TicketCommentsResponse", OpenApiSchemas.parse(comments.body())))
                    .isEmpty();
            JsonNode files = comments.json().at("/comments/0/attachments");
            assertThat(files).hasSize(2);
            assertThat(files.get(0).path("file_name").asString()).isEqualTo("a.png");
            assertThat(files.get(1).path("file_name").asString()).isEqualTo("b.txt");
            assertThat(download(files.get(1).path("content_url").asString()))
                    .isEqualTo("bee".getBytes(StandardCharsets.UTF_8));
            assertThat(api.send("DELETE", "/api/v2/uploads/" + token, auth, null)
                            .status())
                    .isEqualTo(404);
            assertThat(api.get("/api/v2/attachments/" + files.get(0).path("id").asLong(), auth)
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void shouldRefuseASpentTokenAndChangeNothing() {
            String token = upload("once.txt", "x".getBytes(StandardCharsets.UTF_8), null)
                    .path("token")
                    .asString();
            assertThat(createTicket(List.of(token)).status()).isEqualTo(201);
            long tickets = count("tickets");
            long comments = count("ticket_comments");
            Response again = createTicket(List.of(token));
            assertThat(again.status()).isEqualTo(422);
            assertThat(again.body())
                    .isEqualTo(INVALID + "\"details\":{\"uploads\":[{\"description\":\"Uploads: " + token
                            + " is not a live upload token (unknown, expired or already attached)\","
                            + "\"error\":\"InvalidValue\"}]}}");
            assertThat(count("tickets")).isEqualTo(tickets);
            assertThat(count("ticket_comments")).isEqualTo(comments);
        }

        @Test
        void shouldAttachOnAnUpdateEvenWithoutABody() {
            Response created = createTicket(List.of());
            long ticketId = created.json().at("/ticket/id").asLong();
            String token = upload("later.pdf", "%PDF".getBytes(StandardCharsets.UTF_8), null)
                    .path("token")
                    .asString();
            Response updated = api.send(
                    "PUT",
                    "/api/v2/tickets/" + ticketId,
                    auth,
                    "{\"ticket\":{\"comment\":{\"uploads\":[\"" + token + "\"],\"public\":false}}}");
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            JsonNode comments = api.get("/api/v2/tickets/" + ticketId + "/comments", auth)
                    .json()
                    .path("comments");
            assertThat(comments).hasSize(2);
            assertThat(comments.get(0).path("attachments")).isEmpty();
            assertThat(comments.get(1).at("/attachments/0/content_type").asString())
                    .isEqualTo("application/pdf");
            assertThat(comments.get(1).path("public").asBoolean()).isFalse();
        }

        @Test
        void shouldRedactAnAttachmentToAnEmptyRedactedTxt() throws Exception {
            String token = upload("card.txt", "4111 1111".getBytes(StandardCharsets.UTF_8), null)
                    .path("token")
                    .asString();
            long ticketId = createTicket(List.of(token)).json().at("/ticket/id").asLong();
            JsonNode comment = api.get("/api/v2/tickets/" + ticketId + "/comments", auth)
                    .json()
                    .at("/comments/0");
            long commentId = comment.path("id").asLong();
            long attachmentId = comment.at("/attachments/0/id").asLong();

            Response wrongComment = api.send(
                    "PUT",
                    "/api/v2/tickets/" + ticketId + "/comments/" + (commentId + 1000) + "/attachments/" + attachmentId
                            + "/redact",
                    auth,
                    null);
            assertThat(wrongComment.status()).isEqualTo(404);

            Response redacted = api.send(
                    "PUT",
                    "/api/v2/tickets/" + ticketId + "/comments/" + commentId + "/attachments/" + attachmentId
                            + "/redact",
                    auth,
                    null);
            assertThat(redacted.status()).isEqualTo(200);
            assertThat(oas.violations("AttachmentResponse", OpenApiSchemas.parse(redacted.body())))
                    .isEmpty();
            assertThat(redacted.json().at("/attachment/id").asLong()).isEqualTo(attachmentId);
            assertThat(redacted.json().at("/attachment/file_name").asString()).isEqualTo("redacted.txt");
            assertThat(redacted.json().at("/attachment/size").asLong()).isZero();
            assertThat(download(redacted.json().at("/attachment/content_url").asString()))
                    .isEmpty();
        }

        @Test
        void shouldRefuseUploadsThatAreNotAListOfTokens() {
            Response response = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    "{\"ticket\":{\"subject\":\"x\",\"comment\":{\"body\":\"b\",\"uploads\":\"abc\"}}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/uploads/0/description").asString())
                    .isEqualTo("Uploads: must be a list of upload tokens");
            assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("RecordInvalid");
        }
    }
}

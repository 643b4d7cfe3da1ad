package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.model.Attachment;
import org.zendesk.client.v2.model.Comment;
import org.zendesk.client.v2.model.CustomFieldValue;
import org.zendesk.client.v2.model.Field;
import org.zendesk.client.v2.model.Ticket;
import org.zendesk.client.v2.model.User;

/**
 * The unchanged zendesk-java-client 1.5.2 against desk's attachments, write fields and field
 * values: {@code createUpload}, {@code deleteUpload}, {@code getAttachment}, a ticket whose comment
 * takes uploads, {@code getTicketsByExternalId}, custom field values and user fields through the
 * client's own models.
 */
class ZendeskJavaClientAttachmentsConformanceIntegrationTests extends DeskIntegrationTest {

    private static final byte[] TEXT = "hello from the java client".getBytes(StandardCharsets.UTF_8);

    private Zendesk zendesk;

    @BeforeEach
    void connectTheClient() {
        zendesk = new Zendesk.Builder(baseUrl())
                .setUsername(OWNER_EMAIL)
                .setToken(issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY))
                .build();
    }

    @AfterEach
    void closeTheClient() {
        zendesk.close();
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static <T> List<T> list(Iterable<T> items) {
        List<T> all = new ArrayList<>();
        items.forEach(all::add);
        return all;
    }

    @Test
    void shouldUploadTwoFilesUnderOneTokenAndAttachThemToATicket() {
        Attachment.Upload first = zendesk.createUpload("notes.txt", TEXT);
        assertThat(first.getToken()).matches("[a-z0-9]{25}");
        assertThat(first.getAttachments()).hasSize(1);
        Attachment.Upload second = zendesk.createUpload(first.getToken(), "shot.png", "image/png", new byte[] {1, 2});
        assertThat(second.getToken()).isEqualTo(first.getToken());
        assertThat(second.getAttachments())
                .extracting(Attachment::getFileName)
                .containsExactly("notes.txt", "shot.png");

        Comment comment = new Comment("Files attached");
        comment.setUploads(List.of(first.getToken()));
        Ticket created = zendesk.createTicket(new Ticket(owner().id(), "Uploads " + unique(), comment));

        List<Comment> comments = list(zendesk.getTicketComments(created.getId()));
        assertThat(comments).hasSize(1);
        List<Attachment> attached = comments.get(0).getAttachments();
        assertThat(attached).extracting(Attachment::getFileName).containsExactly("notes.txt", "shot.png");
        assertThat(attached).extracting(Attachment::getContentType).containsExactly("text/plain", "image/png");
        assertThat(attached).extracting(Attachment::getSize).containsExactly((long) TEXT.length, 2L);

        Attachment shown = zendesk.getAttachment(attached.get(0).getId());
        assertThat(shown.getFileName()).isEqualTo("notes.txt");
        assertThat(shown.getContentUrl()).isEqualTo(baseUrl() + "/api/v2/attachments/" + shown.getId() + "/content");
    }

    @Test
    void shouldDeleteAnUploadSoItsAttachmentIsGone() {
        Attachment.Upload upload = zendesk.createUpload("drop.txt", TEXT);
        long id = upload.getAttachments().get(0).getId();
        assertThat(zendesk.getAttachment(id).getFileName()).isEqualTo("drop.txt");

        zendesk.deleteUpload(upload);

        // The client answers a 404 on a read with null.
        assertThat(zendesk.getAttachment(id)).isNull();
    }

    @Test
    void shouldFindATicketByExternalIdWithItsBrandAndForm() {
        String externalId = "att-ext-" + unique();
        Ticket ticket = new Ticket(owner().id(), "External " + unique(), new Comment("Body"));
        ticket.setExternalId(externalId);
        Ticket created = zendesk.createTicket(ticket);
        zendesk.createTicket(new Ticket(owner().id(), "Not it " + unique(), new Comment("Body")));

        List<Ticket> found = list(zendesk.getTicketsByExternalId(externalId));

        assertThat(found).extracting(Ticket::getId).containsExactly(created.getId());
        assertThat(found.get(0).getBrandId()).isNotNull().isEqualTo(created.getBrandId());
    }

    @Test
    void shouldWriteACustomFieldValueAndItsOptionTagThroughTheClient() {
        String tag = "client_opt_" + unique();
        Field field = new Field();
        field.setType("tagger");
        field.setTitle("Client plan");
        field.setCustomFieldOptions(List.of(new Field.Option("Only", tag)));
        Field saved = zendesk.createTicketField(field);

        Ticket ticket = new Ticket(owner().id(), "Field " + unique(), new Comment("Body"));
        ticket.setCustomFields(List.of(new CustomFieldValue(saved.getId(), new String[] {tag})));
        Ticket created = zendesk.createTicket(ticket);

        assertThat(created.getTags()).contains(tag);
        assertThat(created.getCustomFields())
                .filteredOn(v -> v.getId().equals(saved.getId()))
                .singleElement()
                .satisfies(v -> assertThat(v.getValue()).containsExactly(tag));

        Ticket wrong = new Ticket(owner().id(), "Wrong " + unique(), new Comment("Body"));
        wrong.setCustomFields(List.of(new CustomFieldValue(saved.getId(), new String[] {"not_an_option"})));
        assertThatThrownBy(() -> zendesk.createTicket(wrong))
                .isInstanceOfSatisfying(
                        ZendeskResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(422));
    }

    @Test
    void shouldCheckAUserFieldValueSentByTheClient() {
        String key = "client_age_" + unique();
        api.send(
                "POST",
                "/api/v2/user_fields",
                ownerAuth(),
                "{\"user_field\":{\"type\":\"integer\",\"key\":\"" + key + "\",\"title\":\"Client age\"}}");
        User user = new User();
        user.setName("Client user");
        user.setEmail("client-" + unique() + "@example.com");
        user.setUserFields(Map.of(key, "37"));

        User created = zendesk.createUser(user);

        assertThat(created.getUserFields()).containsEntry(key, 37L);
        User wrong = new User();
        wrong.setName("Wrong user");
        wrong.setEmail("wrong-" + unique() + "@example.com");
        wrong.setUserFields(Map.of(key, "thirty"));
        assertThatThrownBy(() -> zendesk.createUser(wrong))
                .isInstanceOfSatisfying(
                        ZendeskResponseException.class,
                        e -> assertThat(e.getStatusCode()).isEqualTo(422));
    }
}

package io.deskbridge.desk.ticketform;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Ticket forms as Airbyte's ticket_forms stream (offset, next_page) reads them; admins manage them. */
class TicketFormApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;

    @BeforeEach
    void adminToken() {
        auth = ownerAuth();
    }

    private void conforms(String schema, Response response) {
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as(response.body())
                .isEmpty();
    }

    private long defaultFormId() {
        for (JsonNode form : api.get("/api/v2/ticket_forms", auth).json().path("ticket_forms")) {
            if (form.path("default").asBoolean()) {
                return form.path("id").asLong();
            }
        }
        throw new AssertionError("no default form");
    }

    @Test
    void shouldListTheDefaultFormCreatedByTheMigration() {
        UserAccount agent = newUser(Role.AGENT);
        String agentAuth =
                DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
        Response response = api.get("/api/v2/ticket_forms.json", agentAuth);
        assertThat(response.status()).isEqualTo(200);
        conforms("TicketFormsResponse", response);
        JsonNode first =
                api.get("/api/v2/ticket_forms/" + defaultFormId(), auth).json().path("ticket_form");
        assertThat(first.path("name").asString()).isEqualTo("Default Ticket Form");
        assertThat(first.path("in_all_brands").asBoolean()).isTrue();
    }

    @Test
    void shouldCreateUpdateAndDeleteAFormWithTicketFields() {
        long subject = api.get("/api/v2/ticket_fields", auth)
                .json()
                .at("/ticket_fields/0/id")
                .asLong();
        Response created = api.send(
                "POST",
                "/api/v2/ticket_forms",
                auth,
                "{\"ticket_form\":{\"name\":\"Returns " + UUID.randomUUID() + "\",\"ticket_field_ids\":[" + subject
                        + "]}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        conforms("TicketFormResponse", created);
        long id = created.json().at("/ticket_form/id").asLong();
        assertThat(created.json().at("/ticket_form/ticket_field_ids").toString())
                .isEqualTo("[" + subject + "]");
        assertThat(created.json().at("/ticket_form/display_name").asString())
                .isEqualTo(created.json().at("/ticket_form/name").asString());

        Response updated = api.send(
                "PUT", "/api/v2/ticket_forms/" + id, auth, "{\"ticket_form\":{\"display_name\":\"Send it back\"}}");
        assertThat(updated.status()).isEqualTo(200);
        conforms("TicketFormResponse", updated);
        assertThat(updated.json().at("/ticket_form/display_name").asString()).isEqualTo("Send it back");

        assertThat(api.send("DELETE", "/api/v2/ticket_forms/" + id, auth, null).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v2/ticket_forms/" + id, auth).status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseUnknownTicketFieldsAndDeletingTheDefault() {
        Response unknown = api.send(
                "POST",
                "/api/v2/ticket_forms",
                auth,
                "{\"ticket_form\":{\"name\":\"Bad\",\"ticket_field_ids\":[999999999]}}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body())
                .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",\"details\":"
                        + "{\"ticket_field_ids\":[{\"description\":\"Ticket field ids: no ticket field with id"
                        + " [999999999]\",\"error\":\"InvalidValue\"}]}}");
        Response refused = api.send("DELETE", "/api/v2/ticket_forms/" + defaultFormId(), auth, null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().at("/details/base/0/description").asString())
                .isEqualTo("The default ticket form cannot be deleted; make another form the default first");
    }

    @Test
    void shouldShowManyAndReorderForms() {
        long second = api.send(
                        "POST",
                        "/api/v2/ticket_forms",
                        auth,
                        "{\"ticket_form\":{\"name\":\"Second " + UUID.randomUUID() + "\"}}")
                .json()
                .at("/ticket_form/id")
                .asLong();
        long first = defaultFormId();
        Response many = api.get("/api/v2/ticket_forms/show_many?ids=" + second + "," + first, auth);
        assertThat(many.status()).isEqualTo(200);
        conforms("TicketFormsResponse", many);
        assertThat(many.json().path("ticket_forms").size()).isEqualTo(2);

        Response reordered = api.send(
                "PUT", "/api/v2/ticket_forms/reorder", auth, "{\"ticket_form_ids\":[" + second + "," + first + "]}");
        assertThat(reordered.status()).isEqualTo(200);
        conforms("TicketFormsResponse", reordered);
        assertThat(reordered.json().at("/ticket_forms/0/id").asLong()).isEqualTo(second);
        assertThat(reordered.json().at("/ticket_forms/1/id").asLong()).isEqualTo(first);
        Response unknown = api.send("PUT", "/api/v2/ticket_forms/reorder", auth, "{\"ticket_form_ids\":[999999999]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().at("/details/ticket_form_ids/0/description").asString())
                .isEqualTo("Ticket form ids: no ticket form with id [999999999]");
    }

    @Test
    void shouldLetOnlyAdminsWrite() {
        UserAccount agent = newUser(Role.AGENT);
        String agentAuth =
                DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
        Response response =
                api.send("POST", "/api/v2/ticket_forms", agentAuth, "{\"ticket_form\":{\"name\":\"Nope\"}}");
        assertThat(response.status()).isEqualTo(403);
    }
}

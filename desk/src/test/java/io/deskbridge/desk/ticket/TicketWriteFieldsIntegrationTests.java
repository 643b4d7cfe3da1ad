package io.deskbridge.desk.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every write field Zendesk documents on tickets is applied or refused with a 422, never dropped:
 * brand, form, problem, assignee by email, CCs, followers, collaborators, custom statuses (refused),
 * custom field values (checked, with their option tags); user and organization field values are
 * checked too; {@code safe_update} with a stale stamp is a 409.
 */
class TicketWriteFieldsIntegrationTests extends DeskIntegrationTest {

    private static final String INVALID = "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\",";

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private String auth;
    private long planFieldId;
    private long countFieldId;
    private long vipFieldId;
    private String userKey;
    private String orgKey;

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (planFieldId != 0) {
            return;
        }
        planFieldId = created(
                        "/api/v2/ticket_fields",
                        "{\"ticket_field\":{\"type\":\"tagger\",\"title\":\"Plan\",\"custom_field_options\":["
                                + "{\"name\":\"Gold\",\"value\":\"wf_gold_" + suffix + "\"},"
                                + "{\"name\":\"Silver\",\"value\":\"wf_silver_" + suffix + "\"}]}}")
                .at("/ticket_field/id")
                .asLong();
        countFieldId = created("/api/v2/ticket_fields", "{\"ticket_field\":{\"type\":\"integer\",\"title\":\"Seats\"}}")
                .at("/ticket_field/id")
                .asLong();
        vipFieldId = created(
                        "/api/v2/ticket_fields",
                        "{\"ticket_field\":{\"type\":\"checkbox\",\"title\":\"VIP\",\"tag\":\"wf_vip_" + suffix
                                + "\"}}")
                .at("/ticket_field/id")
                .asLong();
        userKey = "wf_age_" + suffix;
        created(
                "/api/v2/user_fields",
                "{\"user_field\":{\"type\":\"integer\",\"key\":\"" + userKey + "\",\"title\":\"Age\"}}");
        orgKey = "wf_since_" + suffix;
        created(
                "/api/v2/organization_fields",
                "{\"organization_field\":{\"type\":\"date\",\"key\":\"" + orgKey + "\",\"title\":\"Customer since\"}}");
    }

    private JsonNode created(String path, String body) {
        Response response = api.send("POST", path, auth, body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Response create(String ticketFields) {
        return api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                "{\"ticket\":{\"subject\":\"Fields " + UUID.randomUUID() + "\",\"comment\":{\"body\":\"b\"}"
                        + (ticketFields.isEmpty() ? "" : "," + ticketFields) + "}}");
    }

    private JsonNode createOk(String ticketFields) {
        Response response = create(ticketFields);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(oas.violations("TicketResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        return response.json().path("ticket");
    }

    private Response update(long id, String ticketFields) {
        return api.send("PUT", "/api/v2/tickets/" + id, auth, "{\"ticket\":{" + ticketFields + "}}");
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    private static List<Long> longs(JsonNode array) {
        List<Long> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asLong()));
        return values;
    }

    private long defaultBrandId() {
        for (JsonNode brand : api.get("/api/v2/brands", auth).json().path("brands")) {
            if (brand.path("default").asBoolean()) {
                return brand.path("id").asLong();
            }
        }
        throw new AssertionError("no default brand");
    }

    @Nested
    class BrandsAndForms {

        @Test
        void shouldGiveANewTicketTheDefaultBrandAndTakeAnotherWhenAsked() {
            assertThat(createOk("").path("brand_id").asLong()).isEqualTo(defaultBrandId());
            long other = created(
                            "/api/v2/brands", "{\"brand\":{\"name\":\"Other\",\"subdomain\":\"wf-" + suffix + "\"}}")
                    .at("/brand/id")
                    .asLong();
            JsonNode ticket = createOk("\"brand_id\":" + other);
            assertThat(ticket.path("brand_id").asLong()).isEqualTo(other);
            Response moved = update(ticket.path("id").asLong(), "\"brand_id\":" + defaultBrandId());
            assertThat(moved.json().at("/ticket/brand_id").asLong()).isEqualTo(defaultBrandId());
        }

        @Test
        void shouldRefuseAnUnknownBrandOrFormAndStoreNothing() {
            long before =
                    jdbc.sql("SELECT COUNT(*) FROM tickets").query(Long.class).single();
            Response brand = create("\"brand_id\":987654321");
            assertThat(brand.status()).isEqualTo(422);
            assertThat(brand.body())
                    .isEqualTo(INVALID + "\"details\":{\"brand_id\":[{\"description\":\"Brand id: there is no brand"
                            + " 987654321\",\"error\":\"InvalidValue\"}]}}");
            Response form = create("\"ticket_form_id\":987654321");
            assertThat(form.status()).isEqualTo(422);
            assertThat(form.json().at("/details/ticket_form_id/0/description").asString())
                    .isEqualTo("Ticket form id: there is no ticket form 987654321");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM tickets")
                            .query(Long.class)
                            .single())
                    .isEqualTo(before);
        }

        @Test
        void shouldApplyATicketForm() {
            long form = created("/api/v2/ticket_forms", "{\"ticket_form\":{\"name\":\"Form " + suffix + "\"}}")
                    .at("/ticket_form/id")
                    .asLong();
            JsonNode ticket = createOk("\"ticket_form_id\":" + form);
            assertThat(ticket.path("ticket_form_id").asLong()).isEqualTo(form);
            assertThat(api.get("/api/v2/tickets/" + ticket.path("id").asLong(), auth)
                            .json()
                            .at("/ticket/ticket_form_id")
                            .asLong())
                    .isEqualTo(form);
        }
    }

    @Nested
    class People {

        @Test
        void shouldAssignByEmailAndRefuseAnUnknownEmail() {
            UserAccount agent = newUser(Role.AGENT);
            JsonNode ticket = createOk("\"assignee_email\":\"" + agent.email() + "\"");
            assertThat(ticket.path("assignee_id").asLong()).isEqualTo(agent.id());
            assertThat(ticket.path("status").asString()).isEqualTo("open");
            Response unknown = create("\"assignee_email\":\"nobody-" + suffix + "@example.com\"");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json()
                            .at("/details/assignee_email/0/description")
                            .asString())
                    .isEqualTo("Assignee email: there is no user nobody-" + suffix + "@example.com");
        }

        @Test
        void shouldPutAndDeleteEmailCcsAndFollowers() {
            UserAccount agent = newUser(Role.AGENT);
            String ccEmail = "cc-" + UUID.randomUUID() + "@example.com";
            JsonNode ticket = createOk("\"email_ccs\":[{\"user_email\":\"" + ccEmail
                    + "\",\"user_name\":\"Cece\",\"action\":\"put\"}],\"followers\":[{\"user_id\":" + agent.id()
                    + ",\"action\":\"put\"}]");
            UserAccount cc = users.findByEmail(ccEmail).orElseThrow();
            assertThat(cc.role()).isEqualTo(Role.END_USER);
            assertThat(longs(ticket.path("email_cc_ids"))).containsExactly(cc.id());
            assertThat(longs(ticket.path("follower_ids"))).containsExactly(agent.id());

            Response removed = update(
                    ticket.path("id").asLong(),
                    "\"email_ccs\":[{\"user_id\":" + cc.id() + ",\"action\":\"delete\"}],"
                            + "\"followers\":[{\"user_id\":" + agent.id() + ",\"action\":\"delete\"}]");
            assertThat(removed.status()).isEqualTo(200);
            assertThat(removed.json().at("/ticket/email_cc_ids")).isEmpty();
            assertThat(removed.json().at("/ticket/follower_ids")).isEmpty();
        }

        @Test
        void shouldRefuseAnEndUserAsFollower() {
            UserAccount endUser = newUser(Role.END_USER);
            Response refused = create("\"followers\":[{\"user_id\":" + endUser.id() + "}]");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().at("/details/followers/0/description").asString())
                    .isEqualTo("Followers: user " + endUser.id() + " is an end user; followers are agents");
        }

        @Test
        void shouldSetCollaboratorsFromIdsAndEmails() {
            UserAccount agent = newUser(Role.AGENT);
            String email = "collab-" + UUID.randomUUID() + "@example.com";
            JsonNode ticket = createOk("\"collaborators\":[" + agent.id() + ",\"" + email
                    + "\",{\"name\":\"Named\",\"email\":\"named-" + suffix + "@example.com\"}]");
            long byEmail = users.findByEmail(email).orElseThrow().id();
            long named = users.findByEmail("named-" + suffix + "@example.com")
                    .orElseThrow()
                    .id();
            assertThat(longs(ticket.path("collaborator_ids"))).containsExactly(agent.id(), byEmail, named);
        }
    }

    @Nested
    class ProblemsAndStatuses {

        @Test
        void shouldLinkAnIncidentToItsProblem() {
            JsonNode problem = createOk("\"type\":\"problem\"");
            long problemId = problem.path("id").asLong();
            assertThat(problem.path("has_incidents").asBoolean()).isFalse();
            JsonNode incident = createOk("\"type\":\"incident\",\"problem_id\":" + problemId);
            assertThat(incident.path("problem_id").asLong()).isEqualTo(problemId);
            assertThat(api.get("/api/v2/tickets/" + problemId, auth)
                            .json()
                            .at("/ticket/has_incidents")
                            .asBoolean())
                    .isTrue();
        }

        @Test
        void shouldRefuseAProblemThatIsNotAProblemAndANonIncident() {
            long question = createOk("\"type\":\"question\"").path("id").asLong();
            Response notProblem = create("\"type\":\"incident\",\"problem_id\":" + question);
            assertThat(notProblem.status()).isEqualTo(422);
            assertThat(notProblem.json().at("/details/problem_id/0/description").asString())
                    .isEqualTo("Problem id: ticket " + question
                            + " is of type question; only a problem can have incidents");
            long problem = createOk("\"type\":\"problem\"").path("id").asLong();
            Response notIncident = create("\"type\":\"task\",\"problem_id\":" + problem);
            assertThat(notIncident.status()).isEqualTo(422);
            assertThat(notIncident
                            .json()
                            .at("/details/problem_id/0/description")
                            .asString())
                    .isEqualTo("Problem id: only incidents link to a problem (this ticket's type is task)");
        }

        @Test
        void shouldRefuseACustomStatusRatherThanIgnoreIt() {
            Response refused = create("\"custom_status_id\":123");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .isEqualTo(INVALID + "\"details\":{\"custom_status_id\":[{\"description\":\"Custom status id:"
                            + " custom ticket statuses are not enabled on this desk; set status instead\","
                            + "\"error\":\"InvalidValue\"}]}}");
        }

        @Test
        void shouldAnswer409ForAStaleSafeUpdate() {
            JsonNode ticket = createOk("");
            long id = ticket.path("id").asLong();
            String stamp = ticket.path("updated_at").asString();
            clock.advance(java.time.Duration.ofSeconds(5));
            assertThat(update(id, "\"priority\":\"high\"").status()).isEqualTo(200);
            Response stale =
                    update(id, "\"priority\":\"low\",\"safe_update\":true,\"updated_stamp\":\"" + stamp + "\"");
            assertThat(stale.status()).isEqualTo(409);
            assertThat(stale.json().path("error").asString()).isEqualTo("UpdateConflict");
            assertThat(api.get("/api/v2/tickets/" + id, auth)
                            .json()
                            .at("/ticket/priority")
                            .asString())
                    .isEqualTo("high");
        }
    }

    @Nested
    class CustomFieldValues {

        @Test
        void shouldAddAndSwapTheOptionTagOfADropDown() {
            JsonNode ticket =
                    createOk("\"fields\":[{\"id\":" + planFieldId + ",\"value\":\"wf_gold_" + suffix + "\"}]");
            assertThat(strings(ticket.path("tags"))).contains("wf_gold_" + suffix);
            assertThat(ticket.path("custom_fields").toString())
                    .contains("{\"id\":" + planFieldId + ",\"value\":\"wf_gold_" + suffix + "\"}");
            Response swapped = update(
                    ticket.path("id").asLong(),
                    "\"custom_fields\":[{\"id\":" + planFieldId + ",\"value\":\"wf_silver_" + suffix + "\"}]");
            assertThat(swapped.status()).isEqualTo(200);
            List<String> tags = strings(swapped.json().at("/ticket/tags"));
            assertThat(tags).contains("wf_silver_" + suffix).doesNotContain("wf_gold_" + suffix);
        }

        @Test
        void shouldAddACheckboxTagWhenTrueAndDropItWhenFalse() {
            JsonNode ticket = createOk("\"custom_fields\":[{\"id\":" + vipFieldId + ",\"value\":true}]");
            assertThat(strings(ticket.path("tags"))).contains("wf_vip_" + suffix);
            Response cleared = update(
                    ticket.path("id").asLong(), "\"custom_fields\":[{\"id\":" + vipFieldId + ",\"value\":false}]");
            assertThat(strings(cleared.json().at("/ticket/tags"))).doesNotContain("wf_vip_" + suffix);
        }

        @Test
        void shouldStoreANumericStringAsANumberAndRefuseText() {
            JsonNode ticket = createOk("\"custom_fields\":[{\"id\":" + countFieldId + ",\"value\":\"12\"}]");
            assertThat(ticket.path("custom_fields").toString()).contains("{\"id\":" + countFieldId + ",\"value\":12}");
            Response refused = create("\"custom_fields\":[{\"id\":" + countFieldId + ",\"value\":\"twelve\"}]");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .isEqualTo(INVALID + "\"details\":{\"base\":[{\"description\":\"Seats: must be a whole number\","
                            + "\"error\":\"InvalidValue\"}]}}");
        }

        @Test
        void shouldRefuseAValueThatIsNotAnOption() {
            Response refused = create("\"custom_fields\":[{\"id\":" + planFieldId + ",\"value\":\"bronze\"}]");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().at("/details/base/0/description").asString())
                    .isEqualTo("Plan: must be one of its option values (wf_gold_" + suffix + ", wf_silver_" + suffix
                            + ")");
        }

        @Test
        void shouldCheckUserFieldValues() {
            String email = "uf-" + UUID.randomUUID() + "@example.com";
            Response refused = api.send(
                    "POST",
                    "/api/v2/users",
                    auth,
                    "{\"user\":{\"name\":\"Uf\",\"email\":\"" + email + "\",\"user_fields\":{\"" + userKey
                            + "\":\"old\"}}}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .isEqualTo(INVALID + "\"details\":{\"base\":[{\"description\":\"Age: must be a whole number\","
                            + "\"error\":\"InvalidValue\"}]}}");
            assertThat(users.findByEmail(email)).isEmpty();
            Response created = api.send(
                    "POST",
                    "/api/v2/users",
                    auth,
                    "{\"user\":{\"name\":\"Uf\",\"email\":\"" + email + "\",\"user_fields\":{\"" + userKey
                            + "\":\"41\"}}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().at("/user/user_fields/" + userKey).asLong())
                    .isEqualTo(41);
            assertThat(created.json().at("/user/user_fields/" + userKey).isNumber())
                    .isTrue();
        }

        @Test
        void shouldCheckOrganizationFieldValues() {
            Response refused = api.send(
                    "POST",
                    "/api/v2/organizations",
                    auth,
                    "{\"organization\":{\"name\":\"Org " + suffix + "\",\"organization_fields\":{\"" + orgKey
                            + "\":\"yesterday\"}}}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().at("/details/base/0/description").asString())
                    .isEqualTo("Customer since: must be a date in the form YYYY-MM-DD");
            Response created = api.send(
                    "POST",
                    "/api/v2/organizations",
                    auth,
                    DeskClient.json(Map.of(
                            "organization",
                            Map.of("name", "Org " + suffix, "organization_fields", Map.of(orgKey, "2024-02-29")))));
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json()
                            .at("/organization/organization_fields/" + orgKey)
                            .asString())
                    .isEqualTo("2024-02-29");
        }
    }
}

package io.deskbridge.desk.customfield;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.desk.api.RecordInvalidException;
import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
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
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Ticket, user and organization field definitions as dlt (ticket_fields first), tap-zendesk's
 * discovery (user_fields, organization_fields), Airbyte's streams and n8n's pickers read them. Every
 * response is checked against the official OAS schema of its operation.
 */
class CustomFieldApiIntegrationTests extends DeskIntegrationTest {

    private static final String FORBIDDEN = "{\"error\":{\"title\":\"Forbidden\",\"message\":\"You do not have access"
            + " to this page. Please contact the account owner of this help desk for further help.\"}}";
    private static final String NOT_FOUND = "{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}";

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @Autowired
    private CustomFields customFields;

    private String auth;
    private String agentAuth;
    private long planFieldId;
    private long userDropdownId;

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (agentAuth != null) {
            return;
        }
        UserAccount agent = newUser(Role.AGENT);
        agentAuth = DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
        planFieldId = created(
                        "/api/v2/ticket_fields",
                        Map.of(
                                "ticket_field",
                                Map.of(
                                        "type",
                                        "tagger",
                                        "title",
                                        "Plan " + suffix,
                                        "custom_field_options",
                                        List.of(
                                                Map.of("name", "Gold", "value", "plan_gold"),
                                                Map.of("name", "Silver", "value", "plan_silver")))))
                .at("/ticket_field/id")
                .asLong();
        userDropdownId = created(
                        "/api/v2/user_fields",
                        Map.of(
                                "user_field",
                                Map.of(
                                        "type",
                                        "dropdown",
                                        "key",
                                        "tier_" + suffix,
                                        "title",
                                        "Tier",
                                        "custom_field_options",
                                        List.of(Map.of("name", "One", "value", "tier_one")))))
                .at("/user_field/id")
                .asLong();
        created(
                "/api/v2/user_fields",
                Map.of("user_field", Map.of("type", "integer", "key", "age_" + suffix, "title", "Age")));
        created(
                "/api/v2/organization_fields",
                Map.of(
                        "organization_field",
                        Map.of(
                                "type",
                                "regexp",
                                "key",
                                "sku_" + suffix,
                                "title",
                                "SKU",
                                "regexp_for_validation",
                                "[A-Z]+")));
    }

    private JsonNode created(String path, Map<String, Object> body) {
        Response response = api.send("POST", path, auth, DeskClient.json(body));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private void conforms(String schema, Response response) {
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as("%s against %s", response.body(), schema)
                .isEmpty();
    }

    @Nested
    class TicketFields {

        @Test
        void shouldListZendesksSystemFieldsFirstThenCustomOnes() {
            Response response = api.get("/api/v2/ticket_fields.json", agentAuth);
            assertThat(response.status()).isEqualTo(200);
            conforms("TicketFieldsResponse", response);
            JsonNode fields = response.json().path("ticket_fields");
            List<String> types = new ArrayList<>();
            fields.forEach(f -> types.add(f.path("type").asString()));
            assertThat(types.subList(0, 7))
                    .containsExactly("subject", "description", "status", "tickettype", "priority", "group", "assignee");
            JsonNode status = fields.get(2);
            assertThat(status.path("removable").asBoolean()).isFalse();
            assertThat(status.at("/system_field_options/3").toString())
                    .isEqualTo("{\"name\":\"On-hold\",\"value\":\"hold\"}");
            assertThat(response.json().path("count").asLong()).isEqualTo(fields.size());
        }

        @Test
        void shouldCreateADropDownWithItsOptionsInZendeskShape() {
            Response response = api.get("/api/v2/ticket_fields/" + planFieldId, auth);
            assertThat(response.status()).isEqualTo(200);
            conforms("TicketFieldResponse", response);
            JsonNode field = response.json().path("ticket_field");
            assertThat(field.path("type").asString()).isEqualTo("tagger");
            assertThat(field.path("url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/ticket_fields/" + planFieldId + ".json");
            assertThat(field.path("removable").asBoolean()).isTrue();
            assertThat(field.path("regexp_for_validation").isNull()).isTrue();
            assertThat(field.path("custom_field_options").findValuesAsString("value"))
                    .containsExactly("plan_gold", "plan_silver");
        }

        @Test
        void shouldUpdateTitleAndReplaceOptionsKeepingTheOnesSentWithTheirId() {
            long id = created(
                            "/api/v2/ticket_fields",
                            Map.of(
                                    "ticket_field",
                                    Map.of(
                                            "type",
                                            "multiselect",
                                            "title",
                                            "Colors",
                                            "custom_field_options",
                                            List.of(
                                                    Map.of("name", "Red", "value", "red_" + suffix),
                                                    Map.of("name", "Blue", "value", "blue_" + suffix)))))
                    .at("/ticket_field/id")
                    .asLong();
            long red = api.get("/api/v2/ticket_fields/" + id, auth)
                    .json()
                    .at("/ticket_field/custom_field_options/0/id")
                    .asLong();
            Response updated = api.send(
                    "PUT",
                    "/api/v2/ticket_fields/" + id + ".json",
                    auth,
                    DeskClient.json(Map.of(
                            "ticket_field",
                            Map.of(
                                    "title",
                                    "Colours",
                                    "custom_field_options",
                                    List.of(
                                            Map.of("id", red, "name", "Rouge", "value", "red_" + suffix),
                                            Map.of("name", "Green", "value", "green_" + suffix))))));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            conforms("TicketFieldResponse", updated);
            JsonNode field = updated.json().path("ticket_field");
            assertThat(field.path("title").asString()).isEqualTo("Colours");
            assertThat(field.at("/custom_field_options/0/id").asLong()).isEqualTo(red);
            assertThat(field.at("/custom_field_options/0/name").asString()).isEqualTo("Rouge");
            assertThat(field.path("custom_field_options").findValuesAsString("value"))
                    .containsExactly("red_" + suffix, "green_" + suffix);
        }

        @Test
        void shouldDeleteACustomFieldButNotASystemOne() {
            long id = created(
                            "/api/v2/ticket_fields",
                            Map.of("ticket_field", Map.of("type", "checkbox", "title", "Doomed", "tag", "Doomed_Tag")))
                    .at("/ticket_field/id")
                    .asLong();
            assertThat(api.send("DELETE", "/api/v2/ticket_fields/" + id, auth, null)
                            .status())
                    .isEqualTo(204);
            Response gone = api.get("/api/v2/ticket_fields/" + id, auth);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo(NOT_FOUND);

            long subject = api.get("/api/v2/ticket_fields", auth)
                    .json()
                    .at("/ticket_fields/0/id")
                    .asLong();
            Response refused = api.send("DELETE", "/api/v2/ticket_fields/" + subject, auth, null);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"base\":[{\"description\":\"Subject is a system field and cannot be"
                            + " deleted\",\"error\":\"InvalidValue\"}]}}");
        }

        @Test
        void shouldRefuseAnUnknownTypeWithZendesksBody() {
            Response response = api.send(
                    "POST",
                    "/api/v2/ticket_fields",
                    auth,
                    "{\"ticket_field\":{\"type\":\"dropdown\",\"title\":\"Wrong\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"type\":[{\"description\":\"Type: must be one of text, textarea,"
                            + " checkbox, date, integer, decimal, regexp, tagger, multiselect\","
                            + "\"error\":\"InvalidValue\"}]}}");
        }

        @Test
        void shouldRefuseADropDownWithoutOptions() {
            Response response = api.send(
                    "POST",
                    "/api/v2/ticket_fields",
                    auth,
                    "{\"ticket_field\":{\"type\":\"tagger\",\"title\":\"Empty\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json()
                            .at("/details/custom_field_options/0/description")
                            .asString())
                    .isEqualTo("Custom field options: a tagger field needs at least one option");
        }

        @Test
        void shouldLetOnlyAdminsWrite() {
            Response response = api.send(
                    "POST",
                    "/api/v2/ticket_fields",
                    agentAuth,
                    "{\"ticket_field\":{\"type\":\"text\",\"title\":\"X\"}}");
            assertThat(response.status()).isEqualTo(403);
            assertThat(response.body()).isEqualTo(FORBIDDEN);
        }

        @Test
        void shouldShowManyByIdsOrBySystemFieldKeys() {
            Response byIds = api.get("/api/v2/ticket_fields/show_many?ids=" + planFieldId + ",999999999", auth);
            assertThat(byIds.status()).isEqualTo(200);
            conforms("TicketFieldsResponse", byIds);
            assertThat(byIds.json().path("ticket_fields").size()).isEqualTo(1);
            assertThat(byIds.json().at("/ticket_fields/0/id").asLong()).isEqualTo(planFieldId);
            assertThat(byIds.json().has("count")).isFalse();
            Response byKeys = api.get("/api/v2/ticket_fields/show_many.json?keys=priority,status", auth);
            assertThat(byKeys.json().path("ticket_fields").findValuesAsString("type"))
                    .containsExactly("status", "priority");
            Response neither = api.get("/api/v2/ticket_fields/show_many", auth);
            assertThat(neither.status()).isEqualTo(400);
            assertThat(neither.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidParameter\","
                            + "\"title\":\"Send ids or keys, not both and not neither\"}]}");
        }

        @Test
        void shouldCountTicketFields() {
            Response count = api.get("/api/v2/ticket_fields/count", auth);
            assertThat(count.status()).isEqualTo(200);
            conforms("TicketFieldCountResponse", count);
            long listed =
                    api.get("/api/v2/ticket_fields", auth).json().path("count").asLong();
            assertThat(count.json().at("/count/value").asLong()).isEqualTo(listed);
        }
    }

    @Nested
    class Options {

        @Test
        void shouldCreateUpdateListShowAndDeleteAnOption() {
            String path = "/api/v2/ticket_fields/" + planFieldId + "/options";
            Response created = api.send(
                    "POST", path, auth, "{\"custom_field_option\":{\"name\":\"Bronze\",\"value\":\"Plan_Bronze\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            conforms("CustomFieldOptionResponse", created);
            long id = created.json().at("/custom_field_option/id").asLong();
            assertThat(created.json().at("/custom_field_option/value").asString())
                    .isEqualTo("plan_bronze");

            Response updated = api.send(
                    "POST",
                    path + ".json",
                    auth,
                    "{\"custom_field_option\":{\"id\":" + id + ",\"name\":\"Copper\",\"value\":\"plan_copper\"}}");
            assertThat(updated.status()).isEqualTo(200);
            assertThat(updated.json().at("/custom_field_option/name").asString())
                    .isEqualTo("Copper");

            Response list = api.get(path, agentAuth);
            assertThat(list.status()).isEqualTo(200);
            conforms("CustomFieldOptionsResponse", list);
            assertThat(list.json().path("custom_field_options").findValuesAsString("value"))
                    .containsExactly("plan_gold", "plan_silver", "plan_copper");

            Response one = api.get(path + "/" + id, auth);
            assertThat(one.json().at("/custom_field_option/url").asString())
                    .isEqualTo(baseUrl() + path + "/" + id + ".json");

            assertThat(api.send("DELETE", path + "/" + id, auth, null).status()).isEqualTo(204);
            assertThat(api.get(path + "/" + id, auth).status()).isEqualTo(404);
        }

        @Test
        void shouldRefuseAValueAnotherOptionHas() {
            Response response = api.send(
                    "POST",
                    "/api/v2/ticket_fields/" + planFieldId + "/options",
                    auth,
                    "{\"custom_field_option\":{\"name\":\"Gold again\",\"value\":\"plan_gold\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"value\":[{\"description\":\"Value: plan_gold has already been taken\","
                            + "\"error\":\"DuplicateValue\"}]}}");
        }

        @Test
        void shouldAnswerNotFoundForOptionsOfAFieldWithoutOptions() {
            long subject = api.get("/api/v2/ticket_fields", auth)
                    .json()
                    .at("/ticket_fields/0/id")
                    .asLong();
            Response response = api.get("/api/v2/ticket_fields/" + subject + "/options", auth);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.body()).isEqualTo(NOT_FOUND);
        }
    }

    @Nested
    class UserFields {

        @Test
        void shouldListUserFieldsInZendeskShape() {
            Response response = api.get("/api/v2/user_fields", agentAuth);
            assertThat(response.status()).isEqualTo(200);
            conforms("UserFieldsResponse", response);
            JsonNode tier = find(response.json().path("user_fields"), "tier_" + suffix);
            assertThat(tier.path("type").asString()).isEqualTo("dropdown");
            assertThat(tier.path("system").asBoolean()).isFalse();
            assertThat(tier.has("tag")).isFalse();
            assertThat(tier.at("/custom_field_options/0/value").asString()).isEqualTo("tier_one");
        }

        @Test
        void shouldWalkPagesWithACursor() {
            List<Long> ids = new ArrayList<>();
            String next = "/api/v2/user_fields?page[size]=1";
            while (next != null) {
                JsonNode page = api.get(next, auth).json();
                page.path("user_fields").forEach(f -> ids.add(f.path("id").asLong()));
                next = page.at("/meta/has_more").asBoolean()
                        ? page.at("/links/next").asString().substring(baseUrl().length())
                        : null;
            }
            List<Long> expected = new ArrayList<>();
            api.get("/api/v2/user_fields?per_page=100", auth)
                    .json()
                    .path("user_fields")
                    .forEach(f -> expected.add(f.path("id").asLong()));
            assertThat(ids).isEqualTo(expected).hasSizeGreaterThanOrEqualTo(2);
        }

        @Test
        void shouldReorderUserFields() {
            List<Long> ids = new ArrayList<>();
            api.get("/api/v2/user_fields", auth)
                    .json()
                    .path("user_fields")
                    .forEach(f -> ids.add(f.path("id").asLong()));
            List<Long> reversed = new ArrayList<>(ids);
            java.util.Collections.reverse(reversed);
            Response response = api.send(
                    "PUT",
                    "/api/v2/user_fields/reorder.json",
                    auth,
                    DeskClient.json(Map.of("user_field_ids", reversed)));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            List<Long> after = new ArrayList<>();
            api.get("/api/v2/user_fields", auth)
                    .json()
                    .path("user_fields")
                    .forEach(f -> after.add(f.path("id").asLong()));
            assertThat(after).isEqualTo(reversed);
        }

        @Test
        void shouldRefuseADuplicateKey() {
            Response response = api.send(
                    "POST",
                    "/api/v2/user_fields",
                    auth,
                    "{\"user_field\":{\"type\":\"text\",\"key\":\"age_" + suffix + "\",\"title\":\"Again\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo("{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\","
                            + "\"details\":{\"key\":[{\"description\":\"Key: age_" + suffix
                            + " has already been taken\",\"error\":\"DuplicateValue\"}]}}");
        }

        @Test
        void shouldRefuseAMissingKey() {
            Response response = api.send(
                    "POST", "/api/v2/user_fields", auth, "{\"user_field\":{\"type\":\"text\",\"title\":\"K\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/key/0/error").asString()).isEqualTo("BlankValue");
        }

        @Test
        void shouldCheckAValueAgainstTheDefinitionThroughTheFacade() {
            JsonNode value = customFields.checkValue(
                    FieldOwner.USER, "age_" + suffix, JsonNodeFactory.instance.stringNode("41"));
            assertThat(value.toString()).isEqualTo("41");
            assertThatThrownBy(() -> customFields.checkValue(
                            FieldOwner.USER, "tier_" + suffix, JsonNodeFactory.instance.stringNode("tier_two")))
                    .isInstanceOf(RecordInvalidException.class)
                    .hasMessageContaining("Tier: must be one of its option values (tier_one)");
        }

        @Test
        void shouldShowManyUserFieldsByKey() {
            Response response = api.get("/api/v2/user_fields/show_many?keys=age_" + suffix + ",nope", auth);
            assertThat(response.status()).isEqualTo(200);
            conforms("UserFieldsResponse", response);
            assertThat(response.json().path("user_fields").findValuesAsString("key"))
                    .containsExactly("age_" + suffix);
        }

        @Test
        void shouldServeUserFieldOptions() {
            Response response = api.get("/api/v2/user_fields/" + userDropdownId + "/options", auth);
            assertThat(response.status()).isEqualTo(200);
            conforms("CustomFieldOptionsResponse", response);
            assertThat(response.json().at("/custom_field_options/0/value").asString())
                    .isEqualTo("tier_one");
        }
    }

    @Nested
    class OrganizationFields {

        @Test
        void shouldListOrganizationFieldsInZendeskShape() {
            Response response = api.get("/api/v2/organization_fields.json", agentAuth);
            assertThat(response.status()).isEqualTo(200);
            conforms("OrganizationFieldsResponse", response);
            JsonNode sku = find(response.json().path("organization_fields"), "sku_" + suffix);
            assertThat(sku.path("regexp_for_validation").asString()).isEqualTo("[A-Z]+");
            assertThat(sku.path("url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/organization_fields/"
                            + sku.path("id").asLong() + ".json");
        }

        @Test
        void shouldShowUpdateAndDeleteAnOrganizationField() {
            long id = created(
                            "/api/v2/organization_fields",
                            Map.of(
                                    "organization_field",
                                    Map.of("type", "date", "key", "renewal_" + suffix, "title", "Renewal")))
                    .at("/organization_field/id")
                    .asLong();
            Response updated = api.send(
                    "PUT",
                    "/api/v2/organization_fields/" + id,
                    auth,
                    "{\"organization_field\":{\"title\":\"Renewal date\",\"active\":false}}");
            assertThat(updated.status()).isEqualTo(200);
            conforms("OrganizationFieldResponse", updated);
            assertThat(updated.json().at("/organization_field/title").asString())
                    .isEqualTo("Renewal date");
            assertThat(updated.json().at("/organization_field/active").asBoolean())
                    .isFalse();
            Response typeChange = api.send(
                    "PUT", "/api/v2/organization_fields/" + id, auth, "{\"organization_field\":{\"type\":\"text\"}}");
            assertThat(typeChange.status()).isEqualTo(422);
            assertThat(typeChange.json().at("/details/type/0/description").asString())
                    .isEqualTo("Type: cannot be changed (it is date)");
            assertThat(api.send("DELETE", "/api/v2/organization_fields/" + id, auth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/organization_fields/" + id, auth).status())
                    .isEqualTo(404);
        }

        @Test
        void shouldNotServeATicketFieldUnderTheOrganizationPath() {
            assertThat(api.get("/api/v2/organization_fields/" + planFieldId, auth)
                            .status())
                    .isEqualTo(404);
        }
    }

    private static JsonNode find(JsonNode fields, String key) {
        for (JsonNode field : fields) {
            if (key.equals(field.path("key").asString())) {
                return field;
            }
        }
        throw new AssertionError("No field with key " + key + " in " + fields);
    }
}

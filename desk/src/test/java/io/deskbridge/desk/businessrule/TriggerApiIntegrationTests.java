package io.deskbridge.desk.businessrule;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Trigger definitions, trigger categories (and the run order they give), and the Admin Center pages
 * of triggers and automations (issue 12 item 3); every new response checked against Zendesk's OAS.
 */
class TriggerApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final List<Long> triggers = new ArrayList<>();
    private final List<String> categories = new ArrayList<>();
    private String auth;
    private String tag;

    @BeforeEach
    void ownerAndTag() {
        auth = ownerAuth();
        tag = "cat-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void drop() {
        triggers.forEach(id -> jdbc.sql("DELETE FROM business_rules WHERE id = :id")
                .param("id", id)
                .update());
        categories.forEach(id -> jdbc.sql("DELETE FROM trigger_categories WHERE id = :id")
                .param("id", Long.parseLong(id))
                .update());
        triggers.clear();
        categories.clear();
    }

    private void conforms(String schema, Response response) {
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as(schema + ": " + response.body())
                .isEmpty();
    }

    private String category(String name, int position) {
        Response created = api.send(
                "POST",
                "/api/v2/trigger_categories",
                auth,
                "{\"trigger_category\":{\"name\":\"" + name + "\",\"position\":" + position + "}}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        conforms("TriggerCategoryResponse", created);
        String id = created.json().at("/trigger_category/id").asString();
        categories.add(id);
        return id;
    }

    private long trigger(String title, String categoryId, String actions) {
        Response created = api.send("POST", "/api/v2/triggers", auth, """
                {"trigger":{"title":"%s","category_id":"%s","conditions":{"all":[
                    {"field":"update_type","operator":"is","value":"Create"},
                    {"field":"current_tags","operator":"includes","value":"%s"}],"any":[]},"actions":%s}}""".formatted(title, categoryId, tag, actions));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        conforms("TriggerResponse", created);
        long id = created.json().at("/trigger/id").asLong();
        triggers.add(id);
        return id;
    }

    @Nested
    class Definitions {

        @Test
        void shouldListTheConditionsAndActionsDeskRuns() {
            Response response = api.get("/api/v2/triggers/definitions", auth);

            assertThat(response.status()).isEqualTo(200);
            conforms("TriggerDefinitionResponse", response);
            JsonNode definitions = response.json().path("definitions");
            List<String> actions = new ArrayList<>();
            definitions
                    .path("actions")
                    .forEach(a -> actions.add(a.path("subject").asString()));
            assertThat(actions).contains("status", "priority", "set_tags", "notification_webhook");
            assertThat(definitions.at("/conditions_all/0/subject").asString()).isEqualTo("status");
            assertThat(definitions.at("/conditions_all/0/operators/4/value").asString())
                    .isEqualTo("changed");
            assertThat(definitions.at("/conditions_all/0/operators/4/terminal").asBoolean())
                    .isTrue();
        }
    }

    @Nested
    class Categories {

        @Test
        void shouldCreateShowUpdateListAndDeleteACategory() {
            String id = category("Routing " + tag, 5);
            long trigger = trigger("Route " + tag, id, "[{\"field\":\"priority\",\"value\":\"low\"}]");

            Response shown = api.get("/api/v2/trigger_categories/" + id, auth);
            assertThat(shown.status()).isEqualTo(200);
            conforms("TriggerCategoryResponse", shown);
            assertThat(shown.json().at("/trigger_category/position").asLong()).isEqualTo(5);
            Response renamed = api.send(
                    "PATCH", "/api/v2/trigger_categories/" + id, auth, "{\"trigger_category\":{\"name\":\"Renamed\"}}");
            assertThat(renamed.status()).isEqualTo(200);
            assertThat(renamed.json().at("/trigger_category/name").asString()).isEqualTo("Renamed");
            assertThat(renamed.json().at("/trigger_category/position").asLong()).isEqualTo(5);
            Response listed = api.get("/api/v2/trigger_categories?include=rule_counts", auth);
            conforms("TriggerCategoriesResponse", listed);
            JsonNode mine = null;
            for (JsonNode c : listed.json().path("trigger_categories")) {
                if (c.path("id").asString().equals(id)) {
                    mine = c;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.path("active_count").asLong()).isEqualTo(1);
            assertThat(mine.path("inactive_count").asLong()).isZero();
            assertThat(api.get("/api/v2/triggers/" + trigger, auth)
                            .json()
                            .at("/trigger/category_id")
                            .asString())
                    .isEqualTo(id);

            Response refused = api.send("DELETE", "/api/v2/trigger_categories/" + id, auth, null);
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().at("/errors/0/code").asString()).isEqualTo("TriggerCategoryNotEmpty");
            assertThat(api.send("DELETE", "/api/v2/triggers/" + trigger, auth, null)
                            .status())
                    .isEqualTo(204);
            assertThat(api.send("DELETE", "/api/v2/trigger_categories/" + id, auth, null)
                            .status())
                    .isEqualTo(204);
            Response gone = api.get("/api/v2/trigger_categories/" + id, auth);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body())
                    .isEqualTo(
                            "{\"errors\":[{\"code\":\"TriggerCategoryNotFound\",\"title\":\"No trigger category with id "
                                    + id + "\"}]}");
        }

        @Test
        void shouldRefuseABlankNameAndAnUnknownCategoryChangingNothing() {
            Response blank =
                    api.send("POST", "/api/v2/trigger_categories", auth, "{\"trigger_category\":{\"name\":\" \"}}");
            assertThat(blank.status()).isEqualTo(400);
            assertThat(blank.body())
                    .isEqualTo(
                            "{\"errors\":[{\"code\":\"InvalidTriggerCategory\",\"title\":\"Name cannot be blank\"}]}");
            Response unknown = api.send("POST", "/api/v2/triggers", auth, """
                    {"trigger":{"title":"Lost","category_id":"999999999",
                      "conditions":{"all":[{"field":"status","operator":"is","value":"new"}]},
                      "actions":[{"field":"priority","value":"low"}]}}""");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().at("/details/category_id/0/description").asString())
                    .isEqualTo("Category id: there is no trigger category 999999999");
        }

        @Test
        void shouldRunTriggersCategoryByCategoryThenByPosition() {
            String late = category("Late " + tag, 900);
            String early = category("Early " + tag, 800);
            // Created first with the lower position, but its category runs after the other's.
            trigger("Set low " + tag, late, "[{\"field\":\"priority\",\"value\":\"low\"}]");
            trigger("Set urgent " + tag, early, "[{\"field\":\"priority\",\"value\":\"urgent\"}]");

            Response created = api.send(
                    "POST",
                    "/api/v2/tickets",
                    auth,
                    DeskClient.json(java.util.Map.of(
                            "ticket",
                            java.util.Map.of(
                                    "subject",
                                    "Order",
                                    "tags",
                                    List.of(tag),
                                    "comment",
                                    java.util.Map.of("body", "x")))));

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().at("/ticket/priority").asString()).isEqualTo("low");
        }
    }

    @Nested
    class AdminCenter {

        @Test
        void shouldListTriggersAndAutomationsInRunOrderWithTheirStatus() {
            String id = category("Page " + tag, 1);
            long trigger = trigger("Shown " + tag, id, "[{\"field\":\"priority\",\"value\":\"low\"}]");
            DeskClient browser = DeskClient.withCookies(baseUrl());
            browser.signIn(OWNER_EMAIL, OWNER_PASSWORD);

            Response page = browser.get("/admin/objects-rules/business-rules/triggers", null);
            Response automations = browser.get("/admin/objects-rules/business-rules/automations", null);

            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .contains("data-rule-id=\"" + trigger + "\"")
                    .contains("Shown " + tag)
                    .contains("priority = &quot;low&quot;");
            assertThat(automations.status()).isEqualTo(200);
            assertThat(automations.body()).contains("<h1>Automations</h1>");
        }
    }
}

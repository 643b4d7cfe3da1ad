package io.deskbridge.desk.businessrule;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * Macros, triggers, automations, views and SLA policies as Airbyte's streams (macros sorted by
 * created_at with a cursor; the others offset) and dlt's sla_policies read them.
 */
class BusinessRuleApiIntegrationTests extends DeskIntegrationTest {

    private static final String INVALID =
            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\"," + "\"details\":";
    private static final String CONDITIONS =
            "{\"all\":[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"open\"}],\"any\":[]}";
    private static final String ACTIONS = "[{\"field\":\"priority\",\"value\":\"high\"}]";
    /**
     * Triggers and automations run on the shared desk's tickets (issue 12): the ones planted here
     * only match tickets tagged {@code seeded-rule}, which no test makes, so they change nobody's
     * tickets.
     */
    private static final String RULE_CONDITIONS =
            "{\"all\":[{\"field\":\"status\",\"operator\":\"is\",\"value\":\"open\"},"
                    + "{\"field\":\"current_tags\",\"operator\":\"includes\",\"value\":\"seeded-rule\"}],\"any\":[]}";

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;
    private String agentAuth;

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (agentAuth != null) {
            return;
        }
        UserAccount agent = newUser(Role.AGENT);
        agentAuth = DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
        for (int i = 0; i < 3; i++) {
            created("macros", "macro", "{\"title\":\"Macro " + i + "\",\"actions\":" + ACTIONS + "}");
            clock.advance(java.time.Duration.ofSeconds(2));
        }
        created(
                "triggers",
                "trigger",
                "{\"title\":\"Escalate\",\"conditions\":" + RULE_CONDITIONS + ",\"actions\":" + ACTIONS + "}");
        created(
                "automations",
                "automation",
                "{\"title\":\"Close\",\"conditions\":" + RULE_CONDITIONS + ",\"actions\":" + ACTIONS + "}");
        created("views", "view", "{\"title\":\"Open tickets\",\"conditions\":" + CONDITIONS + "}");
        created(
                "slas/policies",
                "sla_policy",
                "{\"title\":\"Urgent\",\"filter\":" + CONDITIONS
                        + ",\"policy_metrics\":[{\"priority\":\"urgent\",\"metric\":\"first_reply_time\","
                        + "\"target\":30,\"business_hours\":false}]}");
    }

    private JsonNode created(String path, String singular, String object) {
        Response response = api.send("POST", "/api/v2/" + path, auth, "{\"" + singular + "\":" + object + "}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path(singular);
    }

    private void conforms(String schema, Response response) {
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as(response.body())
                .isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "macros, MacrosResponse",
        "triggers, TriggersResponse",
        "automations, AutomationsResponse",
        "views, ViewsResponse",
        "slas/policies.json, SLAPoliciesResponse"
    })
    void shouldListEachKindInItsOasShapeToAgents(String path, String schema) {
        Response response = api.get("/api/v2/" + path, agentAuth);
        assertThat(response.status()).isEqualTo(200);
        conforms(schema, response);
        assertThat(response.json().path("count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(response.json().path("next_page").isNull()).isTrue();
    }

    @Nested
    class Macros {

        @Test
        void shouldWalkMacrosByCreationTimeWithACursorAsAirbyteDoes() {
            List<String> titles = new ArrayList<>();
            String next = "/api/v2/macros?sort_by=created_at&sort_order=asc&page[size]=2";
            while (next != null) {
                Response page = api.get(next, auth);
                assertThat(page.status()).isEqualTo(200);
                conforms("MacrosResponse", page);
                page.json()
                        .path("macros")
                        .forEach(m -> titles.add(m.path("title").asString()));
                next = page.json().at("/meta/has_more").asBoolean()
                        ? page.json()
                                .at("/links/next")
                                .asString()
                                .substring(baseUrl().length())
                        : null;
            }
            assertThat(titles).containsExactly("Macro 0", "Macro 1", "Macro 2");
            List<String> newestFirst = new ArrayList<>();
            api.get("/api/v2/macros?sort_by=created_at&sort_order=desc", auth)
                    .json()
                    .path("macros")
                    .forEach(m -> newestFirst.add(m.path("title").asString()));
            assertThat(newestFirst).containsExactly("Macro 2", "Macro 1", "Macro 0");
        }

        @Test
        void shouldUpdateShowAndDeleteAMacro() {
            long id = created("macros", "macro", "{\"title\":\"Temp\",\"actions\":" + ACTIONS + "}")
                    .path("id")
                    .asLong();
            Response updated = api.send(
                    "PUT", "/api/v2/macros/" + id + ".json", auth, "{\"macro\":{\"title\":\"Kept\",\"active\":false}}");
            assertThat(updated.status()).isEqualTo(200);
            conforms("MacroResponse", updated);
            assertThat(updated.json().at("/macro/title").asString()).isEqualTo("Kept");
            assertThat(updated.json().at("/macro/actions").toString()).isEqualTo(ACTIONS);
            assertThat(api.send("DELETE", "/api/v2/macros/" + id, auth, null).status())
                    .isEqualTo(204);
            Response gone = api.get("/api/v2/macros/" + id, auth);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }

        @Test
        void shouldRefuseAMacroWithoutActions() {
            Response response = api.send("POST", "/api/v2/macros", auth, "{\"macro\":{\"title\":\"Empty\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo(
                            INVALID
                                    + "{\"actions\":[{\"description\":\"Actions: cannot be blank\",\"error\":\"BlankValue\"}]}}");
        }

        @Test
        void shouldRefuseAnUnknownSort() {
            Response response = api.get("/api/v2/macros?sort_by=usage_7d", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/title").asString())
                    .isEqualTo("sort_by must be one of created_at, updated_at, position (got \"usage_7d\")");
        }

        @Test
        void shouldLetOnlyAdminsWrite() {
            Response response = api.send(
                    "POST", "/api/v2/macros", agentAuth, "{\"macro\":{\"title\":\"X\",\"actions\":" + ACTIONS + "}}");
            assertThat(response.status()).isEqualTo(403);
        }
    }

    @Nested
    class TriggersAutomationsViews {

        @Test
        void shouldShowATriggerWithNormalizedConditions() {
            long id = created(
                            "triggers",
                            "trigger",
                            "{\"title\":\"T\",\"conditions\":{\"any\":[{\"field\":\"priority\",\"value\":\"high\"}]},"
                                    + "\"actions\":" + ACTIONS + "}")
                    .path("id")
                    .asLong();
            Response response = api.get("/api/v2/triggers/" + id, auth);
            conforms("TriggerResponse", response);
            assertThat(response.json().at("/trigger/conditions").toString())
                    .isEqualTo(
                            "{\"all\":[],\"any\":[{\"field\":\"priority\",\"operator\":\"is\",\"value\":\"high\"}]}");
        }

        @Test
        void shouldRefuseATriggerWithoutConditions() {
            Response response = api.send(
                    "POST",
                    "/api/v2/triggers",
                    auth,
                    "{\"trigger\":{\"title\":\"T\",\"conditions\":{\"all\":[]},\"actions\":" + ACTIONS + "}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/conditions/0/description").asString())
                    .isEqualTo("Conditions: a trigger needs at least one condition");
        }

        @Test
        void shouldGiveANewViewZendesksDefaultExecutionAndRequireAnAllCondition() {
            JsonNode view = created("views", "view", "{\"title\":\"V\",\"conditions\":" + CONDITIONS + "}");
            Response shown = api.get("/api/v2/views/" + view.path("id").asLong(), auth);
            conforms("ViewResponse", shown);
            assertThat(shown.json().at("/view/execution/group_by").asString()).isEqualTo("status");
            Response refused = api.send(
                    "POST",
                    "/api/v2/views",
                    auth,
                    "{\"view\":{\"title\":\"V\",\"conditions\":{\"any\":[{\"field\":\"status\",\"value\":\"new\"}]}}}");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().at("/details/conditions/0/description").asString())
                    .isEqualTo("Conditions: a view needs at least one \"all\" condition");
        }

        @Test
        void shouldUpdateAnAutomation() {
            long id = created(
                            "automations",
                            "automation",
                            "{\"title\":\"A\",\"conditions\":" + RULE_CONDITIONS + ",\"actions\":" + ACTIONS + "}")
                    .path("id")
                    .asLong();
            Response updated = api.send("PUT", "/api/v2/automations/" + id, auth, "{\"automation\":{\"position\":7}}");
            assertThat(updated.status()).isEqualTo(200);
            conforms("AutomationResponse", updated);
            assertThat(updated.json().at("/automation/position").asInt()).isEqualTo(7);
        }
    }

    @Nested
    class SlaPolicies {

        @Test
        void shouldServeAPolicyWithItsMetrics() {
            JsonNode policy = created(
                    "slas/policies",
                    "sla_policy",
                    "{\"title\":\"Normal\",\"filter\":" + CONDITIONS
                            + ",\"policy_metrics\":[{\"priority\":\"normal\",\"metric\":\"agent_work_time\",\"target\":480}]}");
            Response shown =
                    api.get("/api/v2/slas/policies/" + policy.path("id").asLong() + ".json", auth);
            assertThat(shown.status()).isEqualTo(200);
            conforms("SLAPolicyResponse", shown);
            assertThat(shown.json().at("/sla_policy/policy_metrics").toString())
                    .isEqualTo("[{\"priority\":\"normal\",\"metric\":\"agent_work_time\",\"target\":480,"
                            + "\"business_hours\":false}]");
            assertThat(shown.json().at("/sla_policy/url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/slas/policies/"
                            + policy.path("id").asLong() + ".json");
            assertThat(api.send(
                                    "DELETE",
                                    "/api/v2/slas/policies/" + policy.path("id").asLong(),
                                    auth,
                                    null)
                            .status())
                    .isEqualTo(204);
        }

        @Test
        void shouldRefuseAnUnknownMetricAndAMissingFilter() {
            Response metric = api.send(
                    "POST",
                    "/api/v2/slas/policies",
                    auth,
                    "{\"sla_policy\":{\"title\":\"X\",\"filter\":" + CONDITIONS
                            + ",\"policy_metrics\":[{\"priority\":\"low\",\"metric\":\"lunch_time\",\"target\":5}]}}");
            assertThat(metric.status()).isEqualTo(422);
            assertThat(metric.json().at("/details/policy_metrics/0/description").asString())
                    .isEqualTo("Policy metrics: metric must be one of agent_work_time, first_reply_time,"
                            + " next_reply_time, pausable_update_time, periodic_update_time, requester_wait_time");
            Response filter = api.send("POST", "/api/v2/slas/policies", auth, "{\"sla_policy\":{\"title\":\"X\"}}");
            assertThat(filter.status()).isEqualTo(422);
            assertThat(filter.json().at("/details/filter/0/error").asString()).isEqualTo("BlankValue");
        }
    }

    @Nested
    class BulkAndSearch {

        private List<Long> ids(String path, String key) {
            List<Long> ids = new ArrayList<>();
            api.get(path, auth)
                    .json()
                    .path(key)
                    .forEach(r -> ids.add(r.path("id").asLong()));
            return ids;
        }

        @Test
        void shouldListOnlyActiveRules() {
            long inactive = created(
                            "macros", "macro", "{\"title\":\"Dormant\",\"active\":false,\"actions\":" + ACTIONS + "}")
                    .path("id")
                    .asLong();
            Response active = api.get("/api/v2/macros/active.json", agentAuth);
            assertThat(active.status()).isEqualTo(200);
            conforms("MacrosResponse", active);
            assertThat(ids("/api/v2/macros/active", "macros")).isNotEmpty().doesNotContain(inactive);
            assertThat(ids("/api/v2/macros", "macros")).contains(inactive);
            api.send("DELETE", "/api/v2/macros/" + inactive, auth, null);
        }

        @Test
        void shouldSearchTitles() {
            Response response = api.get("/api/v2/triggers/search?query=ESCAL", auth);
            assertThat(response.status()).isEqualTo(200);
            conforms("TriggersResponse", response);
            assertThat(response.json().path("triggers").findValuesAsString("title"))
                    .containsOnly("Escalate");
            Response missing = api.get("/api/v2/triggers/search", auth);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidParameter\",\"title\":\"query is required\"}]}");
        }

        @Test
        void shouldShowManyViews() {
            long view = ids("/api/v2/views", "views").get(0);
            Response response = api.get("/api/v2/views/show_many?ids=" + view + ",999999999", auth);
            assertThat(response.status()).isEqualTo(200);
            conforms("ViewsResponse", response);
            assertThat(response.json().path("views").size()).isEqualTo(1);
        }

        @Test
        void shouldDestroyManyAllOrNothing() {
            String body = "{\"title\":\"Bulk\",\"conditions\":" + RULE_CONDITIONS + ",\"actions\":" + ACTIONS + "}";
            long a = created("automations", "automation", body).path("id").asLong();
            long b = created("automations", "automation", body).path("id").asLong();
            Response partial =
                    api.send("DELETE", "/api/v2/automations/destroy_many?ids=" + a + ",999999999", auth, null);
            assertThat(partial.status()).isEqualTo(404);
            assertThat(api.get("/api/v2/automations/" + a, auth).status()).isEqualTo(200);
            Response both = api.send("DELETE", "/api/v2/automations/destroy_many.json?ids=" + a + "," + b, auth, null);
            assertThat(both.status()).isEqualTo(204);
            assertThat(api.get("/api/v2/automations/" + a, auth).status()).isEqualTo(404);
            assertThat(api.get("/api/v2/automations/" + b, auth).status()).isEqualTo(404);
        }

        @Test
        void shouldReorderTriggersAndSlaPolicies() {
            List<Long> triggers = ids("/api/v2/triggers", "triggers");
            List<Long> reversed = new ArrayList<>(triggers);
            java.util.Collections.reverse(reversed);
            Response response = api.send(
                    "PUT",
                    "/api/v2/triggers/reorder",
                    auth,
                    DeskClient.json(java.util.Map.of("trigger_ids", reversed)));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEmpty();
            assertThat(ids("/api/v2/triggers", "triggers")).isEqualTo(reversed);

            List<Long> policies = ids("/api/v2/slas/policies", "sla_policies");
            List<Long> reversedPolicies = new ArrayList<>(policies);
            java.util.Collections.reverse(reversedPolicies);
            Response slas = api.send(
                    "PUT",
                    "/api/v2/slas/policies/reorder.json",
                    auth,
                    DeskClient.json(java.util.Map.of("sla_policy_ids", reversedPolicies)));
            assertThat(slas.status()).isEqualTo(200);
            assertThat(ids("/api/v2/slas/policies", "sla_policies")).isEqualTo(reversedPolicies);
            Response unknown = api.send("PUT", "/api/v2/triggers/reorder", auth, "{\"trigger_ids\":[999999999]}");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().at("/details/trigger_ids/0/description").asString())
                    .isEqualTo("Trigger ids: no trigger with id [999999999]");
        }
    }
}

package io.deskbridge.desk.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.SecretLedger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A small but realistic help desk, created through desk's own API once per test class: custom field
 * definitions of several types, two organizations, agents and end users in them, groups with
 * memberships, a brand, a ticket form, business rules, an SLA policy, a schedule, a dynamic content item, and tickets with
 * comments, tags (more than 100 in all, so cursor lists take two pages) and custom field values,
 * updated afterwards, one of them solved and rated by its requester; a routing attribute with a value, a skip
 * and a phone identity.
 */
record ReplaySeed(Map<String, String> variables) {

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

    static ReplaySeed plant(DeskClient api, String auth, String owner) {
        String tag = owner.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        Map<String, String> vars = new LinkedHashMap<>();
        long textField = id(create(api, auth, "/api/v2/ticket_fields", """
                {"ticket_field":{"type":"text","title":"Order number %s"}}""".formatted(tag)), "/ticket_field/id");
        long dropdown =
                id(create(api, auth, "/api/v2/ticket_fields", """
                {"ticket_field":{"type":"tagger","title":"Plan %s","custom_field_options":[
                  {"name":"Gold","value":"%s_gold"},{"name":"Silver","value":"%s_silver"}]}}""".formatted(tag, tag, tag)), "/ticket_field/id");
        create(api, auth, "/api/v2/user_fields", """
                {"user_field":{"type":"dropdown","key":"tier_%s","title":"Tier","custom_field_options":[
                  {"name":"Basic","value":"%s_basic"},{"name":"Premium","value":"%s_premium"}]}}""".formatted(tag, tag, tag));
        create(api, auth, "/api/v2/user_fields", """
                {"user_field":{"type":"text","key":"nickname_%s","title":"Nickname"}}""".formatted(tag));
        create(api, auth, "/api/v2/organization_fields", """
                {"organization_field":{"type":"integer","key":"seats_%s","title":"Seats"}}""".formatted(tag));

        long acme = id(create(api, auth, "/api/v2/organizations", """
                {"organization":{"name":"Acme %s","details":"Key account","tags":["%s_key"]}}""".formatted(tag, tag)), "/organization/id");
        long globex = id(create(api, auth, "/api/v2/organizations", """
                {"organization":{"name":"Globex %s"}}""".formatted(tag)), "/organization/id");

        List<Long> agents = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            agents.add(id(create(api, auth, "/api/v2/users", """
                    {"user":{"name":"Agent %d %s","email":"agent%d-%s@replay.test","role":"agent"}}""".formatted(i, tag, i, tag)), "/user/id"));
        }
        List<Long> customers = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            customers.add(id(
                    create(api, auth, "/api/v2/users", """
                    {"user":{"name":"Customer %d %s","email":"customer%d-%s@replay.test","role":"end-user",
                      "organization_id":%d,"user_fields":{"tier_%s":"%s_premium","nickname_%s":"C%d"}}}""".formatted(
                                    i, tag, i, tag, i == 3 ? globex : acme, tag, tag, tag, i)),
                    "/user/id"));
        }
        List<Long> groups = new ArrayList<>();
        for (String name : List.of("Support", "Billing")) {
            groups.add(id(create(api, auth, "/api/v2/groups", """
                    {"group":{"name":"%s %s"}}""".formatted(name, tag)), "/group/id"));
        }
        for (int i = 0; i < agents.size(); i++) {
            create(api, auth, "/api/v2/group_memberships", """
                    {"group_membership":{"user_id":%d,"group_id":%d}}""".formatted(agents.get(i), groups.get(i)));
        }
        long brand = id(create(api, auth, "/api/v2/brands", """
                {"brand":{"name":"Brand %s","subdomain":"brand-%s"}}""".formatted(tag, tag)), "/brand/id");
        long form = id(
                create(api, auth, "/api/v2/ticket_forms", """
                {"ticket_form":{"name":"Form %s","ticket_field_ids":[%d,%d]}}""".formatted(tag, textField, dropdown)), "/ticket_form/id");
        create(api, auth, "/api/v2/macros", """
                {"macro":{"title":"Escalate %s","actions":%s}}""".formatted(tag, ACTIONS));
        create(api, auth, "/api/v2/triggers", """
                {"trigger":{"title":"Notify %s","conditions":%s,"actions":%s}}""".formatted(tag, RULE_CONDITIONS, ACTIONS));
        create(api, auth, "/api/v2/automations", """
                {"automation":{"title":"Close %s","conditions":%s,"actions":%s}}""".formatted(tag, RULE_CONDITIONS, ACTIONS));
        create(api, auth, "/api/v2/views", """
                {"view":{"title":"Open %s","conditions":%s}}""".formatted(tag, CONDITIONS));
        create(api, auth, "/api/v2/slas/policies", """
                {"sla_policy":{"title":"Urgent %s","filter":%s,"policy_metrics":[
                  {"priority":"urgent","metric":"first_reply_time","target":30,"business_hours":false}]}}""".formatted(tag, CONDITIONS));
        create(api, auth, "/api/v2/business_hours/schedules", """
                {"schedule":{"name":"Office %s","time_zone":"America/Los_Angeles"}}""".formatted(tag));
        create(api, auth, "/api/v2/dynamic_content/items", """
                {"item":{"name":"Greeting %s","default_locale_id":1,"variants":[
                  {"locale_id":1,"default":true,"content":"Hello"},{"locale_id":8,"content":"Hallo"}]}}""".formatted(tag));

        List<Long> tickets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            StringBuilder tags = new StringBuilder();
            for (int t = 0; t < 30; t++) {
                tags.append(t == 0 ? "" : ",")
                        .append('"')
                        .append(tag)
                        .append("_t")
                        .append(i)
                        .append('_')
                        .append(t)
                        .append('"');
            }
            long requester = customers.get(i % customers.size());
            tickets.add(id(
                    create(api, auth, "/api/v2/tickets", """
                    {"ticket":{"subject":"Order %d does not arrive","comment":{"body":"Where is my order %d?"},
                      "requester_id":%d,"assignee_id":%d,"group_id":%d,"priority":"high","type":"problem",
                      "brand_id":%d,"ticket_form_id":%d,"tags":[%s],
                      "custom_fields":[{"id":%d,"value":"A-%d"},{"id":%d,"value":"%s_gold"}]}}""".formatted(
                                    i,
                                    i,
                                    requester,
                                    agents.get(i % 2),
                                    groups.get(i % 2),
                                    brand,
                                    form,
                                    tags,
                                    textField,
                                    i,
                                    dropdown,
                                    tag)),
                    "/ticket/id"));
        }
        for (int i = 0; i < tickets.size(); i++) {
            String status = i == 0 ? "solved" : "pending";
            Response updated =
                    api.send("PUT", "/api/v2/tickets/" + tickets.get(i), auth, """
                    {"ticket":{"status":"%s","comment":{"body":"We are on it (%d).","public":%s}}}""".formatted(status, i, i % 2 == 0));
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        }
        rateAsRequester(api, auth, tickets.get(0), "customer1-%s@replay.test".formatted(tag));
        long spam = id(create(api, auth, "/api/v2/tickets", """
                {"ticket":{"subject":"Spam %s","comment":{"body":"Buy now"}}}""".formatted(tag)), "/ticket/id");
        Response deleted = api.send("DELETE", "/api/v2/tickets/" + spam, auth, null);
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        // Skills, a skip and a second identity: Airbyte's account_attributes, ticket_skips, user_identities.
        String language = create(api, auth, "/api/v2/routing/attributes", """
                {"attribute":{"name":"Language %s"}}""".formatted(tag))
                .at("/attribute/id")
                .asString();
        create(api, auth, "/api/v2/routing/attributes/" + language + "/values", """
                {"attribute_value":{"name":"Japanese %s"}}""".formatted(tag));
        create(api, auth, "/api/v2/skips", """
                {"skip":{"ticket_id":%d,"reason":"Needs a specialist"}}""".formatted(tickets.get(1)));
        create(api, auth, "/api/v2/users/" + customers.get(0) + "/identities", """
                {"identity":{"type":"phone_number","value":"+1 555 0100 %s"}}""".formatted(tag));
        vars.put("ticket", Long.toString(tickets.get(0)));
        vars.put("user", Long.toString(customers.get(0)));
        vars.put("agent", Long.toString(agents.get(0)));
        vars.put("org", Long.toString(acme));
        vars.put("group", Long.toString(groups.get(0)));
        vars.put("field", Long.toString(textField));
        vars.put("tag", tag);
        return new ReplaySeed(Map.copyOf(vars));
    }

    /** The solved ticket's requester rates it (satisfaction_ratings), with a token that may act as any user. */
    private static void rateAsRequester(DeskClient api, String auth, long ticket, String requesterEmail) {
        String token = SecretLedger.issued(create(api, auth, "/api/v2/api_tokens", """
                        {"api_token":{"description":"replay seed rating","authenticates_as":"any_user"}}""")
                .at("/api_token/token")
                .asString());
        Response rated = api.send(
                "POST",
                "/api/v2/tickets/" + ticket + "/satisfaction_rating",
                DeskClient.tokenAuth(requesterEmail, token),
                """
                {"satisfaction_rating":{"score":"good","comment":"Quick and kind"}}""");
        assertThat(rated.status())
                .as("seeding a satisfaction rating: %s", rated.body())
                .isEqualTo(200);
    }

    private static JsonNode create(DeskClient api, String auth, String path, String body) {
        Response response = api.send("POST", path, auth, body);
        assertThat(response.status())
                .as("seeding POST %s: %s", path, response.body())
                .isEqualTo(201);
        return response.json();
    }

    private static long id(JsonNode body, String pointer) {
        return body.at(pointer).asLong();
    }
}

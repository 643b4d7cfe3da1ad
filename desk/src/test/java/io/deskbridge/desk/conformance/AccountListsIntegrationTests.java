package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The account lists dlt's {@code load_all} reads that desk answers from what it has: job statuses
 * (no queued jobs), support addresses (one per brand), sharing agreements and targets (none), and
 * Talk, which an account without it refuses.
 */
class AccountListsIntegrationTests extends DeskIntegrationTest {

    private static final String RESTRICTED = "{\"error\":{\"title\":\"Forbidden\",\"message\":\"Access to this"
            + " resource is restricted. Please contact the account administrator for assistance.\"}}";

    private final OpenApiSchemas oas = OpenApiSchemas.full();

    private JsonNode conforming(Response response, String oasPath, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        String schema = oas.responseSchema(oasPath, "GET", status);
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as("GET %s against %s: %s", oasPath, schema, response.body())
                .isEmpty();
        return response.json();
    }

    /**
     * Job statuses page in both styles. The list is not empty on this shared context once the bulk
     * tests have run, and a failed create's result has no id, which Zendesk's schema cannot express
     * (see {@code jobstatus.JobResult}); the lists are checked against the OAS with jobs of known
     * content in {@code BulkJobsIntegrationTests$Statuses}.
     */
    @Test
    void shouldPageJobStatusesInBothPaginationStylesAndAnswerUnknownIds() {
        String auth = ownerAuth();
        Response cursor = api.get("/api/v2/job_statuses.json?page%5Bsize%5D=100", auth);
        assertThat(cursor.status()).as(cursor.body()).isEqualTo(200);
        assertThat(cursor.json().path("job_statuses").isArray()).isTrue();
        assertThat(cursor.json().at("/meta/has_more").isBoolean()).isTrue();
        Response offset = api.get("/api/v2/job_statuses", auth);
        assertThat(offset.status()).as(offset.body()).isEqualTo(200);
        assertThat(offset.json().path("count").asLong())
                .isEqualTo(offset.json().path("job_statuses").size());
        JsonNode many = conforming(
                api.get("/api/v2/job_statuses/show_many?ids=8b726e606741012ffc2d782bcb7848fe", auth),
                "/api/v2/job_statuses/show_many",
                200);
        assertThat(many.path("job_statuses")).isEmpty();
        Response missing = api.get("/api/v2/job_statuses/8b726e606741012ffc2d782bcb7848fe", auth);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        assertThat(api.get("/api/v2/job_statuses/show_many", auth).status()).isEqualTo(400);
    }

    @Test
    void shouldListOneSupportAddressPerBrandWithTheDefaultBrandsAsDefault() {
        String auth = ownerAuth();
        Response brand = api.send("POST", "/api/v2/brands", auth, """
                {"brand":{"name":"Addresses","subdomain":"addresses-%d"}}""".formatted(System.nanoTime()));
        assertThat(brand.status()).as(brand.body()).isEqualTo(201);
        long brandId = brand.json().at("/brand/id").asLong();
        JsonNode list = conforming(
                api.get("/api/v2/recipient_addresses.json?page%5Bsize%5D=100", auth),
                "/api/v2/recipient_addresses",
                200);
        long defaults = 0;
        for (JsonNode address : list.path("recipient_addresses")) {
            defaults += address.path("default").asBoolean() ? 1 : 0;
        }
        assertThat(defaults).isEqualTo(1);
        JsonNode shown = conforming(
                        api.get("/api/v2/recipient_addresses/" + brandId, auth),
                        "/api/v2/recipient_addresses/{support_address_id}",
                        200)
                .path("recipient_address");
        assertThat(shown.path("email").asString())
                .isEqualTo("support@" + brand.json().at("/brand/subdomain").asString() + ".deskbridge.local");
        assertThat(shown.path("brand_id").asLong()).isEqualTo(brandId);
        assertThat(shown.path("default").asBoolean()).isFalse();
        assertThat(shown.path("forwarding_status").asString()).isEqualTo("unknown");
        assertThat(api.get("/api/v2/recipient_addresses/999999999", auth).status())
                .isEqualTo(404);
    }

    @Test
    void shouldListNoSharingAgreementsAndNoTargetsInOffsetStyle() {
        String auth = ownerAuth();
        for (String list : List.of("sharing_agreements", "targets")) {
            JsonNode body = conforming(api.get("/api/v2/" + list + ".json", auth), "/api/v2/" + list, 200);
            assertThat(body.path(list)).as(list).isEmpty();
            assertThat(body.path("next_page").isNull()).as(list).isTrue();
            assertThat(body.path("count").asLong()).as(list).isZero();
            Response missing = api.get("/api/v2/" + list + "/12345", auth);
            assertThat(missing.status()).as(list).isEqualTo(404);
            assertThat(missing.json().path("error").asString()).isEqualTo("RecordNotFound");
        }
    }

    @Test
    void shouldRefuseTalkAsAnAccountWithoutTalkDoes() {
        String auth = ownerAuth();
        for (String path : List.of(
                "/api/v2/channels/voice/phone_numbers.json",
                "/api/v2/channels/voice/phone_numbers/1",
                "/api/v2/channels/voice/greetings")) {
            Response refused = api.get(path, auth);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.body()).as(path).isEqualTo(RESTRICTED);
        }
    }
}

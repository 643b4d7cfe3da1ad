package io.deskbridge.desk.brand;

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
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Brands as Airbyte's brands stream (cursor, links.next) and dlt read them; admins manage them. */
class BrandApiIntegrationTests extends DeskIntegrationTest {

    private static final String INVALID =
            "{\"error\":\"RecordInvalid\",\"description\":\"Record validation errors\"," + "\"details\":";

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private String auth;
    private long secondId;

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (secondId == 0) {
            secondId = create("second-" + suffix).at("/brand/id").asLong();
        }
    }

    private JsonNode create(String subdomain) {
        Response response = api.send(
                "POST",
                "/api/v2/brands",
                auth,
                "{\"brand\":{\"name\":\"Brand " + subdomain + "\",\"subdomain\":\"" + subdomain + "\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(oas.violations("BrandResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        return response.json();
    }

    private long defaultBrandId() {
        for (JsonNode brand :
                api.get("/api/v2/brands?per_page=100", auth).json().path("brands")) {
            if (brand.path("default").asBoolean()) {
                return brand.path("id").asLong();
            }
        }
        throw new AssertionError("no default brand");
    }

    @Nested
    class Reading {

        @Test
        void shouldListTheDefaultBrandCreatedByTheMigration() {
            Response response = api.get("/api/v2/brands.json", auth);
            assertThat(response.status()).isEqualTo(200);
            assertThat(oas.violations("BrandsResponse", OpenApiSchemas.parse(response.body())))
                    .isEmpty();
            long defaults = 0;
            for (JsonNode brand : response.json().path("brands")) {
                if (brand.path("default").asBoolean()) {
                    defaults++;
                }
            }
            assertThat(defaults).isEqualTo(1);
            assertThat(response.json().path("count").asLong()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void shouldWalkBrandsWithACursorAsAirbyteDoes() {
            List<Long> ids = new ArrayList<>();
            String next = "/api/v2/brands?page[size]=1";
            while (next != null) {
                Response page = api.get(next, auth);
                assertThat(page.status()).isEqualTo(200);
                JsonNode body = page.json();
                body.path("brands").forEach(b -> ids.add(b.path("id").asLong()));
                next = body.at("/meta/has_more").asBoolean()
                        ? body.at("/links/next").asString().substring(baseUrl().length())
                        : null;
            }
            assertThat(ids).contains(secondId).isSorted().doesNotHaveDuplicates();
        }

        @Test
        void shouldShowOneBrandToAnAgent() {
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            Response response = api.get("/api/v2/brands/" + secondId, agentAuth);
            assertThat(response.status()).isEqualTo(200);
            JsonNode brand = response.json().path("brand");
            assertThat(brand.path("subdomain").asString()).isEqualTo("second-" + suffix);
            assertThat(brand.path("brand_url").asString()).isEqualTo("https://second-" + suffix + ".deskbridge.local");
            assertThat(brand.path("default").asBoolean()).isFalse();
            assertThat(brand.has("host_mapping")).isFalse();

            Response refused = api.send(
                    "POST",
                    "/api/v2/brands",
                    agentAuth,
                    "{\"brand\":{\"name\":\"X\",\"subdomain\":\"x-" + suffix + "\"}}");
            assertThat(refused.status()).isEqualTo(403);
        }
    }

    @Nested
    class Writing {

        @Test
        void shouldUpdateAndDeleteABrand() {
            long id = create("upd-" + suffix).at("/brand/id").asLong();
            Response updated = api.send(
                    "PUT",
                    "/api/v2/brands/" + id + ".json",
                    auth,
                    "{\"brand\":{\"name\":\"Renamed\",\"host_mapping\":\"help.example.com\",\"active\":false}}");
            assertThat(updated.status()).isEqualTo(200);
            assertThat(oas.violations("BrandResponse", OpenApiSchemas.parse(updated.body())))
                    .isEmpty();
            assertThat(updated.json().at("/brand/name").asString()).isEqualTo("Renamed");
            assertThat(updated.json().at("/brand/host_mapping").asString()).isEqualTo("help.example.com");
            assertThat(updated.json().at("/brand/active").asBoolean()).isFalse();
            assertThat(api.send("DELETE", "/api/v2/brands/" + id, auth, null).status())
                    .isEqualTo(204);
            assertThat(api.get("/api/v2/brands/" + id, auth).status()).isEqualTo(404);
        }

        @Test
        void shouldMoveTheDefaultAndRefuseToDeleteTheDefaultBrand() {
            long before = defaultBrandId();
            long id = create("def-" + suffix).at("/brand/id").asLong();
            Response moved = api.send("PUT", "/api/v2/brands/" + id, auth, "{\"brand\":{\"default\":true}}");
            assertThat(moved.json().at("/brand/default").asBoolean()).isTrue();
            assertThat(api.get("/api/v2/brands/" + before, auth)
                            .json()
                            .at("/brand/default")
                            .asBoolean())
                    .isFalse();

            Response refused = api.send("DELETE", "/api/v2/brands/" + id, auth, null);
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .isEqualTo(INVALID + "{\"base\":[{\"description\":\"The default brand cannot be deleted; make"
                            + " another brand the default first\",\"error\":\"InvalidValue\"}]}}");
            Response deactivate = api.send("PUT", "/api/v2/brands/" + id, auth, "{\"brand\":{\"active\":false}}");
            assertThat(deactivate.status()).isEqualTo(422);

            api.send("PUT", "/api/v2/brands/" + before, auth, "{\"brand\":{\"default\":true}}");
            assertThat(defaultBrandId()).isEqualTo(before);
        }

        @Test
        void shouldRefuseATakenSubdomain() {
            Response response = api.send(
                    "POST",
                    "/api/v2/brands",
                    auth,
                    "{\"brand\":{\"name\":\"Again\",\"subdomain\":\"Second-" + suffix + "\"}}");
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body())
                    .isEqualTo(INVALID + "{\"subdomain\":[{\"description\":\"Subdomain: second-" + suffix
                            + " has already been taken\",\"error\":\"DuplicateValue\"}]}}");
        }

        @Test
        void shouldRefuseAnInvalidSubdomainAndAMissingName() {
            Response bad = api.send(
                    "POST", "/api/v2/brands", auth, "{\"brand\":{\"name\":\"Bad\",\"subdomain\":\"no_underscores\"}}");
            assertThat(bad.status()).isEqualTo(422);
            assertThat(bad.json().at("/details/subdomain/0/description").asString())
                    .isEqualTo("Subdomain: may only contain letters, digits and inner hyphens, at most 63 characters");
            Response nameless =
                    api.send("POST", "/api/v2/brands", auth, "{\"brand\":{\"subdomain\":\"nameless-" + suffix + "\"}}");
            assertThat(nameless.json().at("/details/name/0/error").asString()).isEqualTo("BlankValue");
        }
    }
}

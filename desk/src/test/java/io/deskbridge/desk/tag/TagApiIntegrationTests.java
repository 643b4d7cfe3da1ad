package io.deskbridge.desk.tag;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The tag cloud as Airbyte's {@code tags} stream (its connection check) and n8n's picker read it.
 * desk is shared with other test classes, so the assertions look at this class's own tags (a unique
 * prefix) inside the whole list.
 */
class TagApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String prefix = "tg" + UUID.randomUUID().toString().substring(0, 8);
    private String auth;
    private boolean seeded;

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (seeded) {
            return;
        }
        ticket(List.of(prefix + "-alpha", prefix + "-beta"));
        ticket(List.of(prefix + "-alpha"));
        long doomed = ticket(List.of(prefix + "-alpha", prefix + "-gamma"));
        assertThat(api.send("DELETE", "/api/v2/tickets/" + doomed, auth, null).status())
                .isEqualTo(204);
        seeded = true;
    }

    private long ticket(List<String> tags) {
        Response created = api.send(
                "POST",
                "/api/v2/tickets",
                auth,
                DeskClient.json(Map.of(
                        "ticket", Map.of("subject", "Tagged", "comment", Map.of("body", "Hello"), "tags", tags))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().at("/ticket/id").asLong();
    }

    private Map<String, Long> mine(JsonNode tags) {
        Map<String, Long> mine = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            if (tag.path("name").asString().startsWith(prefix)) {
                mine.put(tag.path("name").asString(), tag.path("count").asLong());
            }
        }
        return mine;
    }

    @Nested
    class CursorPagination {

        @Test
        void shouldWalkEveryTagMostUsedFirstFollowingLinksNextAsAirbyteDoes() {
            List<JsonNode> all = new ArrayList<>();
            String next = "/api/v2/tags?page[size]=1";
            int pages = 0;
            while (next != null) {
                Response page = api.get(next, auth);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(oas.violations("TagsResponse", OpenApiSchemas.parse(page.body())))
                        .isEmpty();
                JsonNode body = page.json();
                body.path("tags").forEach(all::add);
                boolean hasMore = body.at("/meta/has_more").asBoolean();
                assertThat(body.at("/links/next").isNull()).isEqualTo(!hasMore);
                next = hasMore
                        ? body.at("/links/next").asString().substring(baseUrl().length())
                        : null;
                pages++;
            }
            assertThat(pages).isGreaterThanOrEqualTo(2);
            Map<String, Long> mine = new LinkedHashMap<>();
            for (JsonNode tag : all) {
                if (tag.path("name").asString().startsWith(prefix)) {
                    mine.put(tag.path("name").asString(), tag.path("count").asLong());
                }
            }
            assertThat(mine).containsExactly(Map.entry(prefix + "-alpha", 2L), Map.entry(prefix + "-beta", 1L));
            List<Long> counts = all.stream().map(t -> t.path("count").asLong()).toList();
            assertThat(counts).isSortedAccordingTo((a, b) -> Long.compare(b, a));
            assertThat(all.stream()
                            .map(t -> t.path("name").asString())
                            .distinct()
                            .count())
                    .isEqualTo(all.size());
        }

        @Test
        void shouldWalkBackWithPageBefore() {
            JsonNode first = api.get("/api/v2/tags?page[size]=1", auth).json();
            JsonNode second = api.get(
                            "/api/v2/tags?page[size]=1&page[after]="
                                    + first.at("/meta/after_cursor").asString(),
                            auth)
                    .json();
            JsonNode back = api.get(
                            "/api/v2/tags?page[size]=1&page[before]="
                                    + second.at("/meta/before_cursor").asString(),
                            auth)
                    .json();
            assertThat(back.path("tags")).isEqualTo(first.path("tags"));
            assertThat(second.at("/links/prev").asString()).contains("page%5Bbefore%5D=");
        }

        @Test
        void shouldRefuseACursorMadeForAnotherList() {
            Response response = api.get("/api/v2/tags?page[after]=bm90LWEtY3Vyc29y.AAAA", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidCursor\",\"title\":"
                            + "\"The cursor is invalid, expired, or was made for another list\"}]}");
        }
    }

    @Nested
    class OffsetPagination {

        @Test
        void shouldCountDistinctTagsAndLinkTheNextPage() {
            long total = api.get("/api/v2/tags/count.json", auth)
                    .json()
                    .at("/count/value")
                    .asLong();
            Response page = api.get("/api/v2/tags.json?per_page=1", auth);
            assertThat(page.status()).isEqualTo(200);
            assertThat(oas.violations("TagsResponse", OpenApiSchemas.parse(page.body())))
                    .isEmpty();
            JsonNode body = page.json();
            assertThat(body.path("count").asLong()).isEqualTo(total).isGreaterThanOrEqualTo(2);
            assertThat(body.path("tags")).hasSize(1);
            assertThat(body.path("next_page").asString()).isEqualTo(baseUrl() + "/api/v2/tags.json?per_page=1&page=2");
            assertThat(body.path("previous_page").isNull()).isTrue();
        }

        @Test
        void shouldAnswerTheCountInZendeskShape() {
            Response count = api.get("/api/v2/tags/count", auth);
            assertThat(count.status()).isEqualTo(200);
            assertThat(oas.violations("TagCountResponse", OpenApiSchemas.parse(count.body())))
                    .isEmpty();
            assertThat(count.json().at("/count/refreshed_at").asString()).isNotBlank();
        }
    }

    @Nested
    class Autocomplete {

        @Test
        void shouldListTagsStartingWithTheFragment() {
            Response response = api.get("/api/v2/autocomplete/tags.json?name=" + prefix + "-a", auth);
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"tags\":[\"" + prefix + "-alpha\"]}");
            assertThat(oas.violations("TagsByObjectIdResponse", OpenApiSchemas.parse(response.body())))
                    .isEmpty();
        }

        @Test
        void shouldTreatLikeWildcardsLiterally() {
            Response response = api.get("/api/v2/autocomplete/tags?name=" + prefix + "_%25", auth);
            assertThat(response.body()).isEqualTo("{\"tags\":[]}");
        }

        @Test
        void shouldRefuseAFragmentShorterThanTwoCharacters() {
            Response response = api.get("/api/v2/autocomplete/tags?name=a", auth);
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body())
                    .isEqualTo("{\"errors\":[{\"code\":\"InvalidParameter\","
                            + "\"title\":\"name must have at least 2 characters (got \\\"a\\\")\"}]}");
        }
    }

    @Nested
    class Roles {

        @Test
        void shouldLetAgentsReadTags() {
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            Response response = api.get("/api/v2/tags?per_page=100", agentAuth);
            assertThat(response.status()).isEqualTo(200);
        }

        @Test
        void shouldRefuseEndUsers() {
            UserAccount endUser = newUser(Role.END_USER);
            String endUserAuth = DeskClient.tokenAuth(
                    endUser.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            Response response = api.get("/api/v2/tags", endUserAuth);
            assertThat(response.status()).isEqualTo(403);
        }
    }
}

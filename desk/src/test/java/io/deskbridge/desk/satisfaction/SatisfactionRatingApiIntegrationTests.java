package io.deskbridge.desk.satisfaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import io.deskbridge.desk.user.Role;
import io.deskbridge.desk.user.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Satisfaction ratings over real HTTP: a requester rates their solved ticket, agents read the ratings
 * (list with Zendesk's filters, both pagination styles, show, count) and every ticket shows its
 * {@code satisfaction_rating}. Responses are checked against Zendesk's official OAS schemas.
 */
class SatisfactionRatingApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String word = UUID.randomUUID().toString().substring(0, 8);

    private String auth;
    private String anyUserToken;
    private Fixture fixture;

    private record Fixture(
            UserAccount requester,
            UserAccount agent,
            long groupId,
            long goodTicket,
            long badTicket,
            long openTicket,
            long reopenedTicket,
            long goodRating,
            long badRating) {}

    @BeforeEach
    void seedOnce() {
        auth = ownerAuth();
        if (fixture == null) {
            anyUserToken = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER);
            fixture = createFixture();
        }
    }

    private Fixture createFixture() {
        UserAccount requester = newUser(Role.END_USER);
        UserAccount agent = newUser(Role.AGENT);
        long groupId = created("/api/v2/groups", "{\"group\":{\"name\":\"CSAT " + word + "\"}}")
                .at("/group/id")
                .asLong();
        created(
                "/api/v2/group_memberships",
                "{\"group_membership\":{\"user_id\":" + agent.id() + ",\"group_id\":" + groupId + "}}");
        long good = ticket(requester, agent, groupId, "solved");
        long bad = ticket(requester, agent, groupId, "solved");
        long open = ticket(requester, agent, groupId, "open");
        long reopened = ticket(requester, agent, groupId, "solved");
        update(reopened, "open");
        Response goodRating = rate(requester, good, "{\"score\":\"good\",\"comment\":\"Great help " + word + "\"}");
        assertThat(goodRating.status()).as(goodRating.body()).isEqualTo(200);
        Response badRating = rate(requester, bad, "{\"score\":\"bad\",\"reason_code\":5}");
        assertThat(badRating.status()).as(badRating.body()).isEqualTo(200);
        return new Fixture(
                requester,
                agent,
                groupId,
                good,
                bad,
                open,
                reopened,
                goodRating.json().at("/satisfaction_rating/id").asLong(),
                badRating.json().at("/satisfaction_rating/id").asLong());
    }

    private JsonNode created(String path, String body) {
        Response response = api.send("POST", path, auth, body);
        assertThat(response.status()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return response.json();
    }

    private long ticket(UserAccount requester, UserAccount agent, long groupId, String status) {
        long id = created(
                        "/api/v2/tickets",
                        "{\"ticket\":{\"subject\":\"CSAT " + word + "\",\"comment\":{\"body\":\"Help\"},"
                                + "\"requester_id\":" + requester.id() + ",\"assignee_id\":" + agent.id()
                                + ",\"group_id\":" + groupId + "}}")
                .at("/ticket/id")
                .asLong();
        update(id, status);
        return id;
    }

    private void update(long ticket, String status) {
        Response response =
                api.send("PUT", "/api/v2/tickets/" + ticket, auth, "{\"ticket\":{\"status\":\"" + status + "\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    private String as(UserAccount user) {
        return DeskClient.tokenAuth(user.email(), anyUserToken);
    }

    private Response rate(UserAccount user, long ticket, String rating) {
        return api.send(
                "POST",
                "/api/v2/tickets/" + ticket + "/satisfaction_rating",
                as(user),
                "{\"satisfaction_rating\":" + rating + "}");
    }

    private List<String> violations(String schema, Response response) {
        return oas.violations(schema, OpenApiSchemas.parse(response.body()));
    }

    private List<Long> ids(JsonNode body) {
        List<Long> ids = new ArrayList<>();
        body.path("satisfaction_ratings").forEach(r -> ids.add(r.path("id").asLong()));
        return ids;
    }

    @Nested
    class Rating {

        @Test
        void shouldAnswerTheRatingWithTheTicketsAssigneeAndGroupAtTheTimeOfRating() {
            Response response = api.get("/api/v2/satisfaction_ratings/" + fixture.goodRating(), auth);

            assertThat(response.status()).isEqualTo(200);
            JsonNode rating = response.json().path("satisfaction_rating");
            assertThat(rating.path("score").asString()).isEqualTo("good");
            assertThat(rating.path("comment").asString()).isEqualTo("Great help " + word);
            assertThat(rating.path("ticket_id").asLong()).isEqualTo(fixture.goodTicket());
            assertThat(rating.path("requester_id").asLong())
                    .isEqualTo(fixture.requester().id());
            assertThat(rating.path("assignee_id").asLong())
                    .isEqualTo(fixture.agent().id());
            assertThat(rating.path("group_id").asLong()).isEqualTo(fixture.groupId());
            assertThat(rating.path("url").asString())
                    .isEqualTo(baseUrl() + "/api/v2/satisfaction_ratings/" + fixture.goodRating() + ".json");
            assertThat(rating.has("reason")).isFalse();
            assertThat(rating.has("reason_code")).isFalse();
            assertThat(oas.violations("SatisfactionRatingObject", OpenApiSchemas.parse(rating.toString())))
                    .isEmpty();
        }

        @Test
        void shouldShowABadRatingsReasonAndNoComment() {
            JsonNode rating = api.get("/api/v2/satisfaction_ratings/" + fixture.badRating(), auth)
                    .json()
                    .path("satisfaction_rating");

            assertThat(rating.path("score").asString()).isEqualTo("bad");
            assertThat(rating.path("reason").asString()).isEqualTo("The issue took too long to resolve");
            assertThat(rating.path("reason_id").asLong()).isEqualTo(5);
            assertThat(rating.has("comment")).isFalse();
        }

        @Test
        void shouldShowTheRatingOnTheTicketAndUnofferedOnAnUnratedOne() {
            Response rated = api.get("/api/v2/tickets/" + fixture.goodTicket(), auth);
            Response unrated = api.get("/api/v2/tickets/" + fixture.openTicket(), auth);

            assertThat(rated.json().at("/ticket/satisfaction_rating").toString())
                    .isEqualTo("{\"id\":" + fixture.goodRating() + ",\"score\":\"good\",\"comment\":\"Great help "
                            + word + "\"}");
            assertThat(unrated.json().at("/ticket/satisfaction_rating").toString())
                    .isEqualTo("{\"score\":\"unoffered\"}");
        }

        @Test
        void shouldLetTheRequesterRateATicketSolvedBeforeAndReopenedAndReplaceTheRatingWhenRatedAgain() {
            Response first = rate(fixture.requester(), fixture.reopenedTicket(), "{\"score\":\"good\"}");
            assertThat(first.status()).as(first.body()).isEqualTo(200);
            Response second = rate(
                    fixture.requester(), fixture.reopenedTicket(), "{\"score\":\"bad\",\"comment\":\"Came back\"}");

            assertThat(second.status()).as(second.body()).isEqualTo(200);
            JsonNode before = first.json().path("satisfaction_rating");
            JsonNode after = second.json().path("satisfaction_rating");
            assertThat(after.path("id").asLong()).isEqualTo(before.path("id").asLong());
            assertThat(after.path("score").asString()).isEqualTo("bad");
            assertThat(after.path("created_at").asString())
                    .isEqualTo(before.path("created_at").asString());
            assertThat(jdbc.sql("SELECT COUNT(*) FROM satisfaction_ratings WHERE ticket_id = :t")
                            .param("t", fixture.reopenedTicket())
                            .query(Long.class)
                            .single())
                    .isEqualTo(1L);
        }

        @Test
        void shouldRefuseAnAgentWith403() {
            Response response = rate(fixture.agent(), fixture.goodTicket(), "{\"score\":\"good\"}");

            assertThat(response.status()).isEqualTo(403);
            assertThat(response.json().at("/error/title").asString()).isEqualTo("Forbidden");
        }

        @Test
        void shouldHideTheTicketFromAnotherEndUser() {
            Response response = rate(newUser(Role.END_USER), fixture.goodTicket(), "{\"score\":\"bad\"}");

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.json().path("error").asString()).isEqualTo("RecordNotFound");
            assertThat(api.get("/api/v2/satisfaction_ratings/" + fixture.goodRating(), auth)
                            .json()
                            .at("/satisfaction_rating/score")
                            .asString())
                    .isEqualTo("good");
        }

        @Test
        void shouldRefuseATicketThatWasNeverSolved() {
            Response response = rate(fixture.requester(), fixture.openTicket(), "{\"score\":\"good\"}");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().path("error").asString()).isEqualTo("RecordInvalid");
            assertThat(response.json().at("/details/base/0/description").asString())
                    .isEqualTo("Ticket " + fixture.openTicket()
                            + " cannot be rated: only a solved ticket (or one solved before) can be rated (status is"
                            + " open)");
        }

        @Test
        void shouldRefuseScoresOtherThanGoodOrBad() {
            Response response = rate(fixture.requester(), fixture.goodTicket(), "{\"score\":\"offered\"}");

            assertThat(response.status()).isEqualTo(422);
            assertThat(response.json().at("/details/score/0/description").asString())
                    .isEqualTo("Score: must be good or bad when rating a ticket (got \"offered\")");
        }

        @Test
        void shouldRefuseAReasonOnAGoodRatingAndAnUnknownReason() {
            Response onGood = rate(fixture.requester(), fixture.goodTicket(), "{\"score\":\"good\",\"reason_code\":5}");
            Response unknown =
                    rate(fixture.requester(), fixture.goodTicket(), "{\"score\":\"bad\",\"reason_code\":42}");

            assertThat(onGood.status()).isEqualTo(422);
            assertThat(onGood.json().at("/details/reason_code/0/description").asString())
                    .isEqualTo("Reason code: can only be set on a bad rating");
            assertThat(unknown.status()).isEqualTo(422);
            assertThat(unknown.json().at("/details/reason_code/0/description").asString())
                    .isEqualTo("Reason code: 42 is not a reason (one of 0, 5, 6, 7, 8, 100)");
            assertThat(api.get("/api/v2/satisfaction_ratings/" + fixture.goodRating(), auth)
                            .json()
                            .at("/satisfaction_rating/score")
                            .asString())
                    .isEqualTo("good");
        }

        @Test
        void shouldRefuseABodyWithoutTheEnvelope() {
            Response response = api.send(
                    "POST",
                    "/api/v2/tickets/" + fixture.goodTicket() + "/satisfaction_rating",
                    as(fixture.requester()),
                    "{\"score\":\"good\"}");

            assertThat(response.status()).isEqualTo(400);
        }
    }

    @Nested
    class Reading {

        @Test
        void shouldListRatingsForAnAgentInZendesksShape() {
            Response response = api.get("/api/v2/satisfaction_ratings?per_page=100", as(fixture.agent()));

            assertThat(response.status()).isEqualTo(200);
            assertThat(violations("SatisfactionRatingsResponse", response)).isEmpty();
            assertThat(ids(response.json())).contains(fixture.goodRating(), fixture.badRating());
            assertThat(response.json().path("count").asLong()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void shouldRefuseEndUsers() {
            Response response = api.get("/api/v2/satisfaction_ratings", as(fixture.requester()));

            assertThat(response.status()).isEqualTo(403);
        }

        @Test
        void shouldFilterByScoreAndComment() {
            List<Long> bad = ids(api.get("/api/v2/satisfaction_ratings?per_page=100&score=bad", auth)
                    .json());
            List<Long> goodWithComment =
                    ids(api.get("/api/v2/satisfaction_ratings?per_page=100&score=good_with_comment", auth)
                            .json());
            List<Long> goodWithoutComment =
                    ids(api.get("/api/v2/satisfaction_ratings?per_page=100&score=good_without_comment", auth)
                            .json());
            Response offered = api.get("/api/v2/satisfaction_ratings?score=offered", auth);

            assertThat(bad).contains(fixture.badRating()).doesNotContain(fixture.goodRating());
            assertThat(goodWithComment).contains(fixture.goodRating()).doesNotContain(fixture.badRating());
            assertThat(goodWithoutComment).doesNotContain(fixture.goodRating(), fixture.badRating());
            assertThat(offered.status()).isEqualTo(200);
            assertThat(ids(offered.json())).isEmpty();
        }

        @Test
        void shouldRefuseAnUnknownScoreFilter() {
            Response response = api.get("/api/v2/satisfaction_ratings?score=great", auth);

            assertThat(response.status()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/title").asString())
                    .isEqualTo("score must be one of offered, unoffered, received, received_with_comment,"
                            + " received_without_comment, good, good_with_comment, good_without_comment, bad,"
                            + " bad_with_comment, bad_without_comment (got \"great\")");
        }

        @Test
        void shouldFilterOnTheTimeOfRating() {
            long ratedAt = Instant.parse(api.get("/api/v2/satisfaction_ratings/" + fixture.goodRating(), auth)
                            .json()
                            .at("/satisfaction_rating/created_at")
                            .asString())
                    .getEpochSecond();

            assertThat(ids(api.get("/api/v2/satisfaction_ratings?per_page=100&start_time=" + ratedAt, auth)
                            .json()))
                    .contains(fixture.goodRating());
            assertThat(ids(api.get("/api/v2/satisfaction_ratings?per_page=100&start_time=" + (ratedAt + 1) + ".0", auth)
                            .json()))
                    .doesNotContain(fixture.goodRating());
            assertThat(ids(api.get("/api/v2/satisfaction_ratings?per_page=100&end_time=" + (ratedAt - 1), auth)
                            .json()))
                    .doesNotContain(fixture.goodRating());
            assertThat(api.get("/api/v2/satisfaction_ratings?start_time=yesterday", auth)
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void shouldWalkACursorSortedByCreationAsAirbyteDoes() {
            List<Long> seen = new ArrayList<>();
            String next = "/api/v2/satisfaction_ratings?start_time=0&sort=created_at&page[size]=1";
            int pages = 0;
            while (next != null) {
                Response page = api.get(next, auth);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(violations("SatisfactionRatingsResponse", page)).isEmpty();
                seen.addAll(ids(page.json()));
                pages++;
                next = page.json().at("/meta/has_more").asBoolean()
                        ? page.json()
                                .at("/links/next")
                                .asString()
                                .substring(baseUrl().length())
                        : null;
            }

            assertThat(seen).contains(fixture.goodRating(), fixture.badRating()).doesNotHaveDuplicates();
            assertThat(pages).isEqualTo(seen.size());
        }

        @Test
        void shouldCountRatings() {
            Response response = api.get("/api/v2/satisfaction_ratings/count", auth);

            assertThat(response.status()).isEqualTo(200);
            assertThat(violations("SatisfactionRatingsCountResponse", response)).isEmpty();
            assertThat(response.json().at("/count/value").asLong()).isGreaterThanOrEqualTo(2);
        }

        @Test
        void shouldAnswerZendesksNotFoundForAnUnknownRating() {
            Response missing = api.get("/api/v2/satisfaction_ratings/999999999", auth);
            Response notANumber = api.get("/api/v2/satisfaction_ratings/abc", auth);

            assertThat(missing.status()).isEqualTo(404);
            assertThat(missing.json().path("error").asString()).isEqualTo("RecordNotFound");
            assertThat(notANumber.status()).isEqualTo(400);
        }
    }
}

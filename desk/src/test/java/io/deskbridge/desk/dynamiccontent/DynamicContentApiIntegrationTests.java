package io.deskbridge.desk.dynamiccontent;

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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Dynamic content items and variants as dlt's dynamic_content resource reads them and admins manage them. */
class DynamicContentApiIntegrationTests extends DeskIntegrationTest {

    private static final String ITEMS = "/api/v2/dynamic_content/items";

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private final String suffix = UUID.randomUUID().toString().substring(0, 8);

    private JsonNode conforming(Response response, String oasPath, String method, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        String schema = oas.responseSchema(oasPath, method, status);
        assertThat(oas.violations(schema, OpenApiSchemas.parse(response.body())))
                .as("%s %s against %s: %s", method, oasPath, schema, response.body())
                .isEmpty();
        return response.json();
    }

    private JsonNode createItem(String auth, String name) {
        Response created = api.send("POST", ITEMS, auth, """
                {"item":{"name":"%s","default_locale_id":1,"variants":[
                  {"locale_id":1,"default":true,"content":"Thanks for writing"},
                  {"locale_id":16,"content":"Merci de nous avoir écrit"}]}}""".formatted(name));
        return conforming(created, ITEMS, "POST", 201).path("item");
    }

    @Nested
    class Items {

        @Test
        void shouldCreateAnItemWithItsVariantsAndAPlaceholderDerivedFromTheName() {
            JsonNode item = createItem(ownerAuth(), "Thank You " + suffix);
            assertThat(item.path("placeholder").asString()).isEqualTo("{{dc.thank_you_" + suffix + "}}");
            assertThat(item.path("default_locale_id").asLong()).isEqualTo(1);
            assertThat(item.path("outdated").asBoolean()).isFalse();
            List<String> variants = new ArrayList<>();
            item.path("variants")
                    .forEach(v -> variants.add(v.path("locale_id").asLong() + ":"
                            + v.path("default").asBoolean() + ":"
                            + v.path("content").asString()));
            assertThat(variants).containsExactly("1:true:Thanks for writing", "16:false:Merci de nous avoir écrit");
            Response shown = api.get(ITEMS + "/" + item.path("id").asLong() + ".json", ownerAuth());
            assertThat(conforming(shown, ITEMS + "/{dynamic_content_item_id}", "GET", 200)
                            .at("/item/name")
                            .asString())
                    .isEqualTo("Thank You " + suffix);
        }

        @Test
        void shouldWalkTheItemsWithACursorAsDltDoes() {
            String auth = ownerAuth();
            long first = createItem(auth, "Walk one " + suffix).path("id").asLong();
            long second = createItem(auth, "Walk two " + suffix).path("id").asLong();
            List<Long> ids = new ArrayList<>();
            String next = ITEMS + ".json?page%5Bsize%5D=1";
            int pagesRead = 0;
            while (next != null) {
                JsonNode body = conforming(api.get(next, auth), ITEMS, "GET", 200);
                pagesRead++;
                body.path("items").forEach(i -> ids.add(i.path("id").asLong()));
                next = body.at("/meta/has_more").asBoolean()
                        ? body.at("/links/next").asString().substring(baseUrl().length())
                        : null;
            }
            assertThat(ids).contains(first, second).isSorted().doesNotHaveDuplicates();
            assertThat(pagesRead).isEqualTo(ids.size());
        }

        @Test
        void shouldShowManyByPlaceholderName() {
            String auth = ownerAuth();
            createItem(auth, "Many " + suffix);
            Response many = api.get(ITEMS + "/show_many?identifiers=many_" + suffix + ",nothing_" + suffix, auth);
            JsonNode body = conforming(many, ITEMS + "/show_many", "GET", 200);
            assertThat(body.path("items")).hasSize(1);
            assertThat(body.at("/items/0/name").asString()).isEqualTo("Many " + suffix);
        }

        @Test
        void shouldRefuseAnItemWithoutAVariantInItsDefaultLocaleAndStoreNothing() {
            String auth = ownerAuth();
            Response refused = api.send("POST", ITEMS, auth, """
                    {"item":{"name":"Orphan %s","default_locale_id":1,"variants":[{"locale_id":8,"content":"Hallo"}]}}""".formatted(suffix));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body())
                    .contains("\"error\":\"RecordInvalid\"")
                    .contains("Variants: must include a variant in the default locale (locale_id 1)");
            Response many = api.get(ITEMS + "/show_many?identifiers=orphan_" + suffix, auth);
            assertThat(many.json().path("items")).isEmpty();
        }

        @Test
        void shouldRefuseASecondItemWithTheSamePlaceholder() {
            String auth = ownerAuth();
            createItem(auth, "Twin " + suffix);
            Response refused = api.send("POST", ITEMS, auth, """
                    {"item":{"name":"twin  %s!","default_locale_id":1,"variants":[{"locale_id":1,"content":"x"}]}}""".formatted(suffix));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("DuplicateValue").contains("{{dc.twin_" + suffix + "}}");
        }

        @Test
        void shouldRefuseALocaleTheAccountDoesNotHave() {
            Response refused = api.send("POST", ITEMS, ownerAuth(), """
                    {"item":{"name":"Klingon %s","default_locale_id":999,"variants":[{"locale_id":999,"content":"x"}]}}""".formatted(suffix));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("Default locale id: 999 is not one of the account's locales");
        }

        @Test
        void shouldRenameAnItemAndDeleteIt() {
            String auth = ownerAuth();
            long id = createItem(auth, "Rename " + suffix).path("id").asLong();
            Response renamed = api.send("PUT", ITEMS + "/" + id, auth, """
                    {"item":{"name":"Renamed %s"}}""".formatted(suffix));
            JsonNode item = conforming(renamed, ITEMS + "/{dynamic_content_item_id}", "PUT", 200)
                    .path("item");
            assertThat(item.path("placeholder").asString()).isEqualTo("{{dc.renamed_" + suffix + "}}");
            assertThat(api.send("DELETE", ITEMS + "/" + id, auth, null).status())
                    .isEqualTo(204);
            Response gone = api.get(ITEMS + "/" + id, auth);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
        }

        @Test
        void shouldLetAgentsReadButNotWrite() {
            long id = createItem(ownerAuth(), "Agent " + suffix).path("id").asLong();
            UserAccount agent = newUser(Role.AGENT);
            String agentAuth =
                    DeskClient.tokenAuth(agent.email(), issueToken(owner(), TokenScope.FULL, AuthenticatesAs.ANY_USER));
            assertThat(api.get(ITEMS + "/" + id, agentAuth).status()).isEqualTo(200);
            Response refused = api.send("PUT", ITEMS + "/" + id, agentAuth, "{\"item\":{\"name\":\"Mine\"}}");
            assertThat(refused.status()).isEqualTo(403);
            assertThat(api.get(ITEMS + "/" + id, agentAuth)
                            .json()
                            .at("/item/name")
                            .asString())
                    .isEqualTo("Agent " + suffix);
        }
    }

    @Nested
    class Variants {

        @Test
        void shouldAddUpdateListAndDeleteVariants() {
            String auth = ownerAuth();
            long item = createItem(auth, "Variants " + suffix).path("id").asLong();
            String variants = ITEMS + "/" + item + "/variants";
            Response added = api.send("POST", variants, auth, """
                    {"variant":{"locale_id":8,"content":"Danke","active":false}}""");
            JsonNode variant = conforming(added, ITEMS + "/{dynamic_content_item_id}/variants", "POST", 201)
                    .path("variant");
            long german = variant.path("id").asLong();
            assertThat(variant.path("active").asBoolean()).isFalse();
            assertThat(variant.path("default").asBoolean()).isFalse();

            Response duplicate = api.send("POST", variants, auth, """
                    {"variant":{"locale_id":8,"content":"Nochmal"}}""");
            assertThat(duplicate.status()).isEqualTo(422);
            assertThat(duplicate.body()).contains("already has a variant in locale 8");

            Response updated = api.send("PUT", variants + "/" + german, auth, """
                    {"variant":{"content":"Vielen Dank","default":true}}""");
            JsonNode after = conforming(
                            updated,
                            ITEMS + "/{dynamic_content_item_id}/variants/{dynamic_content_variant_id}",
                            "PUT",
                            200)
                    .path("variant");
            assertThat(after.path("content").asString()).isEqualTo("Vielen Dank");
            assertThat(after.path("default").asBoolean()).isTrue();
            assertThat(api.get(ITEMS + "/" + item, auth)
                            .json()
                            .at("/item/default_locale_id")
                            .asLong())
                    .isEqualTo(8);

            JsonNode list =
                    conforming(api.get(variants, auth), ITEMS + "/{dynamic_content_item_id}/variants", "GET", 200);
            assertThat(list.path("variants")).hasSize(3);

            Response defaultDelete = api.send("DELETE", variants + "/" + german, auth, null);
            assertThat(defaultDelete.status()).isEqualTo(422);
            assertThat(defaultDelete.body()).contains("The default variant cannot be deleted");

            long english = list.path("variants").get(0).path("id").asLong();
            assertThat(api.send("DELETE", variants + "/" + english, auth, null).status())
                    .isEqualTo(204);
            assertThat(api.get(variants + "/" + english, auth).status()).isEqualTo(404);
            assertThat(api.get(variants, auth).json().path("variants")).hasSize(2);
        }
    }
}

package io.deskbridge.desk.locale;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Locales as n8n's language picker reads them. */
class LocaleApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;

    @BeforeEach
    void adminToken() {
        auth = ownerAuth();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"/api/v2/locales", "/api/v2/locales.json", "/api/v2/locales/public", "/api/v2/locales/agent"})
    void shouldListTheLocales(String path) {
        Response response = api.get(path, auth);
        assertThat(response.status()).isEqualTo(200);
        assertThat(oas.violations("LocalesResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        assertThat(response.json().at("/locales/0").toString())
                .isEqualTo("{\"url\":\"" + baseUrl() + "/api/v2/locales/1.json\",\"id\":1,\"locale\":\"en-US\","
                        + "\"name\":\"English\",\"created_at\":\"2026-01-01T00:00:00Z\","
                        + "\"updated_at\":\"2026-01-01T00:00:00Z\"}");
        assertThat(response.json().path("locales").size()).isEqualTo(Locales.ENTRIES.size());
    }

    @Test
    void shouldAnswerTheCurrentLocale() {
        Response response = api.get("/api/v2/locales/current.json", auth);
        assertThat(response.status()).isEqualTo(200);
        assertThat(oas.violations("LocaleResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        assertThat(response.json().at("/locale/locale").asString()).isEqualTo("en-US");
    }

    @Test
    void shouldFindALocaleByIdOrByCode() {
        assertThat(api.get("/api/v2/locales/8", auth)
                        .json()
                        .at("/locale/locale")
                        .asString())
                .isEqualTo("de");
        assertThat(api.get("/api/v2/locales/PT-BR", auth)
                        .json()
                        .at("/locale/id")
                        .asLong())
                .isEqualTo(19);
    }

    @Test
    void shouldAnswerNotFoundForAnUnknownLocale() {
        Response response = api.get("/api/v2/locales/xx-yy", auth);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
    }
}

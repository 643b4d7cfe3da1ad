package io.deskbridge.desk.customrole;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.conformance.OpenApiSchemas;
import io.deskbridge.desk.support.DeskClient.Response;
import io.deskbridge.desk.support.DeskIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Custom roles as Airbyte's custom_roles stream reads them (offset, next_page). */
class CustomRoleApiIntegrationTests extends DeskIntegrationTest {

    private final OpenApiSchemas oas = OpenApiSchemas.full();
    private String auth;

    @BeforeEach
    void adminToken() {
        auth = ownerAuth();
    }

    @Test
    void shouldListZendesksStandardRolesWithAnEmptyNextPage() {
        Response response = api.get("/api/v2/custom_roles.json", auth);
        assertThat(response.status()).isEqualTo(200);
        assertThat(oas.violations("CustomRolesResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        assertThat(response.json().path("custom_roles").findValuesAsString("name"))
                .containsExactly("Staff", "Team lead", "Advisor", "Light agent", "Administrator");
        assertThat(response.json().path("next_page").isNull()).isTrue();
        assertThat(response.json().at("/custom_roles/3/role_type").asInt()).isEqualTo(1);
        assertThat(response.json()
                        .at("/custom_roles/3/configuration/light_agent")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void shouldShowOneRoleAndAnswerNotFoundForOthers() {
        Response response = api.get("/api/v2/custom_roles/5", auth);
        assertThat(response.status()).isEqualTo(200);
        assertThat(oas.violations("CustomRoleResponse", OpenApiSchemas.parse(response.body())))
                .isEmpty();
        assertThat(response.json().at("/custom_role/role_type").asInt()).isEqualTo(4);
        Response missing = api.get("/api/v2/custom_roles/6", auth);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"RecordNotFound\",\"description\":\"Not found\"}");
    }
}

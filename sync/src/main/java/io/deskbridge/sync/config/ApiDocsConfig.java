package io.deskbridge.sync.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /api/docs} (Swagger UI at {@code /api/docs/ui}): what the API is and
 * that every operation needs HTTP Basic with an operator's email and password.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static final String BASIC = "operatorBasic";

    @Bean
    OpenAPI syncOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Deskbridge sync API")
                        .version("v1")
                        .description("""
                                The integration platform's REST API: connections to Zendesk accounts, one-time \
                                credential request links, diagnostics, sync runs and their progress, synced data. \
                                JSON in snake_case, times in ISO-8601 UTC, errors in Zendesk's shapes \
                                ({"error": .., "description": ..}). Every operation needs HTTP Basic with a sync \
                                operator's email and password; credentials for Zendesk are never accepted or \
                                shown here (they arrive through a request link).""")
                        .license(new License().name("Deskbridge")))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A sync operator's email and password")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    /**
     * The API speaks snake_case ({@code spring.jackson.property-naming-strategy}), but swagger-core
     * derives schemas with its own (Jackson 2) mapper, which would name a record's {@code expiresAt}
     * {@code expiresAt}; this resolver names it {@code expires_at}, as the wire does.
     */
    @Bean
    ModelResolver snakeCaseModels() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}

package io.deskbridge.sync.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.deskbridge.sync.api.ApiError;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document at {@code /api/docs} (Swagger UI at {@code /api/docs/ui}): what the API is,
 * that every operation needs HTTP Basic with an operator's email and password, and the error answers
 * every operation can give. Summaries, tags and success statuses are on the controllers.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfig {

    static final String BASIC = "operatorBasic";

    static {
        // Open-ended values (a ticket as Zendesk sent it) are JSON objects, not Jackson's node classes.
        SpringDocUtils.getConfig().replaceWithSchema(JsonNode.class, new ObjectSchema());
    }

    @Bean
    OpenAPI syncOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Deskbridge sync API").version("v1").description("""
                                The integration platform's REST API: connections to Zendesk accounts, one-time \
                                credential request links, diagnostics, sync runs and their progress, synced data. \
                                JSON in snake_case, times in ISO-8601 UTC, errors in Zendesk's shapes \
                                ({"error": .., "description": ..}). Every operation needs HTTP Basic with a sync \
                                operator's email and password; credentials for Zendesk are never accepted or \
                                shown here (they arrive through a request link)."""))
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
     * The errors any operation can answer, in the {@link ApiError} shape: 401 everywhere, 400 where a
     * body or parameter is read, 404 where the path names a record; and that shape for the error
     * statuses the controllers declare (422) without one.
     */
    @Bean
    OpenApiCustomizer errorResponses() {
        return openApi -> {
            Map<String, Schema> errorSchemas = errorSchemas();
            errorSchemas.forEach(openApi.getComponents()::addSchemas);
            Content error = new Content()
                    .addMediaType(
                            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                            new MediaType().schema(new Schema<>().$ref("#/components/schemas/Error")));
            openApi.getPaths().forEach((path, item) -> {
                for (Operation operation : item.readOperations()) {
                    ApiResponses responses = operation.getResponses();
                    responses.putIfAbsent(
                            "401", new ApiResponse().description("No or wrong operator credentials (HTTP Basic)"));
                    if (operation.getRequestBody() != null) {
                        responses.putIfAbsent(
                                "400",
                                new ApiResponse()
                                        .description("The body is not valid JSON, or a parameter has the wrong type"));
                    } else if (operation.getParameters() != null
                            && !operation.getParameters().isEmpty()) {
                        responses.putIfAbsent("400", new ApiResponse().description("A parameter has the wrong type"));
                    }
                    if (path.contains("{id}")) {
                        responses.putIfAbsent("404", new ApiResponse().description("No such " + record(path)));
                    }
                    responses.forEach((code, response) -> {
                        if (code.startsWith("4") || code.startsWith("5")) {
                            response.setContent(error);
                        }
                    });
                    ApiResponses sorted = new ApiResponses();
                    new TreeMap<>(responses).forEach(sorted::addApiResponse);
                    operation.setResponses(sorted);
                }
            });
        };
    }

    private static String record(String path) {
        return path.startsWith("/api/runs/") ? "run" : "connection";
    }

    /** {@code Error} and {@code FieldError}, derived from the record as every other schema is. */
    @SuppressWarnings("rawtypes")
    private Map<String, Schema> errorSchemas() {
        ModelConverterContextImpl context = new ModelConverterContextImpl(snakeCaseModels());
        context.resolve(new AnnotatedType(ApiError.class));
        return context.getDefinedModels();
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

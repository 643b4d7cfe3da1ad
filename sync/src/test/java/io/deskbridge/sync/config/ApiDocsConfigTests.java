package io.deskbridge.sync.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverterContextImpl;
import io.swagger.v3.oas.models.media.Schema;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ApiDocsConfigTests {

    record RequestLinkShape(long connectionId, Instant expiresAt, String url) {}

    @Test
    void shouldNameSchemaPropertiesInSnakeCaseAsTheWireDoes() {
        ModelConverterContextImpl context = new ModelConverterContextImpl(new ApiDocsConfig().snakeCaseModels());

        Schema<?> schema = context.resolve(new AnnotatedType(RequestLinkShape.class));

        assertThat(schema.getProperties()).containsOnlyKeys("connection_id", "expires_at", "url");
    }
}

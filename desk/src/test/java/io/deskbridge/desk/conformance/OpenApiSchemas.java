package io.deskbridge.desk.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.DisallowUnknownKeywordFactory;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Zendesk's official Support API OpenAPI 3.0 schemas (the subset kept in the repository as the test
 * resource {@code zendesk-oas/support-oas-subset.yaml}; its source and date are in that folder's
 * README) as JSON Schema validators.
 *
 * <p>The whole document is registered under one made-up IRI and every schema is addressed by a
 * JSON pointer into it ({@code ...#/components/schemas/TicketObject}), so the document's own
 * {@code $ref: '#/components/schemas/X'} resolve as written. The dialect is networknt's OpenAPI 3.0
 * one ({@code nullable}, {@code example}, {@code readOnly}...), with two changes: the document-level
 * keys ({@code paths}, {@code components}...) are inert, and any other keyword it does not know fails
 * the schema's construction instead of being ignored, so no rule of the document is silently skipped.
 * Format assertions ({@code date-time}, {@code uri}, {@code email}) are on.
 *
 * <p>{@link #full()} loads the whole document ({@code zendesk-support-oas.yaml}) the same way, for the
 * resources the subset does not cover (ticket fields, tags, brands, memberships...). Its two OAS 3.0
 * violations ({@code AccessRuleCondition}, {@code UserLogin}) are only hit by a schema that references
 * them, and none of the ones desk validates does.
 */
public final class OpenApiSchemas {

    static final String FILE = "support-oas-subset.yaml";

    /** The document on the test classpath: inside the repository, so a fresh clone needs nothing beside it. */
    static final String RESOURCE = "/zendesk-oas/" + FILE;

    static final String FULL_RESOURCE = "/zendesk-oas/zendesk-support-oas.yaml";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile OpenApiSchemas instance;
    private static volatile OpenApiSchemas fullInstance;

    private final String documentIri;

    private final String source;
    private final JsonNode document;
    private final JsonSchemaFactory factory;
    private final SchemaValidatorsConfig config;
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private OpenApiSchemas(String source) {
        this.source = source;
        this.documentIri = "https://schemas.deskbridge.test/zendesk/" + source.substring(source.lastIndexOf('/') + 1);
        try (InputStream in = OpenApiSchemas.class.getResourceAsStream(source)) {
            if (in == null) {
                throw new IllegalStateException("Zendesk's OpenAPI document is not on the test classpath: " + source);
            }
            this.document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
        if (!document.path("openapi").asText().startsWith("3.0")) {
            throw new IllegalStateException(
                    source + " is not an OpenAPI 3.0 document: openapi=" + document.path("openapi"));
        }
        JsonMetaSchema dialect = JsonMetaSchema.builder(OpenApi30.getInstance())
                .unknownKeywordFactory(DisallowUnknownKeywordFactory.getInstance())
                .keywords(Stream.of("openapi", "info", "servers", "tags", "paths", "components", "security")
                        .map(NonValidationKeyword::new)
                        .toList())
                .build();
        String documentJson = toJson(document);
        this.factory = JsonSchemaFactory.getInstance(
                SpecVersion.VersionFlag.V4,
                builder -> builder.metaSchema(dialect)
                        .defaultMetaSchemaIri(dialect.getIri())
                        .schemaLoaders(loaders -> loaders.schemas(Map.of(documentIri, documentJson))));
        this.config = SchemaValidatorsConfig.builder()
                .nullableKeywordEnabled(true)
                .formatAssertionsEnabled(true)
                .build();
    }

    /** The whole official document, loaded once per JVM. */
    public static OpenApiSchemas full() {
        OpenApiSchemas loaded = fullInstance;
        if (loaded == null) {
            synchronized (OpenApiSchemas.class) {
                loaded = fullInstance;
                if (loaded == null) {
                    loaded = new OpenApiSchemas(FULL_RESOURCE);
                    fullInstance = loaded;
                }
            }
        }
        return loaded;
    }

    /** The subset document, loaded once per JVM. */
    public static OpenApiSchemas load() {
        OpenApiSchemas loaded = instance;
        if (loaded == null) {
            synchronized (OpenApiSchemas.class) {
                loaded = instance;
                if (loaded == null) {
                    loaded = new OpenApiSchemas(RESOURCE);
                    instance = loaded;
                }
            }
        }
        return loaded;
    }

    String source() {
        return source;
    }

    /** The response schema the document names for a path, method and status, e.g. "TicketResponse". */
    public String responseSchema(String path, String method, int status) {
        JsonNode ref = document.path("paths")
                .path(path)
                .path(method.toLowerCase(Locale.ROOT))
                .path("responses")
                .path(Integer.toString(status))
                .path("content")
                .path("application/json")
                .path("schema")
                .path("$ref");
        if (!ref.isTextual() || !ref.asText().startsWith("#/components/schemas/")) {
            throw new IllegalArgumentException(
                    "The document names no JSON response schema for " + method + " " + path + " " + status);
        }
        return ref.asText().substring("#/components/schemas/".length());
    }

    /**
     * Every rule of {@code #/components/schemas/{name}} that {@code instance} breaks, one line each:
     * the JSON path in the response (prefixed with {@code at}), the message and the schema rule.
     */
    public List<String> violations(String name, JsonNode instance, String at) {
        return schema(name).validate(instance).stream()
                .map(message -> describe(message, at))
                .sorted()
                .toList();
    }

    public List<String> violations(String name, JsonNode instance) {
        return violations(name, instance, "");
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + json, e);
        }
    }

    private JsonSchema schema(String name) {
        return schemas.computeIfAbsent(name, n -> {
            if (document.path("components").path("schemas").path(n).isMissingNode()) {
                throw new IllegalArgumentException("No schema #/components/schemas/" + n + " in " + source);
            }
            JsonSchema schema = factory.getSchema(SchemaLocation.of(documentIri + "#/components/schemas/" + n), config);
            schema.initializeValidators();
            return schema;
        });
    }

    private String describe(ValidationMessage message, String at) {
        String path = at + message.getInstanceLocation().toString().replaceFirst("^\\$", "");
        String rule = message.getSchemaLocation().toString().replace(documentIri, "");
        String text = message.getMessage();
        // networknt prefixes the message with the instance location; show the full path once instead.
        String location = message.getInstanceLocation().toString();
        if (text.startsWith(location + ": ")) {
            text = text.substring(location.length() + 2);
        }
        return (path.isEmpty() ? "/" : path) + ": " + text + "  [rule " + rule + "]";
    }

    private static String toJson(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

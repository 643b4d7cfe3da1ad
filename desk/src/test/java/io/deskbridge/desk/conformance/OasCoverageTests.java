package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * How much of Zendesk's official Support API desk serves: every operation (method + path) of the
 * OpenAPI document in the test resources ({@code zendesk-oas/zendesk-support-oas.yaml}, 614
 * operations) against the routes desk's controllers declare, read from their mapping annotations.
 * Path variables match whatever their names ({@code /tickets/{ticket_id}} = {@code /tickets/{id}}),
 * and a route declared with {@code .json} counts for the path without it.
 *
 * <p>The figure in the README comes from here: {@code ./mvnw -pl desk test -Dtest=OasCoverageTests}
 * prints it and writes the served and missing operations to {@code desk/target/oas-coverage.txt}. The
 * floor below is the count when it was last raised: serving fewer operations fails the build.
 */
class OasCoverageTests {

    /** Raise this when desk serves more; never lower it without saying why in the commit. */
    static final int FLOOR = 285;

    private static final String DOCUMENT = "/zendesk-oas/zendesk-support-oas.yaml";
    private static final Pattern WORD_ALTERNATIVES = Pattern.compile("\\{\\w+:([a-z_]+(?:\\|[a-z_]+)+)}");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void shouldServeAtLeastTheFloorOfZendesksOperationsAndWriteTheReport() throws IOException {
        Set<String> documented = documentedOperations();
        Set<String> routes = declaredRoutes();
        Set<String> served = new TreeSet<>(documented);
        served.retainAll(routes);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(routes);

        String summary = "OAS operations served: " + served.size() + " / " + documented.size();
        List<String> report = new ArrayList<>();
        report.add(summary);
        report.add("");
        report.add("Served:");
        served.forEach(op -> report.add("  " + op));
        report.add("");
        report.add("Not served:");
        missing.forEach(op -> report.add("  " + op));
        Path out = Path.of("target", "oas-coverage.txt");
        Files.createDirectories(out.getParent());
        Files.write(out, report, StandardCharsets.UTF_8);
        System.out.println(summary + " (list in " + out.toAbsolutePath() + ")");

        assertThat(documented).as("operations in Zendesk's document").hasSize(614);
        assertThat(served.size()).as(summary).isGreaterThanOrEqualTo(FLOOR);
    }

    @Test
    void shouldMatchPathVariablesWhateverTheirNamesAndIgnoreTheJsonSuffix() {
        assertThat(normalise("/api/v2/tickets/{ticket_id}/comments.json"))
                .isEqualTo(normalise("/api/v2/tickets/{id}/comments"));
        assertThat(normalise("/api/v2/tickets/{id:[0-9]+}")).isEqualTo("/api/v2/tickets/{}");
        assertThat(normalise("/api/v2/tickets/count")).isNotEqualTo(normalise("/api/v2/tickets/{id}"));
        assertThat(expandAlternatives("/api/v2/{kind:macros|views}/{id}"))
                .containsExactly("/api/v2/macros/{id}", "/api/v2/views/{id}");
    }

    /** "GET /api/v2/tickets/{}" for every operation of the document. */
    private static Set<String> documentedOperations() throws IOException {
        JsonNode document;
        try (InputStream in = OasCoverageTests.class.getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the test classpath").isNotNull();
            document = new YAMLMapper().readTree(in);
        }
        Set<String> operations = new TreeSet<>();
        for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + normalise(path.getKey()));
                }
            });
        }
        return operations;
    }

    /** The same form for every route of every controller under io.deskbridge.desk. */
    private static Set<String> declaredRoutes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Controller.class));
        Set<String> routes = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("io.deskbridge.desk")) {
            Class<?> type = load(candidate.getBeanClassName());
            RequestMapping onType = AnnotatedElementUtils.findMergedAnnotation(type, RequestMapping.class);
            List<String> prefixes = onType == null || onType.path().length == 0 ? List.of("") : List.of(onType.path());
            for (Method method : type.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                RequestMethod[] verbs = mapping.method().length == 0 ? RequestMethod.values() : mapping.method();
                List<String> paths = mapping.path().length == 0 ? List.of("") : List.of(mapping.path());
                for (String prefix : prefixes) {
                    for (String path : paths) {
                        for (String literal : expandAlternatives(prefix + path)) {
                            for (RequestMethod verb : verbs) {
                                routes.add(verb.name() + " " + normalise(literal));
                            }
                        }
                    }
                }
            }
        }
        return routes;
    }

    /**
     * A variable whose pattern is a list of words ({@code {kind:macros|triggers}}) stands for one
     * literal path per word; any other variable stays a variable.
     */
    static List<String> expandAlternatives(String path) {
        Matcher m = WORD_ALTERNATIVES.matcher(path);
        if (!m.find()) {
            return List.of(path);
        }
        List<String> expanded = new ArrayList<>();
        for (String word : m.group(1).split("\\|")) {
            expanded.addAll(expandAlternatives(path.substring(0, m.start()) + word + path.substring(m.end())));
        }
        return expanded;
    }

    static String normalise(String path) {
        String withoutSuffix = path.endsWith(".json") ? path.substring(0, path.length() - 5) : path;
        return withoutSuffix.replaceAll("\\{[^/]*}", "{}");
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}

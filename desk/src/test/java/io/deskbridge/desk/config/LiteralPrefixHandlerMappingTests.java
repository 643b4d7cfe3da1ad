package io.deskbridge.desk.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.config.LiteralPrefixHandlerMapping.PrefixFilteredMapping;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

class LiteralPrefixHandlerMappingTests {

    /** Literal, variable, wildcard, catch-all, digits-literal, regex, parameter and media-type mappings. */
    @RestController
    static class Routes {
        @GetMapping("/api/v2/tickets/count")
        void count() {}

        @GetMapping("/api/v2/tickets/show_many")
        void showMany() {}

        @GetMapping("/api/v2/tickets/{id}")
        void show() {}

        @PutMapping("/api/v2/tickets/{id}")
        void update() {}

        @DeleteMapping("/api/v2/tickets/{id}")
        void delete() {}

        @GetMapping("/api/v2/tickets/{id}/comments")
        void comments() {}

        @GetMapping(path = "/api/v2/tickets/{id}/audits", params = "include")
        void auditsWithInclude() {}

        @GetMapping("/api/v2/tickets/{id}/audits")
        void audits() {}

        @PostMapping(path = "/api/v2/uploads", consumes = "application/json")
        void uploadJson() {}

        @GetMapping("/api/v2/items/42")
        void theAnswer() {}

        @GetMapping("/api/v2/items/{id}")
        void item() {}

        @GetMapping("/api/v2/{kind:macros|views}/{id}")
        void rule() {}

        @GetMapping("/api/v2/zones/{zone:1[0-9]*}")
        void zoneStartingWithOne() {}

        @GetMapping("/api/v2/codes/{code:1[0-9]*}")
        void codeStartingWithOne() {}

        /** Equally specific as the one above: Spring's "ambiguous" error for /codes/1… must be kept. */
        @GetMapping("/api/v2/codes/{code}")
        void code() {}

        @GetMapping("/files/**")
        void files() {}

        @GetMapping("/docs/{*rest}")
        void docs() {}

        @GetMapping({"/api/v2/users/{id}", "/api/v2/end_users/{id}"})
        void user() {}

        @GetMapping("/api/v2/users/me")
        void me() {}

        /** Every method. */
        @RequestMapping({"/api/v2/channels/voice", "/api/v2/channels/voice/**"})
        void voice() {}
    }

    private static RequestMappingHandlerMapping spring;
    private static RequestMappingHandlerMapping ours;

    @BeforeAll
    static void mappings() {
        StaticWebApplicationContext context = new StaticWebApplicationContext();
        context.registerSingleton("routes", Routes.class);
        context.refresh();
        spring = new RequestMappingHandlerMapping();
        ours = new PrefixFilteredMapping();
        for (RequestMappingHandlerMapping mapping : List.of(spring, ours)) {
            mapping.setApplicationContext(context);
            mapping.afterPropertiesSet();
        }
    }

    /** What a mapping answers: the handler method's name, "none", or the exception's class. */
    private static String answer(
            RequestMappingHandlerMapping mapping, String method, String path, boolean param, String type) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        if (param) {
            request.addParameter("include", "users");
        }
        if (type != null) {
            request.setContentType(type);
        }
        ServletRequestPathUtils.parseAndCache(request);
        try {
            HandlerExecutionChain chain = mapping.getHandler(request);
            if (chain == null) {
                return "none";
            }
            return ((HandlerMethod) chain.getHandler()).getMethod().getName() + " "
                    + request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        } catch (Exception e) {
            return e.getClass().getSimpleName();
        }
    }

    @Test
    void shouldAnswerEveryRequestExactlyAsSpringsOwnMapping() {
        List<String> paths = List.of(
                "/api/v2/tickets/count",
                "/api/v2/tickets/show_many",
                "/api/v2/tickets/42",
                "/api/v2/tickets/7",
                "/api/v2/tickets/abc",
                "/api/v2/tickets/42/comments",
                "/api/v2/tickets/43/comments",
                "/api/v2/tickets/42/audits",
                "/api/v2/tickets/42/nothing",
                "/api/v2/tickets",
                "/api/v2/tickets/",
                "/api/v2/uploads",
                "/api/v2/items/42",
                "/api/v2/items/43",
                "/api/v2/items/42/x",
                "/api/v2/macros/5",
                "/api/v2/views/5",
                "/api/v2/triggers/5",
                "/api/v2/codes/234",
                "/api/v2/codes/123",
                "/api/v2/codes/1",
                "/files/a/b/1",
                "/files/2",
                "/docs/1/2/3",
                "/api/v2/users/9",
                "/api/v2/end_users/9",
                "/api/v2/users/me",
                "/api/v2/channels/voice",
                "/api/v2/channels/voice/1/calls",
                "/nowhere/1",
                "/",
                "/api/v2/tickets/4%32",
                "/api/v2/tickets//42");
        List<String> differences = new ArrayList<>();
        int compared = 0;
        // Each request twice, so that the second one of a shape is answered from the shape cache.
        for (int round = 0; round < 2; round++) {
            for (String path : paths) {
                for (String method : List.of("GET", "HEAD", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "BREW")) {
                    for (boolean param : List.of(false, true)) {
                        for (String type : new String[] {null, "application/json", "text/plain"}) {
                            String expected = answer(spring, method, path, param, type);
                            String actual = answer(ours, method, path, param, type);
                            compared++;
                            if (!expected.equals(actual)) {
                                differences.add(method + " " + path + " param=" + param + " type=" + type + ": Spring "
                                        + expected + ", ours " + actual);
                            }
                        }
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).isEqualTo(2 * paths.size() * 8 * 2 * 3);
        // The comparison saw both matches and refusals.
        assertThat(answer(ours, "GET", "/api/v2/zones/123", false, null)).startsWith("zoneStartingWithOne");
        assertThat(answer(ours, "GET", "/api/v2/zones/234", false, null)).isEqualTo("none");
        assertThat(answer(ours, "GET", "/api/v2/codes/123", false, null)).isEqualTo("IllegalStateException");
        assertThat(answer(ours, "GET", "/api/v2/codes/234", false, null)).startsWith("code ");
        assertThat(answer(ours, "GET", "/api/v2/items/42", false, null)).startsWith("theAnswer");
        assertThat(answer(ours, "GET", "/api/v2/items/43", false, null)).startsWith("item ");
        assertThat(answer(ours, "PATCH", "/api/v2/tickets/42", false, null))
                .isEqualTo("HttpRequestMethodNotSupportedException");
        assertThat(answer(ours, "GET", "/nowhere/1", false, null)).isEqualTo("none");
    }

    @Test
    void shouldReplaceOnlyAllDigitSegmentsInAShape() {
        assertThat(PrefixFilteredMapping.shape("/api/v2/tickets/42/comments")).isEqualTo("/api/v2/tickets/#/comments");
        assertThat(PrefixFilteredMapping.shape("/api/v2/tickets/42")).isEqualTo("/api/v2/tickets/#");
        assertThat(PrefixFilteredMapping.shape("/api/v2/tickets/4a2")).isEqualTo("/api/v2/tickets/4a2");
        assertThat(PrefixFilteredMapping.shape("/api/v2/tickets/count")).isEqualTo("/api/v2/tickets/count");
        assertThat(PrefixFilteredMapping.shape("/a//1/")).isEqualTo("/a//#/");
        assertThat(PrefixFilteredMapping.shape("/")).isEqualTo("/");
    }

    @Test
    void shouldTreatOnlyPatternsThatCannotTellDigitsApartAsRegular() {
        assertThat(PrefixFilteredMapping.regularPattern("/api/v2/tickets/{id}/comments"))
                .isTrue();
        assertThat(PrefixFilteredMapping.regularPattern("/files/**")).isTrue();
        assertThat(PrefixFilteredMapping.regularPattern("/docs/{*rest}")).isTrue();
        assertThat(PrefixFilteredMapping.regularPattern("/api/v2/items/42")).isFalse();
        assertThat(PrefixFilteredMapping.regularPattern("/api/v2/{kind:macros|views}/{id}"))
                .isFalse();
        assertThat(PrefixFilteredMapping.regularPattern("/api/v2/tickets/{id}.{format}"))
                .isFalse();
        assertThat(PrefixFilteredMapping.regularPattern("/files/t?st")).isFalse();
        assertThat(PrefixFilteredMapping.regularPattern("")).isFalse();
    }
}

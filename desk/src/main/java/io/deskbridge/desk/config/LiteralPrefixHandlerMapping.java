package io.deskbridge.desk.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping with a cheap first test. For a path with a variable
 * ({@code /api/v2/tickets/42}) Spring has no direct hit and evaluates every mapping's full condition
 * (method, params, headers, media types, then the path pattern) — desk has several hundred mappings,
 * and a JFR profile of {@code GET /api/v2/tickets/{id}} under wrk put 44 % of desk's CPU per request
 * there (BENCHMARKS.md, issue 16). Here each mapping first checks the literal start of its patterns
 * (up to the first variable or wildcard, e.g. {@code /api/v2/tickets/}) against the request's path:
 * a mapping none of whose prefixes the path starts with cannot match, and is skipped without
 * evaluating its conditions. Every other mapping goes through Spring's own matching, unchanged.
 *
 * <p>The test is only used where it is exact: patterns compare case-sensitively against the decoded
 * path, so a path with a {@code %}-escape goes the ordinary way (its decoded form might match a
 * prefix its raw form does not). The lookup path Spring hands over has its {@code ;} parameters
 * removed already. 404, 405 and 415 answers are computed by Spring from all mappings as before.
 */
@Configuration(proxyBeanMethods = false)
class LiteralPrefixHandlerMapping {

    @Bean
    WebMvcRegistrations literalPrefixMappings() {
        return new WebMvcRegistrations() {
            @Override
            public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                return new PrefixFilteredMapping();
            }
        };
    }

    static final class PrefixFilteredMapping extends RequestMappingHandlerMapping {

        /** The lookup path of the request being mapped on this thread, or null outside a lookup. */
        private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

        private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            if (lookupPath.indexOf('%') >= 0) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            LOOKUP_PATH.set(lookupPath);
            try {
                return super.lookupHandlerMethod(lookupPath, request);
            } finally {
                LOOKUP_PATH.remove();
            }
        }

        @Override
        protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
            String path = LOOKUP_PATH.get();
            if (path != null && !startsWithAny(path, prefixes.computeIfAbsent(info, PrefixFilteredMapping::prefixes))) {
                return null;
            }
            return super.getMatchingMapping(info, request);
        }

        private static boolean startsWithAny(String path, String[] prefixes) {
            if (prefixes.length == 0) {
                return true;
            }
            for (String prefix : prefixes) {
                if (path.startsWith(prefix)) {
                    return true;
                }
            }
            return false;
        }

        /** The literal starts of the mapping's path patterns; none (no test) when it has no patterns. */
        static String[] prefixes(RequestMappingInfo info) {
            PathPatternsRequestCondition condition = info.getPathPatternsCondition();
            if (condition == null || condition.getPatterns().isEmpty()) {
                return new String[0];
            }
            return condition.getPatterns().stream()
                    .map(PathPattern::getPatternString)
                    .map(PrefixFilteredMapping::literalPrefix)
                    .toArray(String[]::new);
        }

        /** {@code /api/v2/tickets/{id}} → {@code /api/v2/tickets/}; stops at {@code {}, {@code *} or {@code ?}. */
        static String literalPrefix(String pattern) {
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (c == '{' || c == '*' || c == '?') {
                    return pattern.substring(0, i);
                }
            }
            return pattern;
        }
    }
}

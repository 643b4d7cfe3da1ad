package io.deskbridge.desk.config;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring MVC's request mapping, looking only at the mappings whose path can match.
 *
 * <p>For a path with a variable ({@code /api/v2/tickets/42}) Spring has no direct hit and evaluates
 * every mapping's full condition — method, parameters, headers, media types, and the path last, each
 * through the request's whole wrapper chain (Spring Security wraps it several times). desk has several
 * hundred mappings: a JFR profile of {@code GET /api/v2/tickets/{id}} under wrk put 44 %, and after a
 * first literal-prefix filter still 23 %, of desk's CPU per request there (BENCHMARKS.md, issue 16).
 *
 * <p>Here a request's path is reduced to its <em>shape</em>: every segment made only of digits becomes
 * a placeholder ({@code /api/v2/tickets/#/comments}). The mappings whose patterns match a path depend
 * only on its shape, as long as no pattern segment could tell one run of digits from another: a
 * segment that is a literal of digits only, or a variable with a regular expression, or anything but
 * a plain literal, a plain {@code {variable}}, {@code *}, {@code **} or {@code {*rest}}. Mappings with
 * such a segment (and mappings without path patterns) are <em>irregular</em> and are candidates for
 * every path. For each shape the candidates — regular mappings whose {@link PathPattern} matched the
 * first path of that shape, plus all irregular ones — are kept in a bounded cache, and only they go
 * through Spring's own condition matching, in Spring's two phases (mappings whose direct path is the
 * lookup path first) and with Spring's comparator and ambiguity check.
 *
 * <p>Spring's own lookup still answers every request this one does not decide: a path with a
 * {@code %}-escape (patterns match its decoded form), a CORS pre-flight, a request without a parsed
 * path, and every request no candidate matches — so 404, 405 and 415 answers are computed by Spring
 * from all mappings exactly as before. {@code LiteralPrefixHandlerMappingTests} checks the result
 * against Spring's own mapping for every path of a controller with literal, variable, wildcard and
 * regular-expression mappings.
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

        private static final Pattern DIGITS = Pattern.compile("[0-9]+");
        private static final Pattern PLAIN_VARIABLE = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");
        private static final Pattern CATCH_ALL = Pattern.compile("\\{\\*[A-Za-z_][A-Za-z0-9_]*}");
        private static final Pattern LITERAL = Pattern.compile("[^{}*?]*");

        /** Distinct shapes seen; a flood of distinct unknown paths only evicts. */
        private static final int MAX_SHAPES = 10_000;

        private final Cache<String, Candidate[]> byShape =
                Caffeine.newBuilder().maximumSize(MAX_SHAPES).build();

        /** Every mapping with its handler, regular ones first; rebuilt when mappings change. */
        private volatile Index index;

        /** A mapping, its handler method, the paths Spring looks up directly, and its patterns. */
        record Candidate(
                RequestMappingInfo info,
                HandlerMethod handler,
                Set<String> directPaths,
                PathPattern[] patterns,
                Set<RequestMethod> methods) {

            /**
             * False only where Spring's method condition refuses too (CORS pre-flights never get here):
             * a mapping with methods that has neither the request's nor, for HEAD, GET.
             */
            boolean mayAccept(RequestMethod method) {
                return methods.isEmpty()
                        || (method != null
                                && (methods.contains(method)
                                        || (method == RequestMethod.HEAD && methods.contains(RequestMethod.GET))));
            }

            boolean pathMatches(PathContainer path) {
                for (PathPattern pattern : patterns) {
                    if (pattern.matches(path)) {
                        return true;
                    }
                }
                return false;
            }
        }

        private record Index(List<Candidate> regular, List<Candidate> irregular) {}

        @Override
        protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
            if (lookupPath.indexOf('%') >= 0
                    || CorsUtils.isPreFlightRequest(request)
                    || !ServletRequestPathUtils.hasParsedRequestPath(request)) {
                return super.lookupHandlerMethod(lookupPath, request);
            }
            PathContainer path =
                    ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
            Candidate[] candidates = byShape.get(shape(lookupPath), shape -> candidates(path));
            HandlerMethod found = bestMatch(candidates, lookupPath, request, true);
            if (found == null) {
                found = bestMatch(candidates, lookupPath, request, false);
            }
            return found != null ? found : super.lookupHandlerMethod(lookupPath, request);
        }

        /**
         * Spring's matching over the candidates: only those whose direct paths include the lookup path
         * when {@code direct}, else all of them; the best by Spring's comparator, and Spring's error
         * when the two best are equal.
         */
        private HandlerMethod bestMatch(
                Candidate[] candidates, String lookupPath, HttpServletRequest request, boolean direct) {
            RequestMappingInfo best = null;
            HandlerMethod bestHandler = null;
            List<Object[]> all = null;
            RequestMethod method = RequestMethod.resolve(request.getMethod());
            for (Candidate candidate : candidates) {
                if ((direct && !candidate.directPaths().contains(lookupPath)) || !candidate.mayAccept(method)) {
                    continue;
                }
                RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
                if (match == null) {
                    continue;
                }
                if (best == null) {
                    best = match;
                    bestHandler = candidate.handler();
                } else {
                    if (all == null) {
                        all = new ArrayList<>();
                        all.add(new Object[] {best, bestHandler});
                    }
                    all.add(new Object[] {match, candidate.handler()});
                }
            }
            if (best == null) {
                return null;
            }
            if (all != null) {
                Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
                all.sort((a, b) -> comparator.compare((RequestMappingInfo) a[0], (RequestMappingInfo) b[0]));
                best = (RequestMappingInfo) all.get(0)[0];
                bestHandler = (HandlerMethod) all.get(0)[1];
                if (comparator.compare(best, (RequestMappingInfo) all.get(1)[0]) == 0) {
                    Method m1 = bestHandler.getMethod();
                    Method m2 = ((HandlerMethod) all.get(1)[1]).getMethod();
                    throw new IllegalStateException("Ambiguous handler methods mapped for '" + request.getRequestURI()
                            + "': {" + m1 + ", " + m2 + "}");
                }
            }
            request.setAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE, bestHandler);
            handleMatch(best, lookupPath, request);
            return bestHandler;
        }

        private Candidate[] candidates(PathContainer path) {
            Index current = index();
            List<Candidate> matching = new ArrayList<>(current.irregular());
            for (Candidate candidate : current.regular()) {
                if (candidate.pathMatches(path)) {
                    matching.add(candidate);
                }
            }
            return matching.toArray(Candidate[]::new);
        }

        private Index index() {
            Index current = index;
            if (current == null) {
                List<Candidate> regular = new ArrayList<>();
                List<Candidate> irregular = new ArrayList<>();
                for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                        getHandlerMethods().entrySet()) {
                    RequestMappingInfo info = entry.getKey();
                    PathPatternsRequestCondition condition = info.getPathPatternsCondition();
                    PathPattern[] patterns = condition == null
                            ? new PathPattern[0]
                            : condition.getPatterns().toArray(PathPattern[]::new);
                    Candidate candidate = new Candidate(
                            info,
                            entry.getValue(),
                            Set.copyOf(info.getDirectPaths()),
                            patterns,
                            Set.copyOf(info.getMethodsCondition().getMethods()));
                    (regular(patterns) ? regular : irregular).add(candidate);
                }
                current = new Index(List.copyOf(regular), List.copyOf(irregular));
                index = current;
            }
            return current;
        }

        /** A mapping is regular when it has patterns and every segment of each is a regular one. */
        static boolean regular(PathPattern[] patterns) {
            if (patterns.length == 0) {
                return false;
            }
            for (PathPattern pattern : patterns) {
                if (!regularPattern(pattern.getPatternString())) {
                    return false;
                }
            }
            return true;
        }

        /**
         * A pattern whose segments cannot tell one run of digits from another: plain literals that are
         * not all digits, plain variables, {@code *}, {@code **} and {@code {*rest}}.
         */
        static boolean regularPattern(String pattern) {
            if (pattern.isEmpty()) {
                return false;
            }
            for (String segment : pattern.split("/", -1)) {
                boolean literal = LITERAL.matcher(segment).matches()
                        && !DIGITS.matcher(segment).matches();
                boolean ok = literal
                        || segment.equals("*")
                        || segment.equals("**")
                        || PLAIN_VARIABLE.matcher(segment).matches()
                        || CATCH_ALL.matcher(segment).matches();
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** {@code /api/v2/tickets/42/comments} → {@code /api/v2/tickets/#/comments}. */
        static String shape(String path) {
            StringBuilder shape = null;
            int segmentStart = 0;
            for (int i = 0; i <= path.length(); i++) {
                if (i == path.length() || path.charAt(i) == '/') {
                    boolean digits = i > segmentStart;
                    for (int j = segmentStart; j < i && digits; j++) {
                        char c = path.charAt(j);
                        digits = c >= '0' && c <= '9';
                    }
                    if (digits && shape == null) {
                        shape = new StringBuilder(path.length()).append(path, 0, segmentStart);
                    }
                    if (shape != null) {
                        if (digits) {
                            shape.append('#');
                        } else {
                            shape.append(path, segmentStart, i);
                        }
                        if (i < path.length()) {
                            shape.append('/');
                        }
                    }
                    segmentStart = i + 1;
                }
            }
            return shape == null ? path : shape.toString();
        }

        @Override
        public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
            super.registerMapping(mapping, handler, method);
            forget();
        }

        @Override
        public void unregisterMapping(RequestMappingInfo mapping) {
            super.unregisterMapping(mapping);
            forget();
        }

        @Override
        protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
            super.registerHandlerMethod(handler, method, mapping);
            forget();
        }

        private void forget() {
            index = null;
            byShape.invalidateAll();
        }
    }
}

package io.deskbridge.desk.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query parameter repeated with the same value counts once on {@code /api}. Clients do repeat
 * them: n8n sends its whole query string again on top of a {@code next_page} URL that already carries
 * it, Airbyte re-sends its page size and request parameters beside {@code links.next}. Spring would
 * bind {@code per_page=100&per_page=100} to a {@code String} as {@code "100,100"} (a 400) and a
 * repeated {@code query} as two queries joined by a comma. Different values of one name stay as they
 * are ({@code filter[created_at][]=a&filter[created_at][]=b} is a list).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RepeatedParameterFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> distinct = distinct(request.getParameterMap());
        chain.doFilter(distinct == null ? request : new Distinct(request, distinct), response);
    }

    /** The parameters with repeated values dropped; null when nothing was repeated. */
    static Map<String, String[]> distinct(Map<String, String[]> parameters) {
        Map<String, String[]> result = new LinkedHashMap<>();
        boolean changed = false;
        for (Map.Entry<String, String[]> entry : parameters.entrySet()) {
            String[] values = new LinkedHashSet<>(java.util.List.of(entry.getValue())).toArray(String[]::new);
            changed |= values.length != entry.getValue().length;
            result.put(entry.getKey(), values);
        }
        return changed ? Collections.unmodifiableMap(result) : null;
    }

    private static final class Distinct extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        Distinct(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public java.util.Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}

package io.deskbridge.desk.config;

import io.deskbridge.desk.api.TextRules;
import io.deskbridge.desk.api.ZendeskErrors;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * Query parameters of the API follow the same {@link TextRules} as stored text: a NUL or another
 * control character in a name or value is refused with 400 before anything compares it with stored
 * data (PostgreSQL fails a query that carries a NUL). The answer names the parameter, never the value.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ApiParameterFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    ApiParameterFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/") || request.getQueryString() == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
            Optional<String> problem = TextRules.problem(parameter.getKey());
            for (String value : parameter.getValue()) {
                problem = problem.or(() -> TextRules.problem(value));
            }
            if (problem.isPresent()) {
                response.setStatus(400);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                json.writeValue(
                        response.getOutputStream(),
                        ZendeskErrors.errors(
                                "InvalidParameter",
                                "Parameter '" + printable(parameter.getKey()) + "' " + problem.get() + "."));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static String printable(String name) {
        return TextRules.problem(name).isPresent() || name.length() > 64 ? "(unprintable name)" : name;
    }
}

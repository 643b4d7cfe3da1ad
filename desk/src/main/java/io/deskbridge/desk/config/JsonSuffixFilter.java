package io.deskbridge.desk.config;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Zendesk paths work with and without {@code .json} ({@code /api/v2/users/me.json}); Spring no longer
 * matches suffixes, so the suffix is removed before security and routing see the path.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class JsonSuffixFilter extends OncePerRequestFilter {

    private static final String SUFFIX = ".json";

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.startsWith("/api/") && uri.endsWith(SUFFIX));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Stripped(request), response);
    }

    private static final class Stripped extends HttpServletRequestWrapper {

        Stripped(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            return strip(super.getRequestURI());
        }

        @Override
        public String getServletPath() {
            return strip(super.getServletPath());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(strip(super.getRequestURL().toString()));
        }

        private static String strip(String path) {
            return path != null && path.endsWith(SUFFIX) ? path.substring(0, path.length() - SUFFIX.length()) : path;
        }
    }
}

package io.deskbridge.common.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Media types of a JSON API (desk's and sync's {@code /api}), settled before Spring reads them.
 *
 * <p>A request {@code Content-Type} that is not a concrete media type ({@code *}{@code /*},
 * {@code application/}, an unknown charset) is refused with 415 and the app's error body: Spring
 * fails on such a header with an exception no handler expects (a 500).
 *
 * <p>The API has one representation, JSON, and answers it whatever {@code Accept} says, as Zendesk
 * does. Spring would otherwise refuse an unparseable or non-JSON {@code Accept} while writing the
 * answer, or while writing the error about it — a 500. So under the prefix the header reads
 * {@code application/json}, error dispatches included.
 */
public class JsonApiMediaTypes extends OncePerRequestFilter {

    private final String prefix;
    private final byte[] unsupportedMediaTypeBody;

    /** {@code unsupportedMediaTypeBody}: the JSON the app answers a 415 with. */
    public JsonApiMediaTypes(String prefix, byte[] unsupportedMediaTypeBody) {
        this.prefix = prefix;
        this.unsupportedMediaTypeBody = unsupportedMediaTypeBody.clone();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = original != null ? original.toString() : request.getRequestURI();
        return path == null || !path.startsWith(prefix);
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null && request.getDispatcherType() == DispatcherType.REQUEST && !concrete(contentType)) {
            response.setStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.getOutputStream().write(unsupportedMediaTypeBody);
            return;
        }
        chain.doFilter(new JsonOnly(request), response);
    }

    static boolean concrete(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static final class JsonOnly extends HttpServletRequestWrapper {

        JsonOnly(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? MediaType.APPLICATION_JSON_VALUE : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(MediaType.APPLICATION_JSON_VALUE))
                    : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            if (names.stream().noneMatch(HttpHeaders.ACCEPT::equalsIgnoreCase)) {
                names.add(HttpHeaders.ACCEPT);
            }
            return Collections.enumeration(names);
        }
    }
}

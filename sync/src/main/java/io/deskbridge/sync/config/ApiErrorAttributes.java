package io.deskbridge.sync.config;

import io.deskbridge.sync.api.ApiError;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Failures that never reach a controller (unknown paths, oversize bodies, refused CSRF tokens) get
 * error bodies in the API's shape on {@code /api}; web pages keep the error page. Never a stack
 * trace, a message or the path of the request.
 */
@Component
class ApiErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> defaults = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        // Never echo the path: a request link's path is its token.
        defaults.remove("path");
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (path == null || !path.toString().startsWith("/api/")) {
            return defaults;
        }
        Object status = defaults.get("status");
        int code = status instanceof Integer ? (Integer) status : 500;
        ApiError error = switch (code) {
            case 404 -> ApiError.of("InvalidEndpoint", "Not found");
            case 401 -> ApiError.couldNotAuthenticate();
            case 400 -> ApiError.of("BadRequest", "The request is malformed");
            case 413 -> ApiError.of("RequestTooLarge", "The request body is larger than this endpoint accepts");
            default -> ApiError.of("InternalError", "Something went wrong on our side; it has been logged.");
        };
        // Spring's error attributes are a map by contract; the body is the same ApiError the handlers send.
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error.error());
        if (error.description() != null) {
            body.put("description", error.description());
        }
        return body;
    }
}

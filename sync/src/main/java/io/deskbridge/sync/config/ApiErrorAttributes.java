package io.deskbridge.sync.config;

import io.deskbridge.sync.api.ApiErrors;
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
        Map<String, Object> body;
        switch (code) {
            case 404 -> body = ApiErrors.error("InvalidEndpoint", "Not found");
            case 401 -> body = SecurityConfig.notSignedIn(false);
            case 400 -> body = ApiErrors.error("BadRequest", "The request is malformed");
            case 413 ->
                body = ApiErrors.error("RequestTooLarge", "The request body is larger than this endpoint accepts");
            default -> body = ApiErrors.error("InternalError", "Something went wrong on our side; it has been logged.");
        }
        return new LinkedHashMap<>(body);
    }
}

package io.deskbridge.desk.config;

import io.deskbridge.desk.api.ZendeskError;
import io.deskbridge.desk.api.ZendeskErrors;
import java.util.Map;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Failures that never reach a controller (unknown paths, oversize bodies, container errors) get
 * Zendesk-shaped bodies on {@code /api}; the Admin Center keeps its error page. Never a stack trace.
 * Spring Boot's error attributes are a map by contract: the body is a {@link ZendeskError} record, converted.
 */
@Component
class ZendeskErrorAttributes extends DefaultErrorAttributes {

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> defaults = super.getErrorAttributes(request, ErrorAttributeOptions.defaults());
        Object path = request.getAttribute("jakarta.servlet.error.request_uri", RequestAttributes.SCOPE_REQUEST);
        if (path == null || !path.toString().startsWith("/api/")) {
            return defaults;
        }
        int status = defaults.get("status") instanceof Integer s ? s : 500;
        return ZendeskErrors.asMap(body(status, getError(request)));
    }

    /** The Zendesk body of a failure that never reached a controller. */
    static ZendeskError body(int status, Throwable error) {
        return switch (status) {
            case 404 -> ZendeskError.described("InvalidEndpoint", "Not found");
            case 401 -> ZendeskError.couldNotAuthenticate();
            case 403 -> ZendeskError.forbidden();
            case 413 -> ZendeskError.errors("RequestTooLarge", "The request body is larger than this endpoint accepts");
            case 400 -> ZendeskError.errors("BadRequest", "The request is malformed");
            // An unsupported method on a known path is refused before any controller runs.
            case 405 ->
                ZendeskError.methodNotAllowed(
                        error instanceof HttpRequestMethodNotSupportedException e ? e.getMethod() : "This method");
            default -> ZendeskError.described("InternalError", "Something went wrong on our side; it has been logged.");
        };
    }
}

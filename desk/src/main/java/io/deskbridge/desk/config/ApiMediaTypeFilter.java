package io.deskbridge.desk.config;

import io.deskbridge.common.web.JsonApiMediaTypes;
import io.deskbridge.desk.api.ZendeskErrors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * On {@code /api}: JSON whatever {@code Accept} says (Zendesk's API does the same), and a
 * {@code Content-Type} that is no concrete media type ({@code *}{@code /*}) refused with 415 in
 * Zendesk's errors form instead of failing inside Spring (see {@link JsonApiMediaTypes}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiMediaTypeFilter extends JsonApiMediaTypes {

    ApiMediaTypeFilter(ObjectMapper json) {
        super(
                "/api/",
                json.writeValueAsBytes(
                        ZendeskErrors.errors("UnsupportedMediaType", "Send request bodies as application/json.")));
    }
}

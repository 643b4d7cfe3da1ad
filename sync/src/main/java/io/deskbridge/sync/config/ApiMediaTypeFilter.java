package io.deskbridge.sync.config;

import io.deskbridge.common.web.JsonApiMediaTypes;
import io.deskbridge.sync.api.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * On {@code /api}: JSON whatever {@code Accept} says, and a {@code Content-Type} that is no concrete
 * media type ({@code *}{@code /*}) refused with 415 in the API's error shape instead of failing inside
 * Spring with a 500 (see {@link JsonApiMediaTypes}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiMediaTypeFilter extends JsonApiMediaTypes {

    ApiMediaTypeFilter(ObjectMapper json) {
        super(
                "/api/",
                json.writeValueAsBytes(
                        ApiError.of("UnsupportedMediaType", "Send request bodies as application/json.")));
    }
}

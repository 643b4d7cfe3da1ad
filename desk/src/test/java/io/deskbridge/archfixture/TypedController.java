package io.deskbridge.archfixture;

import java.util.Map;
import org.springframework.web.bind.annotation.RestController;

/** Keeps the wire rule (ArchitectureRulesTests): records out, a map of strings (headers) in. */
@RestController
public class TypedController {

    record ThingResponse(String name) {}

    ThingResponse show(Map<String, String> headers) {
        return new ThingResponse(headers.get("name"));
    }
}

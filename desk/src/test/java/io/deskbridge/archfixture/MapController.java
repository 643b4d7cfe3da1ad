package io.deskbridge.archfixture;

import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

/** Breaks the wire rule (ArchitectureRulesTests); outside desk's package, so no context ever scans it. */
@RestController
public class MapController {

    ResponseEntity<Map<String, Object>> list() {
        return ResponseEntity.ok(Map.of());
    }

    void update(Map<String, Object> body) {}
}

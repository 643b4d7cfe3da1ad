package io.deskbridge.desk.group;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Pager;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/groups}: list, show, create (admins). */
@RestController
class GroupController {

    private final Groups groups;
    private final Pager pager;

    GroupController(Groups groups, Pager pager) {
        this.groups = groups;
        this.pager = pager;
    }

    @GetMapping("/api/v2/groups")
    Map<String, Object> list(HttpServletRequest request) {
        String base = base();
        return pager.list(
                "groups",
                request,
                Map.of("id", KeysetSort.Kind.ID),
                "id",
                new Pager.ListSource<Group>() {
                    @Override
                    public long count() {
                        return groups.count();
                    }

                    @Override
                    public List<Group> page(
                            String extraWhere, Map<String, Object> params, String orderBy, int offset, int limit) {
                        return groups.page(extraWhere, params, orderBy, offset, limit);
                    }
                },
                g -> json(g, base),
                Group::id,
                (g, column) -> g.id());
    }

    @GetMapping("/api/v2/groups/{id}")
    Map<String, Object> show(@PathVariable long id) {
        return Map.of("group", json(groups.get(id), base()));
    }

    @PostMapping("/api/v2/groups")
    ResponseEntity<Map<String, Object>> create(@RequestBody JsonNode body) {
        Input in = Input.envelope(body, "group");
        Group group = groups.create(
                in.string("name", 255).orElse(null),
                in.string("description", 4000).orElse(""),
                in.bool("is_public").orElse(true));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("group", json(group, base())));
    }

    static Map<String, Object> json(Group g, String base) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", g.id());
        m.put("url", base + "/api/v2/groups/" + g.id() + ".json");
        m.put("name", g.name());
        m.put("description", g.description());
        m.put("default", false);
        m.put("deleted", false);
        m.put("is_public", g.isPublic());
        m.put("created_at", (Instant) g.createdAt());
        m.put("updated_at", (Instant) g.updatedAt());
        return m;
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}

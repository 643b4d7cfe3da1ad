package io.deskbridge.desk.group;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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

    /** A group in Zendesk's JSON shape; desk has no default or deleted groups to show. */
    record GroupJson(
            long id,
            String url,
            String name,
            String description,
            @JsonProperty("default") boolean isDefault,
            boolean deleted,
            boolean isPublic,
            Instant createdAt,
            Instant updatedAt) {

        static GroupJson of(Group g, String base) {
            return new GroupJson(
                    g.id(),
                    base + "/api/v2/groups/" + g.id() + ".json",
                    g.name(),
                    g.description(),
                    false,
                    false,
                    g.isPublic(),
                    g.createdAt(),
                    g.updatedAt());
        }
    }

    record GroupResponse(GroupJson group) {}

    record GroupsResponse(
            List<GroupJson> groups, @JsonUnwrapped Paging paging) {}

    /**
     * {@code /groups/assignable} lists the same groups: every group of this desk can take tickets
     * (Zendesk's "assignable" excludes only groups an agent cannot see, and desk has no such groups).
     */
    @GetMapping({"/api/v2/groups", "/api/v2/groups/assignable"})
    GroupsResponse list(HttpServletRequest request) {
        String base = base();
        Page<GroupJson> page = pager.page(
                        "groups",
                        request,
                        Map.of("id", KeysetSort.Kind.ID),
                        "id",
                        new Pager.Source<Group>() {
                            @Override
                            public long count() {
                                return groups.count();
                            }

                            @Override
                            public List<Group> fetch(PageQuery query) {
                                return groups.page(query);
                            }
                        },
                        Group::id,
                        (g, column) -> g.id())
                .map(g -> GroupJson.of(g, base));
        return new GroupsResponse(page.items(), page.paging());
    }

    @GetMapping("/api/v2/groups/{id}")
    GroupResponse show(@PathVariable long id) {
        return new GroupResponse(GroupJson.of(groups.get(id), base()));
    }

    @PostMapping("/api/v2/groups")
    ResponseEntity<GroupResponse> create(@RequestBody JsonNode body) {
        Input in = Input.envelope(body, "group");
        Group group = groups.create(
                in.string("name", 255).orElse(null),
                in.string("description", 4000).orElse(""),
                in.bool("is_public").orElse(true));
        return ResponseEntity.status(HttpStatus.CREATED).body(new GroupResponse(GroupJson.of(group, base())));
    }

    @PutMapping("/api/v2/groups/{id}")
    GroupResponse update(@PathVariable long id, @RequestBody JsonNode body) {
        Input in = Input.envelope(body, "group");
        Group group = groups.update(id, in.string("name", 255), in.string("description", 4000), in.bool("is_public"));
        return new GroupResponse(GroupJson.of(group, base()));
    }

    @DeleteMapping("/api/v2/groups/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        groups.delete(id);
        return ResponseEntity.noContent().build();
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}

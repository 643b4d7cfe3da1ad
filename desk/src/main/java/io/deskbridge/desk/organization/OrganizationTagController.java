package io.deskbridge.desk.organization;

import io.deskbridge.desk.api.Input;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * An organization's tags ({@code /api/v2/organizations/{id}/tags}): {@code GET} lists, {@code POST}
 * sets (replaces), {@code PUT} adds, {@code DELETE} removes; each answers {@code {"tags": [...]}}
 * (OAS {@code TagsByObjectIdResponse}). Writes are organization updates (admins, like PUT
 * /organizations/{id}; see SecurityConfig).
 */
@RestController
class OrganizationTagController {

    record TagsResponse(List<String> tags) {}

    private final Organizations organizations;

    OrganizationTagController(Organizations organizations) {
        this.organizations = organizations;
    }

    @GetMapping("/api/v2/organizations/{id}/tags")
    TagsResponse list(@PathVariable long id) {
        return new TagsResponse(organizations.get(id).tags());
    }

    /** 201, as Zendesk's OAS documents for setting tags. */
    @PostMapping("/api/v2/organizations/{id}/tags")
    ResponseEntity<TagsResponse> set(@PathVariable long id, @RequestBody JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(save(id, tags(body)));
    }

    @PutMapping("/api/v2/organizations/{id}/tags")
    TagsResponse add(@PathVariable long id, @RequestBody JsonNode body) {
        LinkedHashSet<String> tags = new LinkedHashSet<>(organizations.get(id).tags());
        tags.addAll(tags(body));
        return save(id, List.copyOf(tags));
    }

    @DeleteMapping("/api/v2/organizations/{id}/tags")
    TagsResponse remove(@PathVariable long id, @RequestBody JsonNode body) {
        List<String> tags = new ArrayList<>(organizations.get(id).tags());
        tags.removeAll(tags(body));
        return save(id, tags);
    }

    private static List<String> tags(JsonNode body) {
        return Input.of(body).tags("tags").orElseThrow(() -> Input.blank("tags"));
    }

    private TagsResponse save(long id, List<String> tags) {
        OrganizationChanges changes = new OrganizationChanges(
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(tags),
                Optional.empty());
        return new TagsResponse(organizations.update(id, changes).tags());
    }
}

package io.deskbridge.desk.customrole;

import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v2/custom_roles}: agents and admins read. */
@RestController
class CustomRoleController {

    private final CustomRoles roles;
    private final ListPages pages;

    CustomRoleController(CustomRoles roles, ListPages pages) {
        this.roles = roles;
        this.pages = pages;
    }

    record CustomRoleEnvelope(CustomRole customRole) {}

    @GetMapping("/api/v2/custom_roles")
    ListPage<CustomRole> list(HttpServletRequest request) {
        return pages.inMemory("custom_roles", request, roles.all(), r -> List.of(0L, r.id()));
    }

    @GetMapping("/api/v2/custom_roles/{id}")
    CustomRoleEnvelope show(@PathVariable long id) {
        return new CustomRoleEnvelope(roles.get(id));
    }
}

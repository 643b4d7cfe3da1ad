package io.deskbridge.desk.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.IdList;
import io.deskbridge.desk.api.Includes;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.KeysetSort;
import io.deskbridge.desk.pagination.Page;
import io.deskbridge.desk.pagination.PageQuery;
import io.deskbridge.desk.pagination.Pager;
import io.deskbridge.desk.pagination.Paging;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/users}. Admins manage every user; agents read users and create or update end
 * users only; end users never get here (the security rules refuse them the agent API).
 */
@RestController
class UserController {

    private static final Map<String, KeysetSort.Kind> SORTS = Map.of(
            "id", KeysetSort.Kind.ID,
            "created_at", KeysetSort.Kind.TIMESTAMP,
            "updated_at", KeysetSort.Kind.TIMESTAMP);
    static final int MAX_SHOW_MANY = 100;

    private final Users users;
    private final Pager pager;
    private final UserIdentities identities;

    UserController(Users users, Pager pager, UserIdentities identities) {
        this.users = users;
        this.pager = pager;
        this.identities = identities;
    }

    /** {@code {"user": {...}}}, with {@code include=identities} also {@code "identities": [...]}. */
    record UserResponse(
            UserJson user,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UserIdentityJson> identities) {

        UserResponse(UserJson user) {
            this(user, null);
        }
    }

    /**
     * {@code {"users": [...]}} plus the paging fields of a paged list (none for show_many); with
     * {@code include=identities} the identities of the listed users as a top-level sideload.
     */
    record UsersResponse(
            List<UserJson> users,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UserIdentityJson> identities,
            @JsonUnwrapped Paging paging) {

        UsersResponse(List<UserJson> users, Paging paging) {
            this(users, null, paging);
        }

        UsersResponse withIdentities(List<UserIdentityJson> sideload) {
            return new UsersResponse(users, sideload, paging);
        }
    }

    @GetMapping("/api/v2/users")
    UsersResponse list(
            @RequestParam(name = "external_id", required = false) String externalId,
            @RequestParam(required = false) String include,
            HttpServletRequest request) {
        List<UserFilter.Criterion> criteria = new ArrayList<>();
        // Read from the servlet request, not bound: Spring binds role[]=end-user&role[]=agent (n8n's
        // getAll) to a String "role" parameter as one value "end-user,agent", which is no role.
        List<String> wanted = new ArrayList<>();
        for (String name : List.of("role", "role[]")) {
            String[] values = request.getParameterValues(name);
            if (values != null) {
                Arrays.stream(values).filter(v -> !wanted.contains(v)).forEach(wanted::add);
            }
        }
        if (!wanted.isEmpty()) {
            criteria.add(new UserFilter.RoleIn(wanted.stream()
                    .map(r -> Role.fromWireName(r)
                            .orElseThrow(() -> new BadRequestException(
                                    "InvalidParameter", "role must be end-user, agent or admin (got \"" + r + "\")")))
                    .toList()));
        }
        if (externalId != null) {
            criteria.add(new UserFilter.ExternalIdIs(externalId));
        }
        return sideload(listOf(request, new UserFilter(criteria)), include);
    }

    @GetMapping("/api/v2/users/{id}")
    UserResponse show(@PathVariable long id, @RequestParam(required = false) String include) {
        UserJson user = UserJson.of(users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id)), base());
        return new UserResponse(user, identitiesOf(List.of(id), include));
    }

    /** The {@code identities} sideload Zendesk adds for {@code include=identities}; null otherwise. */
    private List<UserIdentityJson> identitiesOf(List<Long> userIds, String include) {
        if (!Includes.has(include, "identities")) {
            return null;
        }
        String base = base();
        return identities.ofUsers(userIds).stream()
                .map(i -> UserIdentityJson.of(i, base))
                .toList();
    }

    private UsersResponse sideload(UsersResponse response, String include) {
        List<UserIdentityJson> sideload =
                identitiesOf(response.users().stream().map(UserJson::id).toList(), include);
        return sideload == null ? response : response.withIdentities(sideload);
    }

    @GetMapping("/api/v2/users/show_many")
    UsersResponse showMany(
            @RequestParam(required = false) String ids,
            @RequestParam(name = "external_ids", required = false) String externalIds,
            @RequestParam(required = false) String include) {
        String base = base();
        if (ids != null) {
            return sideload(
                    new UsersResponse(
                            users.findAll(IdList.parse(ids, MAX_SHOW_MANY)).stream()
                                    .map(u -> UserJson.of(u, base))
                                    .toList(),
                            null),
                    include);
        }
        if (externalIds != null) {
            List<UserJson> found = new ArrayList<>();
            for (String externalId : externalIds.split(",")) {
                users.findByExternalId(externalId.trim()).ifPresent(u -> found.add(UserJson.of(u, base)));
            }
            return sideload(new UsersResponse(found, null), include);
        }
        throw new BadRequestException("InvalidParameter", "Send ids or external_ids (comma-separated)");
    }

    @GetMapping("/api/v2/users/search")
    UsersResponse search(
            @RequestParam(required = false) String query,
            @RequestParam(name = "external_id", required = false) String externalId,
            HttpServletRequest request) {
        if (externalId != null) {
            String base = base();
            List<UserJson> found = users.findByExternalId(externalId)
                    .map(u -> List.of(UserJson.of(u, base)))
                    .orElse(List.of());
            return new UsersResponse(found, new Paging.Offset(null, null, found.size()));
        }
        if (query == null || query.isBlank()) {
            throw new BadRequestException("InvalidParameter", "Send query or external_id");
        }
        List<String> words = Arrays.stream(query.trim().split("\\s+")).toList();
        return listOf(request, new UserFilter(List.of(new UserFilter.Words(words, UserFilter.NoTerms.MATCH_NONE))));
    }

    @PostMapping("/api/v2/users")
    ResponseEntity<UserResponse> create(@RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        UserChanges changes = changes(Input.envelope(body, "user"));
        requireMayWrite(caller, changes.role().orElse(Role.END_USER), null);
        UserAccount created = users.create(changes);
        String base = base();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", base + "/api/v2/users/" + created.id() + ".json")
                .body(new UserResponse(UserJson.of(created, base)));
    }

    @PutMapping("/api/v2/users/{id}")
    UserResponse update(
            @PathVariable long id, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        UserAccount current = users.findById(id).orElseThrow(() -> UserNotFoundException.forId(id));
        UserChanges changes = changes(Input.envelope(body, "user"));
        requireMayWrite(caller, changes.role().orElse(current.role()), current);
        return new UserResponse(UserJson.of(users.update(id, changes), base()));
    }

    @DeleteMapping("/api/v2/users/{id}")
    UserResponse delete(@PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only admins delete users");
        }
        if (caller.userId() == id) {
            throw Input.invalid("base", "you cannot delete yourself");
        }
        return new UserResponse(UserJson.of(users.delete(id), base()));
    }

    /** 201 when a user was created, 200 when the email or external_id matched an existing one. */
    @PostMapping("/api/v2/users/create_or_update")
    ResponseEntity<UserResponse> createOrUpdate(
            @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        UserChanges changes = changes(Input.envelope(body, "user"));
        Optional<UserAccount> existing = changes.email()
                .flatMap(users::findByEmail)
                .or(() -> changes.externalId().flatMap(users::findByExternalId));
        if (existing.isPresent()) {
            requireMayWrite(caller, changes.role().orElse(existing.get().role()), existing.get());
            return ResponseEntity.ok(
                    new UserResponse(UserJson.of(users.update(existing.get().id(), changes), base())));
        }
        requireMayWrite(caller, changes.role().orElse(Role.END_USER), null);
        UserAccount created = users.create(changes);
        return ResponseEntity.status(HttpStatus.CREATED).body(new UserResponse(UserJson.of(created, base())));
    }

    private UsersResponse listOf(HttpServletRequest request, UserFilter filter) {
        String base = base();
        Page<UserJson> page = pager.page(
                        "users",
                        request,
                        SORTS,
                        "id",
                        new Pager.Source<UserAccount>() {
                            @Override
                            public long count() {
                                return users.count(filter);
                            }

                            @Override
                            public List<UserAccount> fetch(PageQuery query) {
                                return users.page(filter, query);
                            }
                        },
                        UserAccount::id,
                        (u, column) -> column.equals("created_at") ? u.createdAt() : u.updatedAt())
                .map(u -> UserJson.of(u, base));
        return new UsersResponse(page.items(), page.paging());
    }

    /** Agents may create and edit end users only, and never change anyone's role. */
    static void requireMayWrite(DeskPrincipal caller, Role newRole, UserAccount current) {
        if (caller.isAdmin()) {
            return;
        }
        boolean endUserOnly = newRole == Role.END_USER && (current == null || current.role() == Role.END_USER);
        if (!endUserOnly) {
            throw new ForbiddenException("Agents may only create and update end users");
        }
    }

    static UserChanges changes(Input in) {
        return new UserChanges(
                in.string("name", 255),
                in.string("email", 320),
                in.oneOf("role", List.of("end-user", "agent", "admin"))
                        .map(r -> Role.fromWireName(r).orElseThrow()),
                in.bool("suspended"),
                in.bool("verified"),
                in.id("organization_id"),
                in.string("external_id", 255),
                in.string("phone", 64),
                in.string("details", 4000),
                in.string("notes", 4000),
                in.tags("tags"),
                in.object("user_fields"),
                in.string("time_zone", 64),
                in.string("locale", 16));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}

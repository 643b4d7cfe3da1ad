package io.deskbridge.desk.user;

import io.deskbridge.desk.api.BadRequestException;
import io.deskbridge.desk.api.ForbiddenException;
import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.pagination.ListPage;
import io.deskbridge.desk.pagination.ListPages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/users/{user_id}/identities}: list (offset or cursor, {@code type[]}), show, create,
 * update, make_primary, verify, request_verification, delete. Decision on roles: agents read every
 * user's identities but change only end users' and their own — a new primary email is a new sign-in
 * name, so an agent must not set one on an admin or another agent (the same rule as {@code PUT /users}).
 * End users never reach the agent API (403), as for the rest of {@code /users}.
 */
@RestController
class UserIdentityController {

    private final UserIdentities identities;
    private final Users users;
    private final ListPages pages;

    UserIdentityController(UserIdentities identities, Users users, ListPages pages) {
        this.identities = identities;
        this.users = users;
        this.pages = pages;
    }

    record IdentityResponse(UserIdentityJson identity) {}

    record IdentitiesResponse(List<UserIdentityJson> identities) {}

    @GetMapping("/api/v2/users/{userId}/identities")
    ListPage<UserIdentityJson> list(@PathVariable long userId, HttpServletRequest request) {
        List<IdentityType> types = types(request);
        List<UserIdentity> rows = identities.ofUser(userId).stream()
                .filter(i -> types.isEmpty() || types.contains(i.type()))
                .toList();
        String base = base();
        return pages.inMemory("identities", request, rows, i -> List.of(0L, i.id()))
                .map(i -> UserIdentityJson.of(i, base));
    }

    @GetMapping("/api/v2/users/{userId}/identities/{id}")
    IdentityResponse show(@PathVariable long userId, @PathVariable long id) {
        return new IdentityResponse(UserIdentityJson.of(identities.get(userId, id), base()));
    }

    @PostMapping("/api/v2/users/{userId}/identities")
    ResponseEntity<IdentityResponse> create(
            @PathVariable long userId, @RequestBody JsonNode body, @AuthenticationPrincipal DeskPrincipal caller) {
        requireMayChange(caller, userId);
        Input in = Input.envelope(body, "identity");
        IdentityType type = in.oneOf("type", IdentityType.wireNames())
                .flatMap(IdentityType::fromWireName)
                .orElseThrow(() -> Input.blank("type"));
        String value = in.string("value", UserIdentities.MAX_VALUE).orElseThrow(() -> Input.blank("value"));
        UserIdentity created =
                identities.create(userId, type, value, in.bool("verified").orElse(false));
        if (in.bool("primary").orElse(false) && !created.primary()) {
            makePrimary(created);
            created = identities.get(userId, created.id());
        }
        String base = base();
        return ResponseEntity.status(HttpStatus.CREATED)
                .header("Location", base + "/api/v2/users/" + userId + "/identities/" + created.id() + ".json")
                .body(new IdentityResponse(UserIdentityJson.of(created, base)));
    }

    /** A new value and/or verified flag; {@code primary} is changed through make_primary only, as in Zendesk. */
    @PutMapping("/api/v2/users/{userId}/identities/{id}")
    IdentityResponse update(
            @PathVariable long userId,
            @PathVariable long id,
            @RequestBody JsonNode body,
            @AuthenticationPrincipal DeskPrincipal caller) {
        requireMayChange(caller, userId);
        UserIdentity current = identities.get(userId, id);
        Input in = Input.envelope(body, "identity");
        Optional<String> value = in.string("value", UserIdentities.MAX_VALUE);
        Optional<Boolean> verified = in.bool("verified")
                .or(() ->
                        in.oneOf("verification_method", List.of("none", "low")).map("low"::equals));
        if (current.primary() && current.type() == IdentityType.EMAIL && value.isPresent()) {
            // The user's email changes with it: Users checks it and moves the identity along.
            users.update(userId, emailOnly(value.get()));
            value = Optional.empty();
        }
        return new IdentityResponse(UserIdentityJson.of(identities.update(userId, id, value, verified), base()));
    }

    @PutMapping("/api/v2/users/{userId}/identities/{id}/make_primary")
    IdentitiesResponse makePrimary(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireMayChange(caller, userId);
        makePrimary(identities.get(userId, id));
        String base = base();
        return new IdentitiesResponse(identities.ofUser(userId).stream()
                .map(i -> UserIdentityJson.of(i, base))
                .toList());
    }

    @PutMapping("/api/v2/users/{userId}/identities/{id}/verify")
    IdentityResponse verify(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireMayChange(caller, userId);
        return new IdentityResponse(UserIdentityJson.of(identities.verify(userId, id), base()));
    }

    /** Zendesk mails a verification link and answers an empty 200; desk sends no mail. */
    @PutMapping("/api/v2/users/{userId}/identities/{id}/request_verification")
    ResponseEntity<Void> requestVerification(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireMayChange(caller, userId);
        identities.get(userId, id);
        return ResponseEntity.ok().build();
    }

    @DeleteMapping("/api/v2/users/{userId}/identities/{id}")
    ResponseEntity<Void> delete(
            @PathVariable long userId, @PathVariable long id, @AuthenticationPrincipal DeskPrincipal caller) {
        requireMayChange(caller, userId);
        identities.delete(userId, id);
        return ResponseEntity.noContent().build();
    }

    /** An email identity becomes primary by becoming the user's email (see {@link UserIdentities}). */
    private void makePrimary(UserIdentity identity) {
        if (identity.type() == IdentityType.EMAIL) {
            users.update(identity.userId(), emailOnly(identity.value()));
        } else {
            identities.makePrimary(identity.userId(), identity.id());
        }
    }

    private void requireMayChange(DeskPrincipal caller, long userId) {
        UserAccount user = users.findById(userId).orElseThrow(() -> UserNotFoundException.forId(userId));
        if (caller.isAdmin() || caller.userId() == userId || user.role() == Role.END_USER) {
            return;
        }
        throw new ForbiddenException("Agents may only change the identities of end users and their own");
    }

    /** {@code type[]=email&type[]=phone_number} (or {@code type=email}). */
    private static List<IdentityType> types(HttpServletRequest request) {
        List<IdentityType> types = new ArrayList<>();
        for (String name : List.of("type", "type[]")) {
            String[] values = request.getParameterValues(name);
            if (values == null) {
                continue;
            }
            for (String value : values) {
                types.add(IdentityType.fromWireName(value.trim())
                        .orElseThrow(() -> new BadRequestException(
                                "InvalidParameter",
                                "type must be one of " + String.join(", ", IdentityType.wireNames()) + " (got \""
                                        + value + "\")")));
            }
        }
        return types;
    }

    private static UserChanges emailOnly(String email) {
        return UserChanges.nameAndEmail(null, email);
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}

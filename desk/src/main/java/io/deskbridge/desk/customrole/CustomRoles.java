package io.deskbridge.desk.customrole;

import io.deskbridge.desk.api.RecordNotFoundException;
import io.deskbridge.desk.customrole.CustomRole.Configuration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** The fixed roles desk answers (see package-info). */
@Service
public class CustomRoles {

    private static final Instant SINCE = Instant.parse("2026-01-01T00:00:00Z");

    private static final List<CustomRole> ROLES = List.of(
            new CustomRole(
                    1,
                    "Staff",
                    "Can edit tickets within their groups",
                    0,
                    0,
                    new Configuration(
                            true,
                            "readonly",
                            "within-groups",
                            true,
                            false,
                            true,
                            true,
                            "readonly",
                            "readonly",
                            false,
                            false,
                            false,
                            false,
                            false,
                            false,
                            false),
                    SINCE,
                    SINCE),
            new CustomRole(
                    2,
                    "Team lead",
                    "Can manage all tickets and forums",
                    0,
                    0,
                    new Configuration(
                            true, "full", "all", true, true, true, true, "full", "full", false, false, false, false,
                            false, true, false),
                    SINCE,
                    SINCE),
            new CustomRole(
                    3,
                    "Advisor",
                    "Can automate ticket workflow, manage channels and make business rules",
                    0,
                    0,
                    new Configuration(
                            true,
                            "readonly",
                            "within-groups",
                            false,
                            false,
                            false,
                            false,
                            "full",
                            "full",
                            true,
                            true,
                            true,
                            true,
                            true,
                            false,
                            false),
                    SINCE,
                    SINCE),
            new CustomRole(
                    4,
                    "Light agent",
                    "Can view and add private comments to tickets",
                    1,
                    0,
                    new Configuration(
                            false,
                            "readonly",
                            "within-groups",
                            false,
                            false,
                            false,
                            false,
                            "readonly",
                            "readonly",
                            false,
                            false,
                            false,
                            false,
                            false,
                            false,
                            true),
                    SINCE,
                    SINCE),
            new CustomRole(
                    5,
                    "Administrator",
                    "Manages the account",
                    4,
                    0,
                    new Configuration(
                            true, "full", "all", true, true, true, true, "full", "full", true, true, true, true, true,
                            true, false),
                    SINCE,
                    SINCE));

    public List<CustomRole> all() {
        return ROLES;
    }

    public CustomRole get(long id) {
        return ROLES.stream()
                .filter(r -> r.id() == id)
                .findFirst()
                .orElseThrow(() -> new RecordNotFoundException("No custom role with id " + id));
    }
}

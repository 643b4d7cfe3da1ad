package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.Checklist.TEAM_MEMBERS_PAGE;
import static io.deskbridge.sync.diagnostics.Checklist.article;
import static io.deskbridge.sync.diagnostics.Checklist.text;

import io.deskbridge.sync.connection.ApiTokenCredential;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** 6. The user: the email handed over, active and not suspended, and an admin (exports need one). */
final class UserCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.USER;
    }

    @Override
    public List<CheckKey> requires() {
        return List.of(CheckKey.REACHABLE, CheckKey.CREDENTIALS, CheckKey.AUTHENTICATION, CheckKey.IDENTITY);
    }

    @Override
    public Check check(ChecklistRun run) {
        Subject subject = run.subject();
        JsonNode user = run.user();
        String name = text(user, "name");
        String email = text(user, "email");
        String role = text(user, "role");
        List<String> observed = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        CheckStatus status = CheckStatus.PASS;
        if (subject.credential() instanceof ApiTokenCredential token
                && email != null
                && !email.equalsIgnoreCase(token.email().strip())) {
            status = CheckStatus.WARN;
            observed.add(
                    "The token was handed over with " + token.email() + " but the account answered as " + email + ".");
            fixes.add("Hand the credential over again with the email of the user it should act as (" + email
                    + " if that is right).");
        }
        if (user.path("suspended").asBoolean(false)
                || (user.has("active") && !user.path("active").asBoolean(true))) {
            status = CheckStatus.FAIL;
            observed.add(name + " is " + (user.path("suspended").asBoolean(false) ? "suspended" : "not active") + ".");
            fixes.add("Unsuspend or reactivate " + name + " (" + TEAM_MEMBERS_PAGE + " → " + name
                    + " → Unsuspend access), or hand over a token for another admin.");
        }
        if ("admin".equals(role)) {
            observed.add(name + " is an admin: incremental exports and audit logs are allowed.");
        } else {
            status = CheckStatus.FAIL;
            observed.add(name + " is " + article(role)
                    + ", not an admin: incremental exports (every stream sync reads) and audit logs need an admin.");
            fixes.add("Ask an admin to create the token or change the role in " + TEAM_MEMBERS_PAGE + " → " + name
                    + " → Role: Admin.");
        }
        return Check.of(
                CheckKey.USER, status, String.join(" ", observed), fixes.isEmpty() ? null : String.join(" ", fixes));
    }
}

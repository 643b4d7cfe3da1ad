package io.deskbridge.sync.diagnostics;

import static io.deskbridge.sync.diagnostics.Checklist.text;

import java.util.List;
import tools.jackson.databind.JsonNode;

/** 5. The accepted credential acts as a real user, not the anonymous one (a proxy stripping Authorization). */
final class IdentityCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.IDENTITY;
    }

    @Override
    public List<CheckKey> requires() {
        return List.of(CheckKey.REACHABLE, CheckKey.CREDENTIALS, CheckKey.AUTHENTICATION);
    }

    @Override
    public String blocks() {
        return "the server answered as the anonymous user (see " + CheckKey.IDENTITY.wireName() + ")";
    }

    @Override
    public Check check(ChecklistRun run) {
        JsonNode user = run.user();
        if (user == null || !user.isObject() || !user.hasNonNull("id")) {
            return Check.of(
                    CheckKey.IDENTITY,
                    CheckStatus.FAIL,
                    "GET /api/v2/users/me answered 200 as the anonymous user (id null"
                            + (user != null && user.hasNonNull("name") ? ", name \"" + text(user, "name") + "\"" : "")
                            + "): the credentials were ignored.",
                    "Something between sync and the account removes the Authorization header (a proxy), or the "
                            + "address is not the API's: use https://<subdomain>.zendesk.com, not a host-mapped "
                            + "help-center domain.");
        }
        return Check.pass(
                CheckKey.IDENTITY,
                "Authenticated as " + text(user, "name") + " <" + text(user, "email") + "> (user "
                        + user.path("id").asLong() + ").");
    }
}

package io.deskbridge.desk.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

class ApiAccessRulesTests {

    private final ApiAccessRules rules = new ApiAccessRules();

    private static final Authentication ANONYMOUS =
            new AnonymousAuthenticationToken("key", "anonymous", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    private static final Authentication END_USER = signedIn("ROLE_END_USER");
    private static final Authentication AGENT = signedIn("ROLE_AGENT");
    private static final Authentication ADMIN = signedIn("ROLE_ADMIN");

    private static Authentication signedIn(String role) {
        TestingAuthenticationToken token = new TestingAuthenticationToken("someone", null, role);
        token.setAuthenticated(true);
        return token;
    }

    /** Who of anonymous, end user, agent, admin may: e.g. "-EAD" is everyone signed in. */
    private String who(String method, String path) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setServletPath(path);
        StringBuilder who = new StringBuilder();
        String letters = "NEAD";
        List<Authentication> callers = List.of(ANONYMOUS, END_USER, AGENT, ADMIN);
        for (int i = 0; i < callers.size(); i++) {
            Authentication caller = callers.get(i);
            AuthorizationResult result = rules.authorize(() -> caller, new RequestAuthorizationContext(request));
            who.append(result.isGranted() ? letters.charAt(i) : '-');
        }
        return who.toString();
    }

    @Test
    void shouldGrantEachPartOfTheApiToWhomTheRulesSay() {
        List<String> wrong = new ArrayList<>();
        String[][] cases = {
            // method, path, who (anonymous, end user, agent, admin)
            {"GET", "/api/v2/users/me", "NEAD"},
            {"PUT", "/api/v2/users/me", "--AD"},
            {"GET", "/api/v2/users/me/x", "--AD"},
            {"GET", "/api/v2/account/settings", "--AD"},
            {"PUT", "/api/v2/account/settings", "---D"},
            {"GET", "/api/v2/account", "---D"},
            {"GET", "/api/v2/accounts", "--AD"},
            {"GET", "/api/v2/oauth/tokens", "-EAD"},
            {"DELETE", "/api/v2/oauth/tokens/5", "-EAD"},
            {"GET", "/api/v2/oauth/clients", "---D"},
            {"GET", "/api/v2/oauth", "---D"},
            {"GET", "/api/v2/requests", "-EAD"},
            {"POST", "/api/v2/requests/7/comments", "-EAD"},
            {"GET", "/api/v2/requestsx", "--AD"},
            {"GET", "/api/v2/api_tokens", "---D"},
            {"GET", "/api/v2/audit_logs/3", "---D"},
            {"GET", "/api/v2/incremental/tickets/cursor", "---D"},
            {"POST", "/api/v2/webhooks", "---D"},
            {"GET", "/api/v2/organizations/4", "--AD"},
            {"POST", "/api/v2/organizations", "---D"},
            {"PUT", "/api/v2/organizations/4", "---D"},
            {"DELETE", "/api/v2/groups/4", "---D"},
            {"PATCH", "/api/v2/groups/4", "--AD"},
            {"GET", "/api/v2/groups", "--AD"},
            {"POST", "/api/v2/tickets/42/satisfaction_rating", "-EAD"},
            {"GET", "/api/v2/tickets/42/satisfaction_rating", "--AD"},
            {"POST", "/api/v2/tickets/42/x/satisfaction_rating", "--AD"},
            {"POST", "/api/v2/tickets//satisfaction_rating", "--AD"},
            {"GET", "/api/v2/tickets/42", "--AD"},
            {"GET", "/api/v2", "--AD"},
            {"GET", "/api/v1/tickets", "-EAD"},
            {"GET", "/api/other", "-EAD"},
        };
        for (String[] c : cases) {
            String actual = who(c[0], c[1]);
            if (!actual.equals(c[2])) {
                wrong.add(c[0] + " " + c[1] + ": expected " + c[2] + ", was " + actual);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void shouldTreatAnAreaAsItselfAndWhatIsUnderIt() {
        assertThat(ApiAccessRules.under("/api/v2/webhooks", "/api/v2/webhooks")).isTrue();
        assertThat(ApiAccessRules.under("/api/v2/webhooks/1/test", "/api/v2/webhooks"))
                .isTrue();
        assertThat(ApiAccessRules.under("/api/v2/webhooks/", "/api/v2/webhooks"))
                .isTrue();
        assertThat(ApiAccessRules.under("/api/v2/webhooksx", "/api/v2/webhooks"))
                .isFalse();
        assertThat(ApiAccessRules.under("/api/v2/web", "/api/v2/webhooks")).isFalse();
    }
}

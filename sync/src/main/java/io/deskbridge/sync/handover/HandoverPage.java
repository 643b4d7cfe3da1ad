package io.deskbridge.sync.handover;

import io.deskbridge.sync.audit.Actor;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.connection.Credential;
import io.deskbridge.sync.connection.OAuthCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The page a Zendesk admin opens from a request link, without signing in: who asks, for which
 * account, why, the Admin Center steps, and the form. The token typed into the form is never
 * rendered back, not even when the form has to be shown again.
 */
@Controller
class HandoverPage {

    static final int MAX_TOKEN_LENGTH = 512;
    /** Ten years: Zendesk's access tokens last minutes to days; anything longer is a typo. */
    static final long MAX_EXPIRES_IN_SECONDS = 10L * 365 * 24 * 3600;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * sync's web pages' policy, with the account's origin allowed as a form target on a page that
     * offers "Connect with Zendesk": browsers apply {@code form-action} to the redirect that follows
     * the button's post, and {@code 'self'} alone would block the way to the consent page.
     */
    static final String CSP_WITH_ACCOUNT = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'"
            + " data:; connect-src 'self'; form-action 'self' %s; frame-ancestors 'none'; base-uri 'none';"
            + " object-src 'none'";

    private final RequestLinks links;
    private final ConnectWithZendesk connect;
    private final HandoverProperties properties;
    private final Clock clock;

    HandoverPage(RequestLinks links, ConnectWithZendesk connect, HandoverProperties properties, Clock clock) {
        this.links = links;
        this.connect = connect;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping(LinkUrls.PATH + "{token}")
    String open(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        return render(links.visit(token, visitor(request)), Map.of(), "", response, model);
    }

    @PostMapping(LinkUrls.PATH + "{token}")
    String submit(
            @PathVariable String token,
            @RequestParam(defaultValue = "api_token") String kind,
            @RequestParam(defaultValue = "") String email,
            @RequestParam(name = "api_token", defaultValue = "") String apiToken,
            @RequestParam(name = "access_token", defaultValue = "") String accessToken,
            @RequestParam(name = "refresh_token", defaultValue = "") String refreshToken,
            @RequestParam(name = "expires_in", defaultValue = "") String expiresIn,
            @RequestParam(name = "client_id", defaultValue = "") String clientId,
            @RequestParam(name = "client_secret", defaultValue = "") String clientSecret,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        if ("connect".equals(kind)) {
            return connect(token, request, response, model);
        }
        boolean oauth = "oauth".equals(kind);
        Map<String, String> problems = oauth
                ? oauthProblems(
                        accessToken.strip(),
                        refreshToken.strip(),
                        expiresIn.strip(),
                        clientId.strip(),
                        clientSecret.strip())
                : problems(email.strip(), apiToken.strip());
        if (!problems.isEmpty()) {
            Optional<LinkVisit> visit = links.peek(token);
            if (visit.isPresent() && visit.get().status() != LinkStatus.OPEN) {
                visit = links.visit(token, visitor(request));
            }
            return render(visit, problems, email.strip(), response, model);
        }
        Credential credential = oauth
                ? new OAuthCredential(
                        accessToken.strip(),
                        blankToNull(refreshToken),
                        expiresIn.isBlank() ? null : Instant.now(clock).plusSeconds(Long.parseLong(expiresIn.strip())),
                        blankToNull(clientId),
                        blankToNull(clientSecret))
                : new ApiTokenCredential(email.strip(), apiToken.strip());
        return render(links.redeem(token, credential, visitor(request)), problems, email.strip(), response, model);
    }

    /** "Connect with Zendesk": to the account's consent page, or the page again when the link cannot. */
    private String connect(String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Optional<ConnectWithZendesk.Started> started =
                connect.start(token, LinkUrls.callback(properties), visitor(request));
        if (started.isPresent() && started.get().consentUrl() != null) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setStatus(HttpStatus.SEE_OTHER.value());
            response.setHeader(HttpHeaders.LOCATION, started.get().consentUrl().toString());
            return null;
        }
        return render(started.map(ConnectWithZendesk.Started::visit), Map.of(), "", response, model);
    }

    /**
     * Where the account's consent page sends the admin back: {@code code} and {@code state}, or {@code
     * error} and {@code state}. Every way it can go wrong gets a page that names the fix, never a 500.
     */
    @GetMapping(LinkUrls.CALLBACK_PATH)
    String callback(
            @RequestParam(required = false) String state,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String error,
            HttpServletRequest request,
            HttpServletResponse response,
            Model model) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        ConnectWithZendesk.Finished finished =
                connect.finish(state, code, error, LinkUrls.callback(properties), visitor(request));
        if (finished.failure() == null) {
            model.addAttribute("oauth", finished.visit().received());
            return render(Optional.of(finished.visit()), Map.of(), "", response, model);
        }
        model.addAttribute("platform", properties.platformName());
        model.addAttribute("failure", finished.failure().name());
        model.addAttribute("detail", finished.detail());
        model.addAttribute("operator", finished.operator());
        model.addAttribute("lifetimeMinutes", ConnectWithZendesk.STATE_LIFETIME.toMinutes());
        response.setStatus(finished.failure().status);
        return "handover/connect-failed";
    }

    private String render(
            Optional<LinkVisit> found,
            Map<String, String> problems,
            String email,
            HttpServletResponse response,
            Model model) {
        model.addAttribute("platform", properties.platformName());
        if (found.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "handover/unknown";
        }
        LinkVisit visit = found.get();
        model.addAttribute("link", visit.link());
        model.addAttribute("connection", visit.connection());
        if (visit.received()) {
            return "handover/received";
        }
        if (visit.status() != LinkStatus.OPEN) {
            response.setStatus(HttpStatus.GONE.value());
            model.addAttribute("status", visit.status().wireName());
            return "handover/gone";
        }
        if (!problems.isEmpty()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        model.addAttribute("problems", problems);
        model.addAttribute("email", email);
        Optional<String> clientId = links.oauthClientId(visit.link().id());
        model.addAttribute("oauthClientId", clientId.orElse(null));
        if (clientId.isPresent()) {
            URI account = visit.connection().address().baseUrl();
            response.setHeader(
                    "Content-Security-Policy",
                    CSP_WITH_ACCOUNT.formatted(account.getScheme() + "://" + account.getRawAuthority()));
        }
        return "handover/request";
    }

    /** What is wrong with the form, by field. */
    static Map<String, String> problems(String email, String apiToken) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (email.isEmpty()) {
            problems.put("email", "Enter the email address of the Zendesk user the API token belongs to.");
        } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            problems.put("email", "The email address is not valid; enter it as name@example.com.");
        }
        if (apiToken.isEmpty()) {
            problems.put("api_token", "Paste the API token you copied in Admin Center.");
        } else if (apiToken.length() > MAX_TOKEN_LENGTH || apiToken.chars().anyMatch(Character::isWhitespace)) {
            problems.put(
                    "api_token",
                    "The API token must be one word of at most " + MAX_TOKEN_LENGTH
                            + " characters, without spaces; copy it again from Admin Center.");
        }
        return problems;
    }

    /**
     * What is wrong with the OAuth form. Decision: a refresh token without the OAuth client's
     * identifier is refused, because Zendesk's refresh grant needs the client id; tokens without a
     * refresh token are accepted and used until they expire.
     */
    static Map<String, String> oauthProblems(
            String accessToken, String refreshToken, String expiresIn, String clientId, String clientSecret) {
        Map<String, String> problems = new LinkedHashMap<>();
        oneWord(problems, "access_token", "OAuth access token", accessToken, true);
        oneWord(problems, "refresh_token", "Refresh token", refreshToken, false);
        oneWord(problems, "client_id", "OAuth client's unique identifier", clientId, false);
        oneWord(problems, "client_secret", "OAuth client's secret", clientSecret, false);
        if (!refreshToken.isEmpty() && clientId.isEmpty() && !problems.containsKey("client_id")) {
            problems.put(
                    "client_id",
                    "Enter the OAuth client's unique identifier (Admin Center → Apps and integrations → APIs → "
                            + "OAuth clients): the refresh token cannot be used without it.");
        }
        if (!expiresIn.isEmpty()) {
            long seconds = -1;
            if (expiresIn.matches("[0-9]{1,10}")) {
                seconds = Long.parseLong(expiresIn);
            }
            if (seconds < 60 || seconds > MAX_EXPIRES_IN_SECONDS) {
                problems.put(
                        "expires_in",
                        "Expires in: enter the access token's remaining lifetime in seconds, from 60 to "
                                + MAX_EXPIRES_IN_SECONDS
                                + " (Zendesk's expires_in), or leave it empty if it does not expire.");
            }
        }
        return problems;
    }

    private static void oneWord(
            Map<String, String> problems, String field, String label, String value, boolean required) {
        if (value.isEmpty()) {
            if (required) {
                problems.put(field, "Paste the " + label + ".");
            }
        } else if (value.length() > MAX_TOKEN_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            problems.put(
                    field,
                    "The " + label + " must be one word of at most " + MAX_TOKEN_LENGTH
                            + " characters, without spaces; copy it again.");
        }
    }

    private static String blankToNull(String value) {
        return value.isBlank() ? null : value.strip();
    }

    private static Actor visitor(HttpServletRequest request) {
        return Actor.linkVisitor(request.getRemoteAddr(), request.getHeader(HttpHeaders.USER_AGENT));
    }
}

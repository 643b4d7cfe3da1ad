package io.deskbridge.common.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;

/**
 * CSRF tokens that never create a server session (issue 10: 3,000 anonymous {@code GET /login} made
 * 3,006 eight-hour sessions). While a request has a session (a signed-in user) its token lives in
 * the session, as before (desk's API chain reads the same session token for {@code X-CSRF-Token});
 * without one (a sign-in page, sync's credential request link page) it lives in an HttpOnly,
 * SameSite=Lax cookie and the form sends it back: Spring Security's
 * double-submit {@link CookieCsrfTokenRepository}, with the token masked per page as usual. Sessions
 * are created only at sign-in, where the token is replaced.
 *
 * <p>Why not the cookie for signed-in pages too: a cookie can be planted by a sibling host or a
 * network attacker on plain http; the session-bound token cannot. For the anonymous forms a planted
 * token gains nothing that fetching the page does not (there is no session to ride).
 *
 * <p>Each app names its own cookie ({@code DESK_XSRF}, {@code SYNC_XSRF}): desk and sync on one host
 * share cookies across ports, and each must not overwrite the other's token.
 */
public final class SessionOrCookieCsrfTokens implements CsrfTokenRepository {

    private final HttpSessionCsrfTokenRepository sessions = new HttpSessionCsrfTokenRepository();
    private final CookieCsrfTokenRepository cookies = new CookieCsrfTokenRepository();

    public SessionOrCookieCsrfTokens(String cookieName) {
        cookies.setCookieName(cookieName);
        cookies.setCookiePath("/");
        cookies.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
    }

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return sessions.generateToken(request);
    }

    @Override
    public void saveToken(CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (token == null) {
            sessions.saveToken(null, request, response);
            if (cookies.loadToken(request) != null) {
                cookies.saveToken(null, request, response);
            }
        } else if (request.getSession(false) != null) {
            sessions.saveToken(token, request, response);
        } else {
            cookies.saveToken(token, request, response);
        }
    }

    @Override
    public CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) != null ? sessions.loadToken(request) : cookies.loadToken(request);
    }
}

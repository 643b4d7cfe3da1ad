package io.deskbridge.desk.admincenter;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the email typed into the sign-in form across a failed attempt, so that a wrong password
 * does not also cost the person their email. The sign-in page is session-free (anonymous visits
 * must not create server sessions), so the email rides in a short-lived cookie scoped to
 * {@code /login}: HttpOnly, SameSite=Strict, five minutes. Never the password.
 */
public final class RememberedSignInEmail {

    static final String COOKIE = "desk_signin_email";
    private static final int MAX_AGE_SECONDS = 300;
    private static final int MAX_LENGTH = 254;
    /** Only something shaped like an email is kept; anything else is dropped, never echoed. */
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^\\s@<>\"']{1,200}@[^\\s@<>\"']{1,200}");

    private RememberedSignInEmail() {}

    /** After a failed sign-in: remember the {@code email} form field, if it looks like one. */
    public static void remember(HttpServletRequest request, HttpServletResponse response) {
        String email = request.getParameter("email");
        if (email == null
                || email.length() > MAX_LENGTH
                || !EMAIL_SHAPE.matcher(email.strip()).matches()) {
            return;
        }
        Cookie cookie = new Cookie(COOKIE, URLEncoder.encode(email.strip(), StandardCharsets.UTF_8));
        cookie.setPath("/login");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge(MAX_AGE_SECONDS);
        cookie.setAttribute("SameSite", "Strict");
        response.addCookie(cookie);
    }

    /** The remembered email, for the sign-in form. */
    static Optional<String> read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        return Arrays.stream(cookies)
                .filter(c -> COOKIE.equals(c.getName()))
                .map(c -> decode(c.getValue()))
                .flatMap(Optional::stream)
                .filter(e -> e.length() <= MAX_LENGTH && EMAIL_SHAPE.matcher(e).matches())
                .findFirst();
    }

    private static Optional<String> decode(String value) {
        try {
            return Optional.of(URLDecoder.decode(value, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}

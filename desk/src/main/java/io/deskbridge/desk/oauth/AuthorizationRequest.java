package io.deskbridge.desk.oauth;

/**
 * The query of {@code GET /oauth/authorizations/new}, repeated as hidden fields of the consent form
 * and validated again when the form comes back (the browser is not trusted with them).
 */
public record AuthorizationRequest(
        String responseType,
        String clientId,
        String redirectUri,
        String scope,
        String state,
        String codeChallenge,
        String codeChallengeMethod) {}

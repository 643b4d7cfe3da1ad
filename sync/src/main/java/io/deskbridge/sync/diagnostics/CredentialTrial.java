package io.deskbridge.sync.diagnostics;

/**
 * The checklist's findings with a credential that is not stored (yet), and whom the account
 * authenticated it as.
 *
 * @param userId the authenticated user's id; null when authentication did not pass
 * @param userEmail null when unknown
 * @param userRole {@code admin}, {@code agent}, ...; null when unknown
 */
public record CredentialTrial(DiagnosticsReport report, Long userId, String userEmail, String userRole) {}

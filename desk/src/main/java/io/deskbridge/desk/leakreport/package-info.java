/**
 * Leak reports (issue 14): {@code POST /secret_scanning/reports} takes secret-scanning reports in
 * GitHub's secret-scanning partner format, stops every reported desk secret at once and answers with
 * the per-token result.
 *
 * <p>Decisions:
 *
 * <ul>
 *   <li>The request is GitHub's: a JSON array of {@code {"token","type","url","source"}}, signed with
 *       ECDSA P-256 / SHA-256 over the raw body, the base64 DER signature in {@code
 *       Github-Public-Key-Signature} and the key's identifier in {@code Github-Public-Key-Identifier}.
 *       The keys are configured ({@code desk.leak-reports.public-keys.<identifier>}: base64 DER or
 *       PEM, as GitHub publishes at {@code /meta/public_keys/secret_scanning}); desk does not fetch them
 *       itself, so an air-gapped desk and a test scanner work the same way. No keys: every report is
 *       refused (401), naming the property.
 *   <li>The answer is GitHub's feedback format, one entry per reported token: {@code token_hash}
 *       (SHA-256 hex of the value; never the raw value, which would put the secret in one more log),
 *       {@code token_type} as reported and {@code label} {@code true_positive} when the value is, or
 *       was, a desk token, else {@code false_positive}.
 *   <li>Recognised: API tokens ({@code dsk_}, current or rotated-away value) and OAuth access and
 *       refresh tokens ({@code dsko_}, {@code dskr_}); the checksum is checked before any lookup.
 *       OAuth client secrets ({@code dskc_}) are not handled yet (answered {@code false_positive}).
 *   <li>Each stop is audited ({@code api_token.leaked}, {@code oauth_token.leaked}) with the URL the
 *       scanner found it at; the audit log is what admins see. Revocation bumps the cluster epoch, so
 *       every instance refuses the value within one poll.
 *   <li>At most {@link LeakReports#MAX_TOKENS} tokens per report (GitHub batches; a larger body is
 *       refused with 400 and changes nothing).
 * </ul>
 */
package io.deskbridge.desk.leakreport;

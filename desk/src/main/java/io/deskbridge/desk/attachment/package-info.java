/**
 * Attachments: {@code POST /api/v2/uploads} (the body is the file; {@code filename} names it;
 * {@code token} adds it to an earlier upload), {@code DELETE /api/v2/uploads/{token}}, {@code GET
 * /api/v2/attachments/{id}}, the bytes behind {@code content_url}, and redaction (the ticket package
 * serves its path and calls {@link io.deskbridge.desk.attachment.Attachments#redact}).
 *
 * <p>Decisions.
 * <ul>
 *   <li>Files are stored in the database ({@code attachments.content}, BYTEA on both H2 and
 *       PostgreSQL), so a desk is one database to back up and every instance serves every file.
 *   <li>Limits: one file at most {@code desk.attachments.max-file-size} (Zendesk's 50 MB). A larger
 *       {@code Content-Length}, or a chunked body that grows past it, is a 413 in the
 *       {@code {"errors":[{"code":"RequestTooLarge"}]}} form of desk's request-size filter (which
 *       leaves uploads to this limit), and stores nothing.
 *   <li>Tokens: 25 random lower-case letters and digits, valid for {@code desk.attachments.token-lifetime}
 *       (Zendesk's 60 minutes, read from the injected clock) from the first file. A comment that names
 *       a token in {@code comment.uploads} takes all its files; the token is then spent. Zendesk deletes
 *       uploads that expire unattached and answers 404 for them: desk does too (they are purged on the
 *       next upload and hidden until then). A spent, expired or unknown token in {@code
 *       comment.uploads} is a 422 on {@code uploads} and the whole ticket write is refused — desk never
 *       drops a file silently.
 *   <li>{@code content_url} is {@code /api/v2/attachments/{id}/content}: under the API, so it takes the
 *       caller's API credentials (token, OAuth, password) and the API's roles; Zendesk's
 *       {@code /attachments/token/...} links are signed URLs desk does not imitate. The download
 *       carries the stored type, {@code Content-Disposition: attachment} with the file name, and
 *       {@code nosniff}.
 *   <li>Content type: what the client declares; for Zendesk's documented {@code application/binary},
 *       {@code application/octet-stream} or none, the type known for the file name's extension.
 *   <li>Roles: as the rest of desk's agent API, agents and admins (end users cannot write tickets
 *       through the API here, so an end user's upload could not be attached).
 *   <li>Redaction replaces the file with an empty {@code redacted.txt} ({@code text/plain}), keeping
 *       its id, as Zendesk documents; closed tickets refuse it (422).
 *   <li>Not modelled: thumbnails (always empty), image sizes, malware scanning ({@code
 *       not_scanned}), inline attachments, {@code PUT /attachments/{id}} (malware override).
 * </ul>
 */
package io.deskbridge.desk.attachment;

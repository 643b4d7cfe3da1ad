/**
 * The end user's Requests API: {@code GET/POST /api/v2/requests}, {@code /requests/open},
 * {@code /requests/solved}, {@code /requests/ccd}, {@code GET/PUT /requests/{id}},
 * {@code GET /requests/{id}/comments[/{comment_id}]}. A request is a ticket seen by its requester.
 *
 * <p>Decisions. Every signed-in role may call it (it is the one ticket API end users have). The lists
 * hold the caller's own requests, as Zendesk's do for every role ({@code ccd}: the tickets the caller is
 * CC'd on); {@code status=} narrows them (comma-separated), {@code sort_by=created_at|updated_at} and
 * {@code sort_order=asc|desc} order them (default: created_at ascending), offset or cursor paged.
 * {@code GET /requests/{id}} answers an end user only for tickets they requested or are CC'd on (404
 * otherwise, as Zendesk hides the rest); agents and admins see any ticket as a request. Creating takes
 * {@code subject} and {@code comment} (body or html_body), both required; the caller is the requester
 * and the author of the first (public) comment. {@code priority}, {@code type}, {@code due_at} and
 * {@code status} are a 422 on create and update: Zendesk lets requesters set them only where an admin
 * made those ticket fields editable for end users, which desk's fields cannot be yet. Updating takes a
 * {@code comment} (always public: end users cannot write internal notes) and {@code solved: true}
 * (422 unless {@code can_be_solved_by_me}: the ticket has an assignee and is not yet solved or
 * closed). Other writable fields Zendesk documents for requests ({@code collaborators},
 * {@code email_ccs}, {@code custom_fields}, {@code ticket_form_id}, {@code recipient}...) are refused with
 * a 422 rather than dropped. End users see public comments only. Wire deviation from Zendesk's
 * OpenAPI document: fields it types as non-nullable integers or strings ({@code assignee_id},
 * {@code group_id}, {@code organization_id}, {@code priority}, {@code type}, {@code due_at}) are left
 * out when empty instead of being null.
 */
package io.deskbridge.desk.request;

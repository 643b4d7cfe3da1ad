/**
 * Custom field definitions: {@code ticket_fields}, {@code user_fields}, {@code organization_fields}
 * (list, show, create, update, delete, reorder) and the options of drop-down and multiselect fields
 * ({@code /ticket_fields/{id}/options}, {@code /user_fields/{id}/options}). Admins write, agents read.
 *
 * <p>Decisions.
 * <ul>
 *   <li>One table for the three kinds ({@code owner} = ticket, user, organization). Zendesk's system
 *       ticket fields (subject, description, status, tickettype, priority, group, assignee) are rows
 *       created by V8_1, listed in position order with the custom ones; they cannot be deleted (422)
 *       and their type cannot change. Their {@code system_field_options} come from desk's ticket
 *       enums, not the table.
 *   <li>Types: tickets accept text, textarea, checkbox, date, integer, decimal, regexp, tagger,
 *       multiselect; users and organizations the same with {@code dropdown} for tagger, as Zendesk
 *       names them. {@code lookup} (relationship) fields are not supported (422).
 *   <li>User and organization fields need a {@code key} (letters, digits, underscores; unique per
 *       kind), the name their values are stored under; ticket fields are addressed by id.
 *   <li>Options: {@code custom_field_options} on create/update replaces the field's set (an option
 *       sent with its {@code id} keeps it); {@code POST .../options} creates an option, or updates the
 *       one whose {@code id} it names (200 instead of 201), as Zendesk does.
 *   <li>Reorder ({@code PUT /user_fields/reorder} ...) sets positions 1..n in the order given and
 *       answers 200 with an empty body; ids not of that kind are a 422.
 *   <li>Values: ticket writes ({@code custom_fields} and {@code fields}) check each value with {@link
 *       io.deskbridge.desk.customfield.CustomFields#checkValue} and add/remove the option tags of
 *       drop-down, multiselect and checkbox values; user and organization writes reach it through
 *       {@code api.AccountFieldValues} ({@code AccountFieldChecks}), since users and organizations may
 *       not depend on this package. Values for ids or keys that name no field are kept as sent (desk's
 *       earlier behaviour; Zendesk ignores them). User and organization drop-downs add no user tags.
 * </ul>
 */
package io.deskbridge.desk.customfield;

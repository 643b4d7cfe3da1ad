/**
 * Skill-based routing's account attributes and attribute values ({@code /api/v2/routing/attributes},
 * {@code /routing/attributes/{id}/values}, {@code /routing/attributes/definitions}) — what Airbyte's
 * account_attributes and attribute_definitions streams read.
 *
 * <p>Decisions. Ids are UUID strings as in Zendesk. Agents read, admins write (Zendesk's pages say
 * "Admins" for most writes). An attribute value's {@code conditions} (the ticket conditions that apply
 * the skill) are stored and returned as sent; desk does not route tickets by skills, so they are not
 * evaluated. The definitions are a fixed list of the condition subjects desk's tickets carry, in
 * Zendesk's {@code {"definitions": {"conditions_all": [...], "conditions_any": [...]}}} shape.
 * Agents' skills ({@code /routing/agents/...}) and ticket instance values are not served.
 */
package io.deskbridge.desk.routing;

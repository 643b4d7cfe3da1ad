/**
 * Business hours schedules: {@code /api/v2/business_hours/schedules} list, show, create, update,
 * delete, and {@code PUT .../{id}/workweek}. Admins write, agents read.
 *
 * <p>Decisions. Zendesk documents schedules outside its OpenAPI document (there is no schema to
 * validate against); the shapes follow its reference page: {@code {"schedule": {id, name, time_zone,
 * intervals: [{start_time, end_time}], created_at, updated_at}}}, intervals in minutes from Sunday
 * 00:00 (0..10080), and the list is not paginated ({@code {"schedules": [...]}}), as Zendesk answers
 * it. A new schedule without intervals gets Zendesk's default workweek (Monday to Friday, 09:00 to
 * 17:00). {@code time_zone} must be an IANA zone id ({@code Europe/Berlin}); Zendesk's Rails names
 * ("Pacific Time (US & Canada)") are not accepted yet. Holidays are not served.
 */
package io.deskbridge.desk.businesshours;

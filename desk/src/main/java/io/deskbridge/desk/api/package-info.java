/**
 * Zendesk's wire format shared by every capability: the error bodies and the exception types that
 * map onto them. Depends on nothing else in desk.
 *
 * <p>Error bodies are the records of the sealed {@link io.deskbridge.desk.api.ZendeskError} (one per
 * shape Zendesk uses: {@code {"error"}}, {@code {"error","description"}}, {@code {"error":{"title",
 * "message"}}}, RecordInvalid with {@code details}, {@code {"errors":[{"code","title"}]}}, OAuth's
 * {@code error_description}); {@link io.deskbridge.desk.api.ApiException#body()} returns one and
 * {@code ZendeskErrorHandler} writes it. {@code ZendeskErrors} converts them to maps only for writers
 * whose contract is a map (servlet filters that answer before MVC, Spring Boot's error attributes).
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.deskbridge.desk.api;

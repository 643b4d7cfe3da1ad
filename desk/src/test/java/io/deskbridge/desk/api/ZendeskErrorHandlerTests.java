package io.deskbridge.desk.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;

class ZendeskErrorHandlerTests {

    @Test
    void shouldAnswerADatabaseRefusalAs422RecordInvalidWithoutTheDatabaseMessage() {
        ResponseEntity<ZendeskError> answer = new ZendeskErrorHandler()
                .integrity(new DataIntegrityViolationException(
                        "value too long for type character varying(64): 'top-secret-value'"));
        assertThat(answer.getStatusCode().value()).isEqualTo(422);
        assertThat(answer.getBody())
                .isEqualTo(new ZendeskError.Invalid(
                        "RecordInvalid",
                        "Record validation errors",
                        java.util.Map.of(
                                "base",
                                List.of(new ZendeskError.Problem(
                                        "The record could not be stored: a value is too long or not allowed",
                                        "InvalidValue")))));
        assertThat(answer.getBody().toString()).doesNotContain("top-secret-value");
    }

    @Test
    void shouldRefuseStoredJsonLongerThanItsColumnBeforeTheDatabase() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> JsonText.write("user_fields", java.util.Map.of("k", "v".repeat(8000)), 8000))
                .isInstanceOfSatisfying(
                        RecordInvalidException.class,
                        e -> assertThat(e.details().get("user_fields").get(0))
                                .containsEntry("error", "TooLong")
                                .containsEntry(
                                        "description",
                                        "User fields: 8008 characters once stored; the maximum is 8000"));
        assertThat(JsonText.write("tags", List.of("a"), 4000)).isEqualTo("[\"a\"]");
    }
}

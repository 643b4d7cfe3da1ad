package io.deskbridge.sync.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * An error body in Zendesk's shapes, so one client library can read desk's, Zendesk's and ours:
 * {@code {"error": "Couldn't authenticate you"}}, {@code {"error": code, "description": text}}, and
 * {@code RecordInvalid} with {@code details} mapping each field to its problems.
 */
@Schema(name = "Error", description = "An error in Zendesk's shape; `details` only for RecordInvalid (422).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
        @Schema(
                description = "The error code, e.g. RecordNotFound, RecordInvalid, InvalidJSON",
                example = "RecordNotFound")
        String error,

        @Schema(description = "What went wrong, with the values involved", example = "There is no connection 7")
        String description,

        @Schema(description = "Per field, the rules it broke")
        Map<String, List<FieldProblem>> details) {

    public static final String COULD_NOT_AUTHENTICATE = "Couldn't authenticate you";

    /** One broken rule of one field: {@code {"error": code, "description": text}}. */
    @Schema(name = "FieldError")
    public record FieldProblem(
            @Schema(example = "InvalidValue") String error,
            @Schema(example = "Name: cannot be blank") String description) {}

    public static ApiError couldNotAuthenticate() {
        return new ApiError(COULD_NOT_AUTHENTICATE, null, null);
    }

    public static ApiError recordNotFound(String description) {
        return new ApiError("RecordNotFound", description, null);
    }

    public static ApiError recordInvalid(String field, String code, String description) {
        return new ApiError(
                "RecordInvalid",
                "Record validation errors",
                Map.of(field, List.of(new FieldProblem(code, description))));
    }

    /** The {@code {"error":..,"description":..}} form. */
    public static ApiError of(String error, String description) {
        return new ApiError(error, description, null);
    }
}

package io.deskbridge.desk.api;

import java.util.List;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place where API failures become HTTP responses with Zendesk's bodies. Nothing from the
 * request is echoed back: a malformed body may contain a credential.
 */
@RestControllerAdvice(annotations = RestController.class)
public class ZendeskErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ZendeskErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ZendeskError> api(ApiException e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        return json(e.status(), e.body(), headers);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ZendeskError> unreadable(HttpMessageNotReadableException e) {
        // Decision: Zendesk's exact body for malformed JSON is undocumented; we answer 400 in its
        // "errors" form and never quote the input (it may hold a secret).
        return json(
                HttpStatus.BAD_REQUEST,
                ZendeskError.errors(
                        "InvalidJSON", "The request body is not valid JSON or has a value of the wrong type."),
                new HttpHeaders());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ZendeskError> badParameter(Exception e) {
        String name = e instanceof MethodArgumentTypeMismatchException m
                ? m.getName()
                : ((MissingServletRequestParameterException) e).getParameterName();
        return json(
                HttpStatus.BAD_REQUEST,
                ZendeskError.errors("InvalidParameter", "Parameter '" + name + "' is missing or has the wrong type."),
                new HttpHeaders());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ZendeskError> mediaType(HttpMediaTypeNotSupportedException e) {
        return json(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ZendeskError.errors("UnsupportedMediaType", "Send request bodies as application/json."),
                new HttpHeaders());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ZendeskError> method(HttpRequestMethodNotSupportedException e) {
        return json(HttpStatus.METHOD_NOT_ALLOWED, ZendeskError.methodNotAllowed(e.getMethod()), new HttpHeaders());
    }

    /**
     * Last resort: every size and text rule is checked before the database sees a value, so this means
     * a rule is missing. The request changed nothing (its transaction rolled back): a 422 in Zendesk's
     * RecordInvalid shape, never the database's message (it may quote the value).
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ZendeskError> integrity(DataIntegrityViolationException e) {
        log.warn(
                "The database refused a value that passed validation ({}): a validation rule is missing",
                e.getClass().getSimpleName());
        return json(
                HttpStatus.UNPROCESSABLE_ENTITY,
                ZendeskError.recordInvalid(Map.of(
                        "base",
                        List.of(new ZendeskError.Problem(
                                "The record could not be stored: a value is too long or not allowed",
                                "InvalidValue")))),
                new HttpHeaders());
    }

    /** A query parameter with a bad %-escape ({@code ?%ZZ=1}) read inside a controller. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ZendeskError> undecodable(InvalidParameterException e) {
        return json(
                HttpStatus.BAD_REQUEST,
                ZendeskError.errors("InvalidParameter", "The query string has a malformed %-escape or is not UTF-8."),
                new HttpHeaders());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ZendeskError> unexpected(Exception e) {
        log.error("Unexpected failure while serving an API request", e);
        return json(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ZendeskError.described("InternalError", "Something went wrong on our side; it has been logged."),
                new HttpHeaders());
    }

    private static ResponseEntity<ZendeskError> json(HttpStatus status, ZendeskError body, HttpHeaders headers) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}

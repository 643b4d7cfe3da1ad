package io.deskbridge.sync.api;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The one place where REST failures become responses. Nothing from the request is echoed back: a
 * malformed body may contain a credential.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiErrorHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrorHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        return json(e.status(), e.body());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return json(
                HttpStatus.BAD_REQUEST,
                ApiError.of("InvalidJSON", "The request body is not valid JSON or has a value of the wrong type."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        return json(
                HttpStatus.BAD_REQUEST,
                ApiError.of("InvalidParameter", "Parameter '" + e.getName() + "' has the wrong type."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return json(
                HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                ApiError.of("UnsupportedMediaType", "Send request bodies as application/json."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return json(
                HttpStatus.METHOD_NOT_ALLOWED,
                ApiError.of("MethodNotAllowed", "Method " + e.getMethod() + " is not allowed here."));
    }

    /** A query parameter with a bad %-escape ({@code ?%ZZ=1}): Tomcat refuses to decode it. */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> undecodable(InvalidParameterException e) {
        return json(
                HttpStatus.BAD_REQUEST,
                ApiError.of("InvalidParameter", "The query string has a malformed %-escape or is not UTF-8."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected failure while serving an API request", e);
        return json(
                HttpStatus.INTERNAL_SERVER_ERROR,
                ApiError.of("InternalError", "Something went wrong on our side; it has been logged."));
    }

    private static ResponseEntity<ApiError> json(HttpStatus status, ApiError body) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}

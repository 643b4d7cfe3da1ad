package io.deskbridge.sync.config;

import io.deskbridge.sync.api.ApiException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * The web pages' side of the capabilities' exceptions (the API's side is the api package's handler,
 * which runs first for REST controllers): the status they carry and the error page.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class WebErrorAdvice {

    @ExceptionHandler(ApiException.class)
    String page(ApiException e, HttpServletResponse response, Model model) {
        response.setStatus(e.status().value());
        model.addAttribute("status", e.status().value());
        return "error";
    }
}

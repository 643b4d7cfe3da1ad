package io.deskbridge.desk.admincenter;

import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in user ({@code me}) into every page's model for the header, after the handler,
 * and only when a view is rendered. It was a {@code @ControllerAdvice} {@code @ModelAttribute} for
 * every {@code @Controller}, which {@code @RestController} is too: every API request paid for the
 * model-attribute machinery and an argument resolution it never used (about 5 % of the CPU of
 * {@code GET /api/v2/tickets/{id}} in issue 16's profile).
 */
@Component
class AdminCenterModel implements HandlerInterceptor, WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView view) {
        if (view == null
                || !view.hasView()
                || view.getModel().containsKey("me")
                || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        view.addObject(
                "me",
                authentication != null && authentication.getPrincipal() instanceof DeskPrincipal principal
                        ? principal
                        : null);
    }
}

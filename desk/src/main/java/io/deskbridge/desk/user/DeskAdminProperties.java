package io.deskbridge.desk.user;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The account owner created on first start.
 *
 * @param email {@code desk.admin.email} / {@code DESK_ADMIN_EMAIL}
 * @param password {@code desk.admin.password} / {@code DESK_ADMIN_PASSWORD}; generated when blank
 */
@Validated
@ConfigurationProperties("desk.admin")
public record DeskAdminProperties(@NotBlank @Email String email, String password) {}

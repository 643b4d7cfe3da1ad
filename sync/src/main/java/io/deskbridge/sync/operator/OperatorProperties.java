package io.deskbridge.sync.operator;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The operator created on first start.
 *
 * @param email {@code sync.operator.email} / {@code SYNC_OPERATOR_EMAIL}
 * @param password {@code sync.operator.password} / {@code SYNC_OPERATOR_PASSWORD}; generated when blank
 */
@Validated
@ConfigurationProperties("sync.operator")
public record OperatorProperties(@NotBlank @Email String email, String password) {}

package io.deskbridge.desk.secret;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code desk.secrets.*}.
 *
 * @param keyset base64 of a Tink JSON keyset ({@code DESK_SECRETS_KEYSET}) whose primary key is
 *     AES-256-GCM; when blank, desk generates one into {@code <data-dir>/secrets-keyset.json} (owner
 *     read/write only) on first start. Every instance sharing one database must use the same keyset:
 *     desk refuses to start when its keyset cannot open what another keyset sealed. To share the
 *     generated one: {@code base64 -w0 <data-dir>/secrets-keyset.json}.
 */
@ConfigurationProperties("desk.secrets")
public record SecretProperties(String keyset) {}

package io.deskbridge.sync.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/** A connection as the REST API shows it: never a secret, never a ciphertext. */
final class ConnectionJson {

    private ConnectionJson() {}

    static Map<String, Object> of(Connection c) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", c.id());
        json.put("name", c.name());
        json.put("address", c.address().toString());
        json.put("zendesk_cloud", c.address().zendeskCloud());
        json.put("state", c.state().wireName());
        json.put("credential_version", c.credentialVersion());
        json.put("auth_type", c.authType() == null ? null : c.authType().wireName());
        json.put("auth_identity", c.authIdentity());
        json.put("credentials_received_at", c.credentialsReceivedAt());
        json.put("created_at", c.createdAt());
        json.put("updated_at", c.updatedAt());
        return json;
    }
}

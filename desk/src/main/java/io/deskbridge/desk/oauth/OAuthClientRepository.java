package io.deskbridge.desk.oauth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OAuthClientRepository {

    private final JdbcClient jdbc;

    OAuthClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A client with its stored secret hash (null when it has none). */
    record ClientRow(OAuthClient client, String secretHash) {}

    List<ClientRow> findAll() {
        return jdbc.sql("SELECT * FROM oauth_clients ORDER BY id")
                .query(OAuthClientRepository::map)
                .list();
    }

    Optional<ClientRow> findById(long id) {
        return jdbc.sql("SELECT * FROM oauth_clients WHERE id = :id")
                .param("id", id)
                .query(OAuthClientRepository::map)
                .optional();
    }

    Optional<ClientRow> findByIdentifier(String identifier) {
        return jdbc.sql("SELECT * FROM oauth_clients WHERE identifier = :identifier")
                .param("identifier", identifier)
                .query(OAuthClientRepository::map)
                .optional();
    }

    boolean identifierTaken(String identifier, long exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM oauth_clients WHERE identifier = :identifier AND id <> :id")
                        .param("identifier", identifier)
                        .param("id", exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(OAuthClientRequest c, String secretHash, long userId, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO oauth_clients (name, identifier, company, description, kind, redirect_uris,
                                           secret_hash, user_id, created_at, updated_at)
                VALUES (:name, :identifier, :company, :description, :kind, :uris, :secret, :user, :now, :now)
                """)
                .param("name", c.name())
                .param("identifier", c.identifier())
                .param("company", c.company())
                .param("description", c.description())
                .param("kind", c.kind().name())
                .param("uris", String.join("\n", c.redirectUris()))
                .param("secret", secretHash)
                .param("user", userId)
                .param("now", at(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    void update(long id, OAuthClientRequest c, Instant now) {
        jdbc.sql("""
                UPDATE oauth_clients SET name = :name, identifier = :identifier, company = :company,
                       description = :description, kind = :kind, redirect_uris = :uris, updated_at = :now
                 WHERE id = :id
                """)
                .param("id", id)
                .param("name", c.name())
                .param("identifier", c.identifier())
                .param("company", c.company())
                .param("description", c.description())
                .param("kind", c.kind().name())
                .param("uris", String.join("\n", c.redirectUris()))
                .param("now", at(now))
                .update();
    }

    void updateSecret(long id, String secretHash, Instant now) {
        jdbc.sql("UPDATE oauth_clients SET secret_hash = :secret, updated_at = :now WHERE id = :id")
                .param("id", id)
                .param("secret", secretHash)
                .param("now", at(now))
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM oauth_clients WHERE id = :id").param("id", id).update();
    }

    private static ClientRow map(ResultSet rs, int n) throws SQLException {
        String uris = rs.getString("redirect_uris");
        String secretHash = rs.getString("secret_hash");
        return new ClientRow(
                new OAuthClient(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getString("identifier"),
                        rs.getString("company"),
                        rs.getString("description"),
                        OAuthClientKind.valueOf(rs.getString("kind")),
                        uris.isEmpty() ? List.of() : Arrays.asList(uris.split("\n")),
                        secretHash != null,
                        rs.getLong("user_id"),
                        instant(rs, "created_at"),
                        instant(rs, "updated_at")),
                secretHash);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

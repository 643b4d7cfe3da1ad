package io.deskbridge.desk.attachment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class AttachmentRepository {

    private static final String COLUMNS = "id, upload_token, uploader_id, ticket_id, comment_id, file_name,"
            + " content_type, size, created_at, expires_at";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Attachment a, byte[] content) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO attachments (upload_token, uploader_id, file_name, content_type, size, content,
                                         created_at, expires_at)
                VALUES (:token, :uploader, :fileName, :contentType, :size, :content, :createdAt, :expiresAt)
                """)
                .param("token", a.token())
                .param("uploader", a.uploaderId())
                .param("fileName", a.fileName())
                .param("contentType", a.contentType())
                .param("size", a.size())
                .param("content", content)
                .param("createdAt", ts(a.createdAt()))
                .param("expiresAt", ts(a.expiresAt()))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Attachment> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE id = :id")
                .param("id", id)
                .query(AttachmentRepository::map)
                .optional();
    }

    /** The files of an upload token, oldest first; locked for the rest of the transaction. */
    List<Attachment> lockByToken(String token) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE upload_token = :token ORDER BY id FOR UPDATE")
                .param("token", token)
                .query(AttachmentRepository::map)
                .list();
    }

    List<Attachment> byComments(Collection<Long> commentIds) {
        if (commentIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM attachments WHERE comment_id IN (:ids) ORDER BY id")
                .param("ids", commentIds)
                .query(AttachmentRepository::map)
                .list();
    }

    Optional<byte[]> content(long id) {
        return jdbc.sql("SELECT content FROM attachments WHERE id = :id")
                .param("id", id)
                .query((rs, row) -> rs.getBytes("content"))
                .optional();
    }

    void attach(String token, long ticketId, long commentId) {
        jdbc.sql("UPDATE attachments SET ticket_id = :ticketId, comment_id = :commentId WHERE upload_token = :token")
                .param("ticketId", ticketId)
                .param("commentId", commentId)
                .param("token", token)
                .update();
    }

    void deleteUpload(String token) {
        jdbc.sql("DELETE FROM attachments WHERE upload_token = :token AND comment_id IS NULL")
                .param("token", token)
                .update();
    }

    /** Expired uploads no comment took: Zendesk deletes them too. */
    int deleteExpired(Instant now) {
        return jdbc.sql("DELETE FROM attachments WHERE comment_id IS NULL AND expires_at <= :now")
                .param("now", ts(now))
                .update();
    }

    void deleteOfTicket(long ticketId) {
        jdbc.sql("DELETE FROM attachments WHERE ticket_id = :ticketId")
                .param("ticketId", ticketId)
                .update();
    }

    void redact(long id, String fileName, String contentType) {
        jdbc.sql("""
                UPDATE attachments SET file_name = :fileName, content_type = :contentType, size = 0, content = :empty
                 WHERE id = :id
                """)
                .param("fileName", fileName)
                .param("contentType", contentType)
                .param("empty", new byte[0])
                .param("id", id)
                .update();
    }

    private static Attachment map(ResultSet rs, int row) throws SQLException {
        return new Attachment(
                rs.getLong("id"),
                rs.getString("upload_token"),
                rs.getLong("uploader_id"),
                rs.getObject("ticket_id", Long.class),
                rs.getObject("comment_id", Long.class),
                rs.getString("file_name"),
                rs.getString("content_type"),
                rs.getLong("size"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime ts(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}

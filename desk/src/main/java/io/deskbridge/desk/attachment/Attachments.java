package io.deskbridge.desk.attachment;

import io.deskbridge.desk.api.Input;
import io.deskbridge.desk.api.RecordInvalidException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Uploads, their tokens, attaching them to comments, reading and redacting them (see package-info). */
@Service
public class Attachments {

    static final String REDACTED_NAME = "redacted.txt";
    private static final char[] TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int TOKEN_LENGTH = 25;

    private final AttachmentRepository repository;
    private final AttachmentProperties properties;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Attachments(AttachmentRepository repository, AttachmentProperties properties, Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /** An upload token with every file uploaded under it so far; {@code added} is this request's. */
    public record Upload(String token, Instant expiresAt, Attachment added, List<Attachment> attachments) {}

    long maxFileBytes() {
        return properties.maxFileSize().toBytes();
    }

    /**
     * Stores one file under a new token, or under {@code token} while that token is live (not expired,
     * not yet taken by a comment; else a 422 on {@code token}). The token keeps the expiry of its
     * first file.
     */
    @Transactional
    Upload upload(long uploaderId, Optional<String> token, String fileName, String contentType, byte[] content) {
        Instant now = now();
        repository.deleteExpired(now);
        String name = fileName(fileName);
        String type = contentType(contentType, name);
        String useToken;
        Instant expiresAt;
        List<Attachment> earlier;
        if (token.isPresent()) {
            earlier = live(token.get(), now)
                    .orElseThrow(
                            () -> Input.invalid("token", "is not a live upload token (unknown, expired or attached)"));
            useToken = token.get();
            expiresAt = earlier.get(0).expiresAt();
        } else {
            earlier = List.of();
            useToken = newToken();
            expiresAt = now.plus(properties.tokenLifetime());
        }
        Attachment draft =
                new Attachment(0, useToken, uploaderId, null, null, name, type, content.length, now, expiresAt);
        long id = repository.insert(draft, content);
        Attachment added = repository.find(id).orElseThrow();
        List<Attachment> all = new ArrayList<>(earlier);
        all.add(added);
        return new Upload(useToken, expiresAt, added, List.copyOf(all));
    }

    /** Deletes a live upload's files; an unknown, expired or attached token is a 404. */
    @Transactional
    void deleteUpload(String token) {
        live(token, now()).orElseThrow(AttachmentNotFoundException::forUpload);
        repository.deleteUpload(token);
    }

    /** An attachment, or 404 (also for an upload that expired before a comment took it). */
    @Transactional(readOnly = true)
    public Attachment get(long id) {
        return repository
                .find(id)
                .filter(a -> a.attached() || a.expiresAt().isAfter(now()))
                .orElseThrow(() -> AttachmentNotFoundException.forId(id));
    }

    @Transactional(readOnly = true)
    byte[] content(long id) {
        get(id);
        return repository.content(id).orElseThrow(() -> AttachmentNotFoundException.forId(id));
    }

    /**
     * Gives the files of {@code tokens} to a new comment. Every token must be live, else a 422 on
     * {@code uploads} naming it (the caller's transaction then stores neither comment nor files).
     */
    @Transactional
    public List<Attachment> attach(List<String> tokens, long ticketId, long commentId) {
        Instant now = now();
        List<Attachment> attached = new ArrayList<>();
        for (String token : new LinkedHashSet<>(tokens)) {
            List<Attachment> files = live(token, now)
                    .orElseThrow(() -> new RecordInvalidException(
                            "uploads",
                            "InvalidValue",
                            "Uploads: " + token
                                    + " is not a live upload token (unknown, expired or already attached)"));
            repository.attach(token, ticketId, commentId);
            files.forEach(f -> attached.add(new Attachment(
                    f.id(),
                    f.token(),
                    f.uploaderId(),
                    ticketId,
                    commentId,
                    f.fileName(),
                    f.contentType(),
                    f.size(),
                    f.createdAt(),
                    f.expiresAt())));
        }
        return attached;
    }

    /** The attachments of each comment (comments without any are absent). */
    @Transactional(readOnly = true)
    public Map<Long, List<Attachment>> byComments(Collection<Long> commentIds) {
        Map<Long, List<Attachment>> byComment = new LinkedHashMap<>();
        for (Attachment a : repository.byComments(commentIds)) {
            byComment.computeIfAbsent(a.commentId(), k -> new ArrayList<>()).add(a);
        }
        return byComment;
    }

    /** Deletes the files of the ticket's comments, with their content (its permanent delete). */
    @Transactional
    public void deleteOfTicket(long ticketId) {
        repository.deleteOfTicket(ticketId);
    }

    /**
     * Replaces a comment's attachment with an empty {@code redacted.txt}, as Zendesk does; 404 when the
     * attachment is not on that comment of that ticket.
     */
    @Transactional
    public Attachment redact(long ticketId, long commentId, long attachmentId) {
        Attachment a = repository
                .find(attachmentId)
                .filter(x -> x.commentId() != null && x.commentId() == commentId)
                .filter(x -> x.ticketId() != null && x.ticketId() == ticketId)
                .orElseThrow(() -> AttachmentNotFoundException.forId(attachmentId));
        repository.redact(a.id(), REDACTED_NAME, MediaType.TEXT_PLAIN_VALUE);
        return repository.find(a.id()).orElseThrow();
    }

    private Optional<List<Attachment>> live(String token, Instant now) {
        List<Attachment> files = repository.lockByToken(token);
        if (files.isEmpty()
                || files.stream().anyMatch(Attachment::attached)
                || !files.get(0).expiresAt().isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(files);
    }

    private static String fileName(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            throw Input.blank("filename");
        }
        String name = fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            throw Input.invalid("filename", "names a folder, not a file");
        }
        if (name.length() > 255) {
            throw Input.invalid("filename", "is " + name.length() + " characters; the maximum is 255");
        }
        return name;
    }

    /**
     * The type the client declared; for Zendesk's documented {@code application/binary} (and
     * octet-stream, or none) the type guessed from the file name, as Zendesk shows it.
     */
    private static String contentType(String declared, String fileName) {
        String type = declared == null ? "" : declared.strip().toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        if (semicolon >= 0) {
            type = type.substring(0, semicolon).strip();
        }
        boolean generic = type.isEmpty()
                || type.equals("application/binary")
                || type.equals(MediaType.APPLICATION_OCTET_STREAM_VALUE)
                || type.equals(MediaType.APPLICATION_FORM_URLENCODED_VALUE);
        if (!generic && type.length() <= 255) {
            try {
                return MediaType.parseMediaType(type).toString();
            } catch (IllegalArgumentException e) {
                // an unparsable type is treated like no type
            }
        }
        return MediaTypeFactory.getMediaType(fileName)
                .map(MediaType::toString)
                .orElse(MediaType.APPLICATION_OCTET_STREAM_VALUE);
    }

    private String newToken() {
        char[] token = new char[TOKEN_LENGTH];
        for (int i = 0; i < token.length; i++) {
            token[i] = TOKEN_ALPHABET[random.nextInt(TOKEN_ALPHABET.length)];
        }
        return new String(token);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }
}

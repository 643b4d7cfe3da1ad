package io.deskbridge.desk.attachment;

import io.deskbridge.desk.api.RequestTooLargeException;
import io.deskbridge.desk.user.DeskPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code POST /api/v2/uploads}, {@code DELETE /api/v2/uploads/{token}}, {@code GET
 * /api/v2/attachments/{id}} and the bytes behind each attachment's {@code content_url}.
 */
@RestController
class AttachmentController {

    private final Attachments attachments;

    AttachmentController(Attachments attachments) {
        this.attachments = attachments;
    }

    /** {@code {"upload": {"token", "expires_at", "attachment", "attachments"}}}. */
    record UploadResponse(UploadJson upload) {}

    record UploadJson(String token, Instant expiresAt, AttachmentJson attachment, List<AttachmentJson> attachments) {}

    record AttachmentResponse(AttachmentJson attachment) {}

    /** The body is the file itself (any content type); {@code filename} names it. */
    @PostMapping("/api/v2/uploads")
    ResponseEntity<UploadResponse> upload(
            @RequestParam(required = false) String filename,
            @RequestParam(required = false) String token,
            HttpServletRequest request,
            @AuthenticationPrincipal DeskPrincipal caller) {
        long max = attachments.maxFileBytes();
        if (request.getContentLengthLong() > max) {
            throw new RequestTooLargeException(
                    "The file is " + request.getContentLengthLong() + " bytes; the limit is " + max + " bytes");
        }
        byte[] content = read(request, max);
        Attachments.Upload upload = attachments.upload(
                caller.userId(),
                Optional.ofNullable(token).filter(t -> !t.isBlank()),
                filename,
                request.getContentType(),
                content);
        String base = base();
        UploadJson json = new UploadJson(
                upload.token(),
                upload.expiresAt(),
                AttachmentJson.of(upload.added(), base),
                upload.attachments().stream()
                        .map(a -> AttachmentJson.of(a, base))
                        .toList());
        return ResponseEntity.status(HttpStatus.CREATED).body(new UploadResponse(json));
    }

    @DeleteMapping("/api/v2/uploads/{token}")
    ResponseEntity<Void> deleteUpload(@PathVariable String token) {
        attachments.deleteUpload(token);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v2/attachments/{id}")
    AttachmentResponse show(@PathVariable long id) {
        return new AttachmentResponse(AttachmentJson.of(attachments.get(id), base()));
    }

    /** The stored bytes, as a download with the attachment's type and name. */
    @GetMapping("/api/v2/attachments/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable long id) {
        Attachment attachment = attachments.get(id);
        byte[] bytes = attachments.content(id);
        MediaType type;
        try {
            type = MediaType.parseMediaType(attachment.contentType());
        } catch (IllegalArgumentException e) {
            type = MediaType.APPLICATION_OCTET_STREAM;
        }
        return ResponseEntity.ok()
                .contentType(type)
                .contentLength(bytes.length)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(attachment.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("X-Content-Type-Options", "nosniff")
                .body(bytes);
    }

    /** Reads at most {@code max} bytes; a longer (chunked) body is a 413 and nothing is stored. */
    private static byte[] read(HttpServletRequest request, long max) {
        try (InputStream in = request.getInputStream()) {
            byte[] content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (content.length > max) {
                throw new RequestTooLargeException("The file is larger than the limit of " + max + " bytes");
            }
            return content;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
    }
}

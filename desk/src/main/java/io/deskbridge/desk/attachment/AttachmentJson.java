package io.deskbridge.desk.attachment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An attachment in Zendesk's JSON shape. desk makes no thumbnails and scans nothing:
 * {@code thumbnails} is empty and {@code malware_scan_result} is Zendesk's {@code not_scanned};
 * {@code width}/{@code height} (images only in Zendesk) are left out, as desk does not read images.
 * {@code content_url} downloads the bytes under {@code /api/v2}, so it takes the caller's API
 * credentials (see package-info).
 */
public record AttachmentJson(
        long id,
        String url,
        String fileName,
        String contentUrl,
        String mappedContentUrl,
        String contentType,
        long size,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer width,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer height,
        boolean inline,
        boolean deleted,
        boolean malwareAccessOverride,
        String malwareScanResult,
        List<AttachmentJson> thumbnails) {

    public static AttachmentJson of(Attachment a, String baseUrl) {
        String content = baseUrl + "/api/v2/attachments/" + a.id() + "/content";
        return new AttachmentJson(
                a.id(),
                baseUrl + "/api/v2/attachments/" + a.id() + ".json",
                a.fileName(),
                content,
                content,
                a.contentType(),
                a.size(),
                null,
                null,
                false,
                false,
                false,
                "not_scanned",
                List.of());
    }
}

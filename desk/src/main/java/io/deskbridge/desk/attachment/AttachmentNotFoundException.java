package io.deskbridge.desk.attachment;

import io.deskbridge.desk.api.RecordNotFoundException;

/** 404: no attachment with that id, or its upload expired unattached. */
public class AttachmentNotFoundException extends RecordNotFoundException {

    private AttachmentNotFoundException(String message) {
        super(message);
    }

    static AttachmentNotFoundException forId(long id) {
        return new AttachmentNotFoundException("No attachment with id " + id);
    }

    static AttachmentNotFoundException forUpload() {
        return new AttachmentNotFoundException("No upload with that token, or it expired or was attached");
    }
}

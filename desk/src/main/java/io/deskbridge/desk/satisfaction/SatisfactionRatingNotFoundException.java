package io.deskbridge.desk.satisfaction;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No satisfaction rating with that id. */
public class SatisfactionRatingNotFoundException extends RecordNotFoundException {

    private SatisfactionRatingNotFoundException(String message) {
        super(message);
    }

    public static SatisfactionRatingNotFoundException forId(long id) {
        return new SatisfactionRatingNotFoundException("No satisfaction rating with id " + id);
    }
}

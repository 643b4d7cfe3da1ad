package io.deskbridge.desk.brand;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No brand with that id. */
public class BrandNotFoundException extends RecordNotFoundException {

    private BrandNotFoundException(String message) {
        super(message);
    }

    public static BrandNotFoundException forId(long id) {
        return new BrandNotFoundException("No brand with id " + id);
    }
}

package io.deskbridge.desk.organization;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No organization with that id. */
public class OrganizationNotFoundException extends RecordNotFoundException {

    private OrganizationNotFoundException(String message) {
        super(message);
    }

    public static OrganizationNotFoundException forId(long id) {
        return new OrganizationNotFoundException("No organization with id " + id);
    }

    public static OrganizationNotFoundException forExternalId(String externalId) {
        return new OrganizationNotFoundException("No organization with external_id \"" + externalId + "\"");
    }
}

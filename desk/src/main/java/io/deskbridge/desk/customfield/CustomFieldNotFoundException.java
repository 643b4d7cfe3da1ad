package io.deskbridge.desk.customfield;

import io.deskbridge.desk.api.RecordNotFoundException;

/** No field (or option) of that kind with that id. */
public class CustomFieldNotFoundException extends RecordNotFoundException {

    private CustomFieldNotFoundException(String message) {
        super(message);
    }

    public static CustomFieldNotFoundException forId(FieldOwner owner, long id) {
        return new CustomFieldNotFoundException("No " + owner.singular() + " with id " + id);
    }

    public static CustomFieldNotFoundException forKey(FieldOwner owner, String key) {
        return new CustomFieldNotFoundException("No " + owner.singular() + " with key " + key);
    }

    /** Options are only under drop-down and multiselect fields; any other field has none to find. */
    public static CustomFieldNotFoundException noOptions(long fieldId) {
        return new CustomFieldNotFoundException(
                "Field " + fieldId + " has no options (not a drop-down or multiselect)");
    }

    public static CustomFieldNotFoundException optionForId(long fieldId, long optionId) {
        return new CustomFieldNotFoundException("No option " + optionId + " on field " + fieldId);
    }
}

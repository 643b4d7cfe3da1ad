package io.deskbridge.desk.organization;

import io.deskbridge.desk.api.Input;

/** An organization's writable fields as the API takes them: the single calls and the bulk jobs. */
public final class OrganizationInput {

    private OrganizationInput() {}

    public static OrganizationChanges changes(Input in) {
        return new OrganizationChanges(
                in.string("name", 255),
                in.string("external_id", 255),
                in.string("details", 4000),
                in.string("notes", 4000),
                in.id("group_id"),
                in.bool("shared_tickets"),
                in.bool("shared_comments"),
                in.tags("domain_names"),
                in.tags("tags"),
                in.object("organization_fields"));
    }
}

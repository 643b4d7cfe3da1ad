package io.deskbridge.desk.customrole;

import java.time.Instant;

/**
 * {@code CustomRoleObject}; {@code role_type} is Zendesk's number (0 custom agent, 1 light agent,
 * 4 admin).
 */
public record CustomRole(
        long id,
        String name,
        String description,
        int roleType,
        int teamMemberCount,
        Configuration configuration,
        Instant createdAt,
        Instant updatedAt) {

    /** The part of {@code CustomRoleConfigurationObject} desk's roles differ in. */
    public record Configuration(
            boolean chatAccess,
            String endUserProfileAccess,
            String ticketAccess,
            boolean ticketEditing,
            boolean ticketDeletion,
            boolean ticketMerge,
            boolean ticketTagEditing,
            String macroAccess,
            String viewAccess,
            boolean manageBusinessRules,
            boolean manageTicketFields,
            boolean manageUserFields,
            boolean manageOrganizationFields,
            boolean manageTicketForms,
            boolean viewAuditLogs,
            boolean lightAgent) {}
}

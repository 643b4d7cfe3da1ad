package io.deskbridge.desk.organization;

/** An organization was deleted; published inside the deleting transaction. */
public record OrganizationDeleted(long organizationId) {}

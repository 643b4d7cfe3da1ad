package io.deskbridge.desk.organizationmembership;

/** Which memberships a list asks for: all, one user's, or one organization's. */
record MembershipFilter(Long userId, Long organizationId) {

    static MembershipFilter all() {
        return new MembershipFilter(null, null);
    }
}

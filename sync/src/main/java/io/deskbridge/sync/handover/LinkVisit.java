package io.deskbridge.sync.handover;

import io.deskbridge.sync.connection.Connection;

/**
 * What the holder of a link sees.
 *
 * @param status the link's status when the visit began
 * @param received true when this visit handed over credentials
 */
record LinkVisit(LinkStatus status, RequestLink link, Connection connection, boolean received) {}

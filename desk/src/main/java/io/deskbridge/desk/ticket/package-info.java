/** Tickets, their comments and audits, deleted tickets, idempotent creation. */
package io.deskbridge.desk.ticket;

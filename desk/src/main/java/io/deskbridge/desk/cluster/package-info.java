/** Keeps in-process caches of every desk instance consistent with the shared database. */
package io.deskbridge.desk.cluster;

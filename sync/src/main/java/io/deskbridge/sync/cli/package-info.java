/**
 * The command-line client ({@code ./sync-cli}, or {@code java -jar sync-exec.jar <command>}): picocli
 * commands that call a running sync's REST API over HTTP Basic. No Spring here: the CLI starts in a
 * fraction of a second and works against a sync on another machine. {@link io.deskbridge.sync.cli.SyncCli}
 * is the facade; everything else is package-private.
 */
package io.deskbridge.sync.cli;

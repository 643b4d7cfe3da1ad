/**
 * The operator's console pages for one connection: its facts and sync controls (sync now, pause,
 * resume, schedule), its streams with state, lag, last error and a chart of records per minute, its
 * runs, a browser of its synced tickets, and its automation rules (list with firings, editor with
 * field and operator pickers, each rule's history with every action's outcome). Server-rendered; one small script file
 * ({@code static/js/console.js}, the CSP allows no inline script) refreshes the live regions while
 * runs are active and copies request links. Everything reads and changes through the engine's,
 * connections' and rules' facades.
 */
package io.deskbridge.sync.console;

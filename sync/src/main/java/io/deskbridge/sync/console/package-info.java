/**
 * The operator's console pages for one connection: its facts and sync controls (sync now, pause,
 * resume, schedule), its streams with state, lag, last error and a chart of records per minute, its
 * runs, and a browser of its synced tickets. Server-rendered; one small script file
 * ({@code static/js/console.js}, the CSP allows no inline script) refreshes the live regions while
 * runs are active and copies request links. Everything reads and changes through the engine's and
 * connections' facades.
 */
package io.deskbridge.sync.console;

/**
 * sync's MCP server ({@code /mcp}, streamable HTTP, the official MCP Java SDK): read-only tools over
 * the ticket context capability for AI agents. Write tools ({@code add_internal_note}, {@code
 * update_ticket}) wait for the automation ledger and rate governor of issue 11.
 */
package io.deskbridge.sync.mcp;

package io.deskbridge.sync.engine;

import java.util.List;

/**
 * One export page, parsed.
 *
 * @param next the stream's position after this page (committed with its records)
 * @param endOfStream whether the export said there is nothing more for now
 */
record ExportPage(List<StreamRecord> records, StreamPosition next, boolean endOfStream) {}

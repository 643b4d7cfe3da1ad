/**
 * desk's text index: an inverted index ({@code search_terms}: entity type, term, id) written in the
 * same transaction as the record it describes.
 *
 * <p>Decision: one index of our own instead of PostgreSQL full-text search plus H2's FullText. The
 * two engines tokenise differently, so tests on H2 would prove nothing about production; this index
 * behaves identically on both, every term lookup is a primary-key range scan, and phrase and prefix
 * queries are answered from it too.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.deskbridge.desk.search;

package io.deskbridge.desk.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the terms of a record into the index and builds the SQL that matches them. Capabilities
 * call {@link #replace} in the transaction that saves the record, and put {@link #matching} into
 * their own queries as {@code id IN (...)} conditions.
 */
@Service
public class SearchIndex {

    private final SearchIndexRepository repository;

    SearchIndex(SearchIndexRepository repository) {
        this.repository = repository;
    }

    /** Makes {@code text} the whole indexed text of the record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void replace(String type, long id, String text) {
        repository.replace(type, id, Tokenizer.distinctTerms(text));
    }

    /** Adds the terms of {@code text} (e.g. a new comment) to the record's indexed text. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(String type, long id, String text) {
        repository.add(type, id, Tokenizer.distinctTerms(text));
    }

    /**
     * SQL conditions (joined with AND by the caller) that keep the rows of {@code type} whose
     * indexed text has every word: {@code word*} matches a prefix. Parameters are added to
     * {@code params} with names starting with {@code prefix}.
     */
    public static List<String> matching(
            String type, String idColumn, List<String> words, String prefix, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        int i = 0;
        for (String word : words) {
            boolean wildcard = word.endsWith("*");
            List<String> terms = Tokenizer.terms(wildcard ? word.substring(0, word.length() - 1) : word);
            for (int t = 0; t < terms.size(); t++) {
                String name = prefix + i++;
                String term = terms.get(t);
                params.put(prefix + "type", type);
                if (wildcard && t == terms.size() - 1) {
                    // A prefix is a range of the (byte-ordered) term index: [term, term with its last char + 1).
                    params.put(name, term);
                    params.put(
                            name + "hi",
                            term.substring(0, term.length() - 1) + (char) (term.charAt(term.length() - 1) + 1));
                    conditions.add(idColumn + " IN (SELECT entity_id FROM search_terms WHERE entity_type = :" + prefix
                            + "type AND term >= :" + name + " AND term < :" + name + "hi)");
                } else {
                    params.put(name, term);
                    conditions.add(idColumn + " IN (SELECT entity_id FROM search_terms WHERE entity_type = :" + prefix
                            + "type AND term = :" + name + ")");
                }
            }
        }
        return conditions;
    }

    /** True when the terms of {@code phrase} occur consecutively in {@code text}. */
    public static boolean containsPhrase(String text, String phrase) {
        List<String> haystack = Tokenizer.terms(text);
        List<String> needle = Tokenizer.terms(phrase);
        if (needle.isEmpty()) {
            return true;
        }
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            if (haystack.subList(i, i + needle.size()).equals(needle)) {
                return true;
            }
        }
        return false;
    }

    static Set<String> termsOf(String text) {
        return Tokenizer.distinctTerms(text);
    }
}

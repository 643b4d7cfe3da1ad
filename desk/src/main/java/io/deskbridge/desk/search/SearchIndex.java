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
                boolean prefixMatch = wildcard && t == terms.size() - 1;
                params.put(name, prefixMatch ? escapeLike(terms.get(t)) + "%" : terms.get(t));
                params.put(prefix + "type", type);
                conditions.add(idColumn + " IN (SELECT entity_id FROM search_terms WHERE entity_type = :" + prefix
                        + "type AND term " + (prefixMatch ? "LIKE :" + name + " ESCAPE '\\'" : "= :" + name) + ")");
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

    private static String escapeLike(String term) {
        return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

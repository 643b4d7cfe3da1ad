package io.deskbridge.desk.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Splits text into index terms: lower case, accents folded, letters and digits only, 64 chars max. */
public final class Tokenizer {

    static final int MAX_TERM = 64;

    private Tokenizer() {}

    /** Terms in order of appearance (with repeats), for phrase checks. */
    public static List<String> terms(String text) {
        List<String> terms = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return terms;
        }
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                current.append(c);
            } else {
                flush(current, terms);
            }
        }
        flush(current, terms);
        return terms;
    }

    /** Distinct terms, for indexing. */
    public static Set<String> distinctTerms(String text) {
        return new LinkedHashSet<>(terms(text));
    }

    private static void flush(StringBuilder current, List<String> terms) {
        if (!current.isEmpty()) {
            terms.add(current.length() > MAX_TERM ? current.substring(0, MAX_TERM) : current.toString());
            current.setLength(0);
        }
    }
}

package dev.tagger.embedded;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts mentions of a tag's terms in a text: whole words, any case; a term ending in {@code *}
 * matches any word ending ({@code compil*} counts "compiler" and "compiles"). Multi-word terms match
 * across any run of spaces or hyphens.
 *
 * <p>Immutable; safe for use by many threads at once.
 */
final class TermCounter {

    private final Pattern pattern;

    /** @param terms lower-case terms; not empty */
    TermCounter(List<String> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("no terms");
        }
        StringBuilder sb = new StringBuilder("(?<![\\p{L}\\p{N}])(?:");
        String sep = "";
        for (String t : terms) {
            sb.append(sep);
            sep = "|";
            boolean prefix = t.endsWith("*");
            String core = prefix ? t.substring(0, t.length() - 1) : t;
            String[] words = core.strip().split("[\\s]+");
            for (int i = 0; i < words.length; i++) {
                if (i > 0) {
                    sb.append("[\\s-]+");
                }
                sb.append(Pattern.quote(words[i]));
            }
            if (prefix) {
                sb.append("[\\p{L}\\p{N}]*");
            }
        }
        sb.append(")(?![\\p{L}\\p{N}])");
        this.pattern = Pattern.compile(sb.toString());
    }

    /** @return how many times the terms occur in the text (not overlapping) */
    int count(String lowerCaseText) {
        Matcher m = pattern.matcher(lowerCaseText);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}

package dev.tagger.embedded;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Counts, in one pass over a text, the mentions of every tag's terms; the pseudo-terms
 * {@value CodeSignals#IMPORTS} and {@value CodeSignals#COMMANDS} count lines of code instead
 * ({@link #countCode}). Text and terms are read as
 * sequences of words (runs of letters and digits, any case), so {@code "node.js"} matches "Node.js"
 * and "node js", and {@code "real-time"} matches "real time". A term ending in {@code *} matches any
 * ending of its last word ({@code compil*} counts "compiler" and "compiles"). Mentions of one tag do
 * not overlap: at each word the longest of the tag's terms that starts there counts once. A term in
 * Chinese or Japanese script counts wherever it occurs, since those scripts do not separate words.
 *
 * <p>{@link #count(String, int)} bounds how often a tag counts on one line (a paragraph of the
 * cleaned text): mentions spread over a document are evidence of its topic, a burst of them in one
 * place ("Blockchain! blockchain, blockchain.") is not.
 *
 * <p>Immutable; safe for use by many threads at once.
 */
final class TermIndex {

    private static final Pattern LINE_END = Pattern.compile("\n");

    /** One term of one tag, as words. */
    private record Term(int tag, String[] words, boolean prefix) {
    }

    private final int tags;
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();
    private final List<Term> prefixFirst = new ArrayList<>();
    private final List<Term> substrings = new ArrayList<>();
    private final boolean[] countsImports;
    private final boolean[] countsCommands;

    /** @param termsPerTag each tag's terms, lower case, in tag order */
    TermIndex(List<List<String>> termsPerTag) {
        this.tags = termsPerTag.size();
        this.countsImports = new boolean[tags];
        this.countsCommands = new boolean[tags];
        for (int t = 0; t < tags; t++) {
            for (String raw : termsPerTag.get(t)) {
                if (raw.equals(CodeSignals.IMPORTS)) {
                    countsImports[t] = true;
                    continue;
                }
                if (raw.equals(CodeSignals.COMMANDS)) {
                    countsCommands[t] = true;
                    continue;
                }
                if (hasCjk(raw)) {
                    // Chinese and Japanese are written without spaces: such a term counts wherever it occurs
                    substrings.add(new Term(t, new String[] {raw.strip()}, false));
                    continue;
                }
                boolean prefix = raw.endsWith("*");
                List<String> w = words(prefix ? raw.substring(0, raw.length() - 1) : raw);
                if (w.isEmpty()) {
                    continue;
                }
                Term term = new Term(t, w.toArray(String[]::new), prefix);
                if (prefix && w.size() == 1) {
                    prefixFirst.add(term);
                } else {
                    byFirstWord.computeIfAbsent(w.get(0), k -> new ArrayList<>()).add(term);
                }
            }
        }
    }

    /** @return mentions per tag, in tag order, every mention counted */
    int[] count(String text) {
        return countAll(text);
    }

    /**
     * @param perLine the most mentions of one tag that count on one line; 0 for no limit
     * @return mentions per tag, in tag order, at most {@code perLine} of each tag per line
     */
    int[] count(String text, int perLine) {
        if (perLine <= 0) {
            return countAll(text);
        }
        int[] counts = new int[tags];
        for (String line : LINE_END.split(text)) {
            if (line.isBlank()) {
                continue;
            }
            int[] c = countAll(line);
            for (int t = 0; t < tags; t++) {
                counts[t] += Math.min(perLine, c[t]);
            }
        }
        return counts;
    }

    private int[] countAll(String text) {
        List<String> words = words(text);
        int[] counts = new int[tags];
        int[] nextFree = new int[tags];
        int[] longest = new int[tags];
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            List<Term> candidates = byFirstWord.get(w);
            boolean any = false;
            if (candidates != null) {
                for (Term term : candidates) {
                    if (nextFree[term.tag()] <= i && matches(term, words, i)) {
                        longest[term.tag()] = Math.max(longest[term.tag()], term.words().length);
                        any = true;
                    }
                }
            }
            for (Term term : prefixFirst) {
                if (nextFree[term.tag()] <= i && w.startsWith(term.words()[0])) {
                    longest[term.tag()] = Math.max(longest[term.tag()], 1);
                    any = true;
                }
            }
            if (any) {
                for (int t = 0; t < tags; t++) {
                    if (longest[t] > 0) {
                        counts[t]++;
                        nextFree[t] = i + longest[t];
                        longest[t] = 0;
                    }
                }
            }
        }
        if (!substrings.isEmpty()) {
            for (Term term : substrings) {
                String needle = term.words()[0];
                for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
                    counts[term.tag()]++;
                }
            }
        }
        return counts;
    }

    static boolean hasCjk(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.HIRAGANA
                || Character.UnicodeScript.of(c) == Character.UnicodeScript.KATAKANA);
    }

    /**
     * @return per tag, the code lines its pseudo-terms count ({@value CodeSignals#IMPORTS},
     *     {@value CodeSignals#COMMANDS}); zeros for tags without them
     */
    int[] countCode(String code) {
        int[] counts = new int[tags];
        if (code.isEmpty()) {
            return counts;
        }
        int imports = -1;
        int commands = -1;
        for (int t = 0; t < tags; t++) {
            if (countsImports[t]) {
                imports = imports < 0 ? CodeSignals.imports(code) : imports;
                counts[t] += imports;
            }
            if (countsCommands[t]) {
                commands = commands < 0 ? CodeSignals.commands(code) : commands;
                counts[t] += commands;
            }
        }
        return counts;
    }

    private static boolean matches(Term term, List<String> words, int at) {
        String[] tw = term.words();
        if (at + tw.length > words.size()) {
            return false;
        }
        for (int k = 0; k < tw.length; k++) {
            String w = words.get(at + k);
            boolean last = k == tw.length - 1;
            if (last && term.prefix() ? !w.startsWith(tw[k]) : !w.equals(tw[k])) {
                return false;
            }
        }
        return true;
    }

    /** The lower-case words of a text: maximal runs of letters and digits. */
    static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        String s = text.toLowerCase(Locale.ROOT);
        int start = -1;
        for (int i = 0; i <= s.length(); i++) {
            boolean wordChar = i < s.length() && Character.isLetterOrDigit(s.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                out.add(s.substring(start, i));
                start = -1;
            }
        }
        return out;
    }
}

package dev.tagger.prompt;

import dev.langchain4j.model.TokenCountEstimator;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts the end of a text so that it fits a number of tokens, at a paragraph boundary when that keeps
 * most of what fits, else at a line boundary, else at a space. Stateless.
 */
final class TailTrimmer {

    /** A paragraph cut is taken when it keeps at least this share of the characters a line cut keeps. */
    static final double PARAGRAPH_SHARE = 0.85;

    private TailTrimmer() {
    }

    /** @return the longest prefix of the text, cut at a boundary, whose estimate is at most {@code tokens} */
    static String trim(String text, int tokens, TokenCountEstimator estimator) {
        if (estimator.estimateTokenCountInText(text) <= tokens) {
            return text;
        }
        int line = longest(text, boundaries(text, "\n"), tokens, estimator);
        if (line > 0) {
            int para = longest(text.substring(0, line), boundaries(text.substring(0, line), "\n\n"), tokens, estimator);
            int cut = para >= PARAGRAPH_SHARE * line ? para : line;
            return text.substring(0, cut).stripTrailing();
        }
        int word = longest(text, boundaries(text, " "), tokens, estimator);
        if (word > 0) {
            return text.substring(0, word).stripTrailing();
        }
        // one long token run: cut by characters
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (estimator.estimateTokenCountInText(text.substring(0, mid)) <= tokens) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        if (lo > 0 && Character.isHighSurrogate(text.charAt(lo - 1))) {
            lo--;
        }
        return text.substring(0, lo);
    }

    /** @return the text cut to at most {@code chars} characters, at the last line break before that when there is one */
    static String atLineBefore(String text, int chars) {
        if (text.length() <= chars) {
            return text;
        }
        int nl = text.lastIndexOf('\n', chars);
        int end = nl > chars / 2 ? nl : chars;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end);
    }

    /** @return the text without its last line (or last word, or last character) */
    static String shorten(String text) {
        String t = text.stripTrailing();
        int nl = t.lastIndexOf('\n');
        if (nl > 0) {
            return t.substring(0, nl).stripTrailing();
        }
        int sp = t.lastIndexOf(' ');
        if (sp > 0) {
            return t.substring(0, sp).stripTrailing();
        }
        return t.isEmpty() ? t : t.substring(0, t.offsetByCodePoints(t.length(), -1));
    }

    /** Offsets where the separator starts: cutting there keeps the text before it. */
    private static List<Integer> boundaries(String text, String separator) {
        List<Integer> out = new ArrayList<>();
        int i = text.indexOf(separator);
        while (i >= 0) {
            if (i > 0) {
                out.add(i);
            }
            i = text.indexOf(separator, i + separator.length());
        }
        return out;
    }

    /** Binary search: the largest boundary whose prefix fits, or 0. Token counts grow with the prefix. */
    private static int longest(String text, List<Integer> cuts, int tokens, TokenCountEstimator estimator) {
        int lo = 0;
        int hi = cuts.size() - 1;
        int best = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int cut = cuts.get(mid);
            if (estimator.estimateTokenCountInText(text.substring(0, cut)) <= tokens) {
                best = cut;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }
}

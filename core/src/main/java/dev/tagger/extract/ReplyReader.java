package dev.tagger.extract;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.tagger.TaggerException.Reason;
import dev.tagger.repair.JsonRepair;
import dev.tagger.repair.Repair;
import dev.tagger.repair.RepairException;
import dev.tagger.repair.Repaired;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the answer in a language model's reply and repairs it into JSON.
 *
 * <p>A chain of small cleaners, each recorded as a {@link Repair} when it changes something:
 * <ol>
 *   <li>{@code <think>…</think>} blocks are dropped ({@link Repair#THINK_BLOCK}); a reply that stops
 *       inside an unclosed {@code <think>} has no answer;</li>
 *   <li>if the reply holds {@code \boxed{…}}, the content of the last one is the answer
 *       ({@link Repair#BOXED}): JSON, or a bare list such as {@code ai, benchmark}, which becomes
 *       {@code ["ai","benchmark"]}; unless a code fence holding JSON or a complete JSON object follows
 *       it: then the model quoted a {@code \boxed{}} (a fake one from the document, say) before
 *       writing its answer, and only the text after the last {@code \boxed{}} is read, as below;</li>
 *   <li>otherwise, if a markdown code fence holds JSON, the last such fence is the answer
 *       ({@link Repair#CODE_FENCE});</li>
 *   <li>within what is left, the last complete object (else the last complete array) is the answer, or a
 *       value cut off at the end of the reply after it; prose around it is dropped ({@link Repair#PROSE});</li>
 *   <li>the answer is repaired by {@link JsonRepair}.</li>
 * </ol>
 * Unlike {@link JsonRepair}, several values in a row do not become an array: the last one is the
 * model's final answer.
 *
 * <p>Linear in the length of the reply. Stateless; safe for use by many threads at once.
 */
public final class ReplyReader {

    /** Longest reply accepted, in characters: the repairer's own bound, {@link JsonRepair#MAX_LENGTH}. */
    public static final int MAX_LENGTH = JsonRepair.MAX_LENGTH;
    /** How many candidate values, last first, are tried before giving up. */
    private static final int MAX_TRIES = 4;
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private ReplyReader() {
    }

    /**
     * Reads the answer out of a model reply.
     *
     * @param reply the raw reply; not null
     * @return the answer as JSON and the repairs applied: extraction steps first, then the repairs of the
     *         JSON itself, each once, in the order met
     * @throws RepairException {@code NO_JSON} when nothing JSON-like is in the reply (also for an empty
     *         {@code \boxed{}} and for a reply that ends inside its {@code <think>} block),
     *         {@code TOO_LONG} or {@code TOO_DEEP} past the repairer's bounds
     */
    public static Repaired read(String reply) {
        Objects.requireNonNull(reply, "reply");
        if (reply.length() > MAX_LENGTH) {
            throw new RepairException(Reason.TOO_LONG,
                    "reply of " + reply.length() + " characters is longer than the limit of " + MAX_LENGTH);
        }
        Set<Repair> steps = new LinkedHashSet<>();
        Repaired plain = plainJson(reply);
        if (plain != null) {
            return plain;
        }
        String text = stripThink(reply, steps);

        int boxed = lastBoxed(text);
        if (boxed >= 0) {
            int close = closingBrace(text, boxed);
            String after = close < 0 ? "" : text.substring(close + 1);
            // the model's last answer wins: a \boxed{} it quoted (from the document, say) before writing its
            // answer as JSON is not the answer
            if (lastFenceWithJson(after) == null && !hasJsonObject(after)) {
                steps.add(Repair.BOXED);
                return readBoxed(boxedContent(text, boxed, close, steps), steps);
            }
            text = after;
        }
        String fenced = lastFenceWithJson(text);
        if (fenced != null) {
            steps.add(Repair.CODE_FENCE);
            text = fenced;
        }
        return readProse(text, steps);
    }

    /**
     * The common case, a reply that is just one JSON value (perhaps damaged), read in one pass: null when
     * the reply holds anything the other cleaners look for, or more than one value.
     */
    private static Repaired plainJson(String reply) {
        int a = 0;
        int b = reply.length();
        while (a < b && Character.isWhitespace(reply.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(reply.charAt(b - 1))) {
            b--;
        }
        if (a >= b || (reply.charAt(a) != '{' && reply.charAt(a) != '[')
                || (reply.charAt(b - 1) != '}' && reply.charAt(b - 1) != ']')
                || reply.indexOf('<') >= 0 || reply.indexOf("```") >= 0 || reply.indexOf("\\boxed") >= 0) {
            return null;
        }
        try {
            Repaired r = JsonRepair.repairWithReport(reply);
            if (r.repairs().contains(Repair.CONCATENATED) || r.repairs().contains(Repair.STRAY_TEXT)) {
                return null;
            }
            return r;
        } catch (RepairException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- think blocks

    private static String stripThink(String text, Set<Repair> steps) {
        int close = lastIndexOfIgnoreCase(text, "</think>");
        int open = indexOfIgnoreCase(text, "<think>", 0);
        if (close >= 0 && (open < 0 || open < close)) {
            // everything up to the last </think> is reasoning, with or without its opening tag
            steps.add(Repair.THINK_BLOCK);
            text = text.substring(close + "</think>".length());
            open = indexOfIgnoreCase(text, "<think>", 0);
        }
        if (open >= 0) {
            steps.add(Repair.THINK_BLOCK);
            String before = text.substring(0, open);
            if (before.isBlank()) {
                throw new RepairException(Reason.NO_JSON,
                        "the reply ends inside a <think> block opened at offset " + open + " with no answer after it");
            }
            text = before;
        }
        return text;
    }

    private static int indexOfIgnoreCase(String s, String needle, int from) {
        // the needle starts with '<': String.indexOf(char) finds candidates fast
        for (int i = s.indexOf(needle.charAt(0), Math.max(0, from)); i >= 0; i = s.indexOf(needle.charAt(0), i + 1)) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOfIgnoreCase(String s, String needle) {
        for (int i = s.lastIndexOf(needle.charAt(0)); i >= 0; i = i == 0 ? -1 : s.lastIndexOf(needle.charAt(0), i - 1)) {
            if (s.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- \boxed{}

    /** The index just after the opening brace of the last {@code \boxed{}}, or -1. */
    private static int lastBoxed(String text) {
        int i = text.lastIndexOf("\\boxed");
        while (i >= 0) {
            int j = i + "\\boxed".length();
            while (j < text.length() && text.charAt(j) == ' ') {
                j++;
            }
            if (j < text.length() && text.charAt(j) == '{') {
                return j + 1;
            }
            i = i == 0 ? -1 : text.lastIndexOf("\\boxed", i - 1);
        }
        return -1;
    }

    /**
     * The index of the brace that closes the {@code \boxed{}} whose content starts at {@code start}
     * (escaped {@code \{ \}} skipped), or -1 when the reply ends first.
     */
    private static int closingBrace(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '}')) {
                i++;
            } else if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the text holds a complete JSON-looking object. */
    private static boolean hasJsonObject(String text) {
        for (Span sp : spans(text)) {
            if (sp.complete && text.charAt(sp.start) == '{' && looksLikeJsonStart(text, sp.start)) {
                return true;
            }
        }
        return false;
    }

    private static String boxedContent(String text, int start, int close, Set<Repair> steps) {
        if (close < 0) {
            steps.add(Repair.TRUNCATED);
        }
        return unLatex(text.substring(start, close < 0 ? text.length() : close));
    }

    /** Drops the LaTeX a model wraps around a boxed answer: {@code \{ \}}, {@code \text{…}}, {@code $}. */
    private static String unLatex(String s) {
        return unLatex(s, 0);
    }

    private static String unLatex(String s, int depth) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char d = s.charAt(i + 1);
                if (d == '{' || d == '}' || d == '_' || d == '&' || d == '#' || d == '%' || d == '$') {
                    out.append(d);
                    i++;
                    continue;
                }
                int j = i + 1;
                while (j < s.length() && Character.isLetter(s.charAt(j))) {
                    j++;
                }
                String cmd = s.substring(i + 1, j);
                if (j < s.length() && s.charAt(j) == '{' && isTextCommand(cmd) && depth < 8) {
                    // \text{ai} -> ai: the matching close brace is dropped when it is met below
                    int close = matchingBrace(s, j);
                    out.append(unLatex(s.substring(j + 1, close), depth + 1));
                    i = Math.min(close, s.length() - 1);
                    continue;
                }
                if (cmd.equals("quad") || cmd.equals("qquad") || cmd.equals("left") || cmd.equals("right")) {
                    out.append(' ');
                    i = j - 1;
                    continue;
                }
            }
            out.append(c);
        }
        String r = out.toString().strip();
        while (r.length() >= 2 && r.startsWith("$") && r.endsWith("$")) {
            r = r.substring(1, r.length() - 1).strip();
        }
        return r;
    }

    private static boolean isTextCommand(String cmd) {
        switch (cmd) {
            case "text": case "textbf": case "textit": case "texttt": case "mathrm": case "mathbf": case "mathtt":
            case "mbox": case "emph": case "operatorname":
                return true;
            default:
                return false;
        }
    }

    private static int matchingBrace(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return i;
            }
        }
        return s.length();
    }

    private static Repaired readBoxed(String content, Set<Repair> steps) {
        if (content.isBlank()) {
            throw new RepairException(Reason.NO_JSON, "the last \\boxed{} of the reply is empty");
        }
        char c = content.charAt(0);
        if (c == '{' || c == '[' || c == '"' || c == '\'' || c == '\u201c' || c == '\u2018') {
            return readProse(content, steps);
        }
        // a bare list: ai, benchmark
        ArrayNode arr = F.arrayNode();
        for (String part : content.split("[,;\\n]")) {
            String p = stripQuotes(part.strip());
            if (!p.isEmpty()) {
                arr.add(p);
            }
        }
        if (arr.isEmpty()) {
            throw new RepairException(Reason.NO_JSON, "the last \\boxed{} of the reply holds no value");
        }
        steps.add(Repair.UNQUOTED_STRING);
        return new Repaired(arr, new ArrayList<>(steps));
    }

    private static String stripQuotes(String p) {
        int a = 0;
        int b = p.length();
        while (a < b && "\"'`\u201c\u201d\u2018\u2019[(".indexOf(p.charAt(a)) >= 0) {
            a++;
        }
        while (b > a && "\"'`\u201c\u201d\u2018\u2019])".indexOf(p.charAt(b - 1)) >= 0) {
            b--;
        }
        return p.substring(a, b).strip();
    }

    // ---------------------------------------------------------------- code fences

    /** The content of the last fenced block holding a bracket, or null. */
    private static String lastFenceWithJson(String text) {
        String best = null;
        int i = text.indexOf("```");
        while (i >= 0) {
            int contentStart = i + 3;
            while (contentStart < text.length() && text.charAt(contentStart) == '`') {
                contentStart++;
            }
            int lineEnd = contentStart;
            while (lineEnd < text.length() && (Character.isLetterOrDigit(text.charAt(lineEnd))
                    || text.charAt(lineEnd) == '-' || text.charAt(lineEnd) == '_')) {
                lineEnd++;
            }
            contentStart = lineEnd;
            int close = text.indexOf("```", contentStart);
            String content = close < 0 ? text.substring(contentStart) : text.substring(contentStart, close);
            if (content.indexOf('{') >= 0 || content.indexOf('[') >= 0) {
                best = content;
            }
            if (close < 0) {
                break;
            }
            int after = close + 3;
            while (after < text.length() && text.charAt(after) == '`') {
                after++;
            }
            i = text.indexOf("```", after);
        }
        return best;
    }

    // ---------------------------------------------------------------- values in prose

    private record Span(int start, int end, boolean complete) {
    }

    private static Repaired readProse(String text, Set<Repair> steps) {
        List<Span> spans = spans(text);
        if (spans.isEmpty()) {
            String t = text.strip();
            if (!t.isEmpty() && startsScalar(t)) {
                return withSteps(JsonRepair.repairWithReport(t), steps);
            }
            throw new RepairException(Reason.NO_JSON, "no JSON value in a reply of " + text.length() + " characters");
        }
        List<Span> order = preference(text, spans);
        RepairException first = null;
        for (int k = 0; k < order.size() && k < MAX_TRIES; k++) {
            Span sp = order.get(k);
            String candidate = text.substring(sp.start, sp.end);
            try {
                Repaired r = JsonRepair.repairWithReport(candidate);
                if (!text.substring(0, sp.start).isBlank() || !text.substring(sp.end).isBlank()) {
                    steps.add(Repair.PROSE);
                }
                return withSteps(r, steps);
            } catch (RepairException e) {
                if (e.reason() == Reason.TOO_DEEP || e.reason() == Reason.TOO_LONG) {
                    throw e;
                }
                if (first == null) {
                    first = e;
                }
            }
        }
        throw first;
    }

    private static boolean startsScalar(String t) {
        char c = t.charAt(0);
        return c == '"' || c == '\u201c' || c == '-' || (c >= '0' && c <= '9') || t.equals("true") || t.equals("false")
                || t.equals("null");
    }

    private static Repaired withSteps(Repaired r, Set<Repair> steps) {
        if (steps.isEmpty()) {
            return r;
        }
        Set<Repair> all = new LinkedHashSet<>(steps);
        all.addAll(r.repairs());
        return new Repaired(r.value(), new ArrayList<>(all));
    }

    /**
     * Candidates, most likely answer first: a JSON-looking value cut off at the end of the reply, then
     * JSON-looking objects, then JSON-looking arrays (each last first), then any other bracketed text.
     */
    private static List<Span> preference(String text, List<Span> spans) {
        List<Span> order = new ArrayList<>();
        Span last = spans.get(spans.size() - 1);
        if (!last.complete && looksLikeJsonStart(text, last.start)) {
            order.add(last);
        }
        addComplete(text, spans, order, '{', true);
        addComplete(text, spans, order, '[', true);
        addComplete(text, spans, order, '{', false);
        addComplete(text, spans, order, '[', false);
        if (!last.complete && !order.contains(last)) {
            order.add(last);
        }
        return order;
    }

    private static void addComplete(String text, List<Span> spans, List<Span> order, char open, boolean jsonLooking) {
        for (int k = spans.size() - 1; k >= 0; k--) {
            Span sp = spans.get(k);
            if (sp.complete && text.charAt(sp.start) == open && looksLikeJsonStart(text, sp.start) == jsonLooking) {
                order.add(sp);
            }
        }
    }

    /** Whether the bracket at {@code start} opens JSON: a quote, a nested bracket, a number or {@code name:} follows. */
    private static boolean looksLikeJsonStart(String text, int start) {
        int j = start + 1;
        while (j < text.length() && Character.isWhitespace(text.charAt(j))) {
            j++;
        }
        if (j >= text.length()) {
            return true;
        }
        char c = text.charAt(j);
        if (c == '"' || c == '\'' || c == '\u201c' || c == '\u2018' || c == '{' || c == '[' || c == ']' || c == '}') {
            return true;
        }
        if (text.charAt(start) == '[') {
            return c == '-' || (c >= '0' && c <= '9') || text.startsWith("true", j) || text.startsWith("false", j)
                    || text.startsWith("null", j);
        }
        // {name: ...}
        int limit = Math.min(text.length(), j + 64);
        while (j < limit && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '_' || text.charAt(j) == '-')) {
            j++;
        }
        while (j < limit && text.charAt(j) == ' ') {
            j++;
        }
        return j < limit && text.charAt(j) == ':';
    }

    /**
     * The outermost bracketed spans of the text, in order; double-quoted strings inside a span are skipped
     * so that brackets inside them do not count. The last span may be incomplete (cut off at the end).
     */
    private static List<Span> spans(String text) {
        List<Span> out = new ArrayList<>();
        int n = text.length();
        int depth = 0;
        int start = -1;
        char inString = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (depth == 0) {
                if (c == '{' || c == '[') {
                    depth = 1;
                    start = i;
                }
                continue;
            }
            if (inString != 0) {
                if (c == '\\') {
                    i++;
                } else if (c == inString || (inString == '\u201d' && c == '"') || c == '\n' && inString != '"') {
                    inString = 0;
                }
                continue;
            }
            if (c == '"') {
                inString = '"';
            } else if (c == '\u201c') {
                inString = '\u201d';
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                if (--depth == 0) {
                    if (out.size() > 64) {
                        out.subList(0, 32).clear();
                    }
                    out.add(new Span(start, i + 1, true));
                }
            }
        }
        if (depth > 0) {
            out.add(new Span(start, n, false));
        }
        return out;
    }
}

package dev.tagger.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.TaggerException.Reason;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * A lenient single-pass reader of near-JSON that builds Jackson nodes directly.
 *
 * <p>One instance reads one text, once; not thread-safe (callers make a new one per text). The reader
 * walks the text left to right with one cursor. The only look-arounds are bounded: a quote inside a
 * string may look at most {@link #LOOKAHEAD} characters ahead to decide whether it ends the string, and a
 * string may be read a second time in "stop at the first delimiter" mode; the characters spent on such
 * second reads are budgeted so the whole read stays linear in the length of the text. Nesting is
 * bounded by {@link #MAX_DEPTH} and the text by {@link #MAX_LENGTH}.
 */
final class NearJsonParser {

    /** Deepest nesting of arrays and objects accepted. */
    static final int MAX_DEPTH = 512;
    /** Longest text accepted, in characters. */
    static final int MAX_LENGTH = 10 * 1024 * 1024;
    /** How far a quote inside a string may look ahead to decide whether it ends the string. */
    static final int LOOKAHEAD = 64;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** ASCII characters a string can hold with no decision to make: everything but controls, quotes, backslash and braces. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c = 0x20; c < 0x7f; c++) {
            PLAIN[c] = c != '\\' && c != '"' && c != '\'' && c != '`' && c != '{' && c != '}';
        }
    }
    /** Returned by a value reader that skipped stray text and wants the caller to try again. */
    private static final JsonNode RETRY = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    private enum Ctx { TOP, ARRAY, KEY, VALUE }

    /** Which quotes end a string, by the quote that opened it. */
    private enum QuoteKind {
        /** Opened by {@code "}: only {@code "} ends it. */
        DOUBLE,
        /** Opened by {@code '}: only {@code '} ends it. */
        SINGLE,
        /** Opened by a curly single quote, backtick or acute accent: any single-quote-like character ends it. */
        SINGLE_LIKE,
        /** Opened by a curly double quote: {@code "} or a curly double quote ends it. */
        DOUBLE_LIKE
    }

    private final String s;
    private final int n;
    private int pos;
    private int depth;
    private int openObjects;
    private int openArrays;
    private int openParens;
    /** Set once prose was found around the value: further prose is dropped, not made into strings. */
    private boolean proseMode;
    /** Unescaped quotes taken as part of the string being read; odd while an inner quotation is open. */
    private int literalQuotes;
    /** Unbalanced opening braces inside the string being read, as in {@code "answer is {"a": 1}"}. */
    private int innerBraces;
    private int lastDouble = -2;
    private int lastSingle;
    private int lastSingleLike;
    private int lastDoubleLike;
    private final EnumSet<Repair> seen = EnumSet.noneOf(Repair.class);
    private final List<Repair> repairs = new ArrayList<>();
    /** Characters still allowed for second reads of strings; keeps the whole read linear. */
    private long rescanBudget;
    /** Whether the text, ignoring trailing whitespace, ends with a delimiter; -1 until computed. */
    private int endsWithDelimiter = -1;
    private int lastSignificant;
    private final CharBuffer sb = new CharBuffer();
    private static final int KEY_CACHE_SIZE = 256;
    private String[] keyCache;

    NearJsonParser(String text) {
        if (text.length() > MAX_LENGTH) {
            throw new RepairException(Reason.TOO_LONG,
                    "text of " + text.length() + " characters is longer than the limit of " + MAX_LENGTH);
        }
        this.s = text;
        this.n = text.length();
        this.rescanBudget = 4L * n + 4096;
    }

    /** Reads the whole text: one value, or several top-level values as an array. */
    Repaired parse() {
        skipSpace();
        boolean bracketBeforeFence = false;
        if (pos < n && (s.charAt(pos) == '[' || s.charAt(pos) == '{') && s.startsWith("```", pos + 1)) {
            // "[```json {...} ```]": the bracket only wraps a fenced block
            bracketBeforeFence = true;
            pos++;
            note(Repair.CODE_FENCE);
        }
        if (pos < n && !startsContainerOrString(s.charAt(pos))) {
            int fence = s.indexOf("```", pos);
            if (fence > pos) {
                // prose, then the value in a fenced block: the prose is not part of it
                pos = fence;
                proseMode = true;
                note(Repair.STRAY_TEXT);
            }
        }
        List<JsonNode> values = new ArrayList<>();
        JsonNode first = parseTopValue(true);
        if (first == null) {
            throw noJson();
        }
        values.add(first);
        while (true) {
            int before = pos;
            boolean newline = skipSpace();
            if (pos >= n) {
                break;
            }
            char c = s.charAt(pos);
            if (c == ',') {
                pos++;
                skipSpace();
                if (pos >= n) {
                    note(Repair.TRAILING_COMMA);
                    break;
                }
                JsonNode last = values.get(values.size() - 1);
                if (last.isObject() && values.size() == 1 && looksLikeMember()) {
                    // {"a":1}, "b":2}: the object was closed too early
                    note(Repair.BRACKETS);
                    parseMembers((ObjectNode) last);
                    continue;
                }
                newline = true;
                c = s.charAt(pos);
            }
            if (c == '}' || c == ']' || (c == ')' && !bracketBeforeFence)) {
                pos++;
                if (!bracketBeforeFence) {
                    note(Repair.BRACKETS);
                }
                continue;
            }
            if (c == ';') {
                pos++;
                continue;
            }
            if (proseMode && !startsContainerOrString(c)) {
                // prose between or after fenced values
                int fence = s.indexOf("```", pos);
                if (fence < 0) {
                    break;
                }
                pos = fence;
                skipSpace();
                if (pos >= n) {
                    break;
                }
                c = s.charAt(pos);
                newline = true;
            }
            if (!newline && (c == '{' || c == '[') && values.get(values.size() - 1).isContainerNode()) {
                // {..}{..} glued together: the later value is a correction of the earlier one
                JsonNode v = parseValue(Ctx.TOP);
                note(Repair.CONCATENATED);
                JsonNode prev = values.get(values.size() - 1);
                if (v == null || v.isEmpty()) {
                    continue;
                }
                if (prev.isEmpty() || prev.getNodeType() == v.getNodeType()) {
                    values.set(values.size() - 1, v);
                } else {
                    values.add(v);
                }
                continue;
            }
            if (!newline && !startsContainerOrString(c)) {
                throw new RepairException(Reason.NO_JSON, "unexpected character '" + shown(c) + "' at offset " + pos
                        + " after a complete value");
            }
            JsonNode v = parseTopValue(false);
            if (v == null) {
                if (pos == before) {
                    throw new RepairException(Reason.NO_JSON, "unexpected character '" + shown(c) + "' at offset " + pos);
                }
                continue;
            }
            values.add(v);
        }
        if (values.size() == 1) {
            return new Repaired(values.get(0), repairs);
        }
        note(Repair.CONCATENATED);
        ArrayNode all = F.arrayNode(values.size());
        values.forEach(all::add);
        return new Repaired(all, repairs);
    }

    private JsonNode parseTopValue(boolean first) {
        skipSpace();
        if (pos >= n) {
            return null;
        }
        int start = pos;
        JsonNode v = parseValue(Ctx.TOP);
        if (v != null && first && v.isTextual() && !isQuote(s.charAt(start)) && s.charAt(start) != '\\') {
            int save = pos;
            skipSpace();
            if (pos < n && (s.charAt(pos) == '{' || s.charAt(pos) == '[')) {
                // "Here it is: {...}": prose in front of the value
                note(Repair.STRAY_TEXT);
                proseMode = true;
                JsonNode value = parseValue(Ctx.TOP);
                if (value != null && value.isContainerNode() && value.isEmpty() && pos >= n
                        && s.charAt(prevNonSpace(n - 1)) != '}' && s.charAt(prevNonSpace(n - 1)) != ']') {
                    throw new RepairException(Reason.NO_JSON, "only text and an unclosed bracket at offset "
                            + (n - 1) + " in a text of " + n + " characters");
                }
                return value;
            }
            pos = save;
        }
        return v;
    }

    // ---------------------------------------------------------------- values

    private JsonNode parseValue(Ctx ctx) {
        // stray characters are skipped by looping here, never by recursion, so no run of them can overflow the stack
        while (true) {
            JsonNode v = parseValueOnce(ctx);
            if (v != RETRY) {
                return v;
            }
        }
    }

    private JsonNode parseValueOnce(Ctx ctx) {
        skipSpace();
        if (pos >= n) {
            return null;
        }
        char c = s.charAt(pos);
        switch (c) {
            case '{':
                return parseObject();
            case '[':
                return parseArray();
            case '(':
                return parseTuple();
            case '/':
                return parseRegex();

            case '\\':
                if (pos + 1 < n && s.charAt(pos + 1) == '"') {
                    return F.textNode(concat(parseString(ctx), ctx));
                }
                while (pos < n && s.charAt(pos) == '\\' && !(pos + 1 < n && s.charAt(pos + 1) == '"')) {
                    pos++;
                }
                note(Repair.STRAY_TEXT);
                return RETRY;
            default:
                break;
        }
        if (isQuote(c)) {
            return F.textNode(concat(parseString(ctx), ctx));
        }
        if (c == '-' || c == '.' || (c >= '0' && c <= '9')) {
            JsonNode num = parseNumber(ctx);
            if (num != null) {
                return num;
            }
        }
        if (c == ',' || c == ':' || c == '}' || c == ']' || c == ')') {
            return null;
        }
        return parseWord(ctx);
    }

    private JsonNode parseObject() {
        enter();
        pos++;
        openObjects++;
        JsonNode obj = parseMembers(F.objectNode());
        openObjects--;
        depth--;
        return obj;
    }

    /**
     * Reads members into {@code obj} up to and including its closing brace; returns {@code obj}, or an
     * array when the braces hold a Python set such as {@code {'a', 'b'}}.
     */
    private JsonNode parseMembers(ObjectNode obj) {
        boolean needComma = false;
        while (true) {
            skipSpace();
            if (pos >= n) {
                note(Repair.TRUNCATED);
                return obj;
            }
            char c = s.charAt(pos);
            if (c == ',') {
                if (!needComma) {
                    note(Repair.TRAILING_COMMA);
                }
                pos++;
                needComma = false;
                skipSpace();
                if (pos < n && s.charAt(pos) == '}') {
                    note(Repair.TRAILING_COMMA);
                }
                continue;
            }
            if (c == '}') {
                pos++;
                return obj;
            }
            if (c == ']' || c == ')') {
                note(Repair.BRACKETS);
                if (!(c == ']' && openArrays > 0) && !(c == ')' && openParens > 0)) {
                    pos++;
                }
                return obj;
            }
            if (isEllipsis()) {
                pos += 3;
                note(Repair.ELLIPSIS);
                continue;
            }
            if (c == '{' || c == '[') {
                if (openArrays > 0 && c == '{') {
                    // [{"a":1,{"b":2}]: the first object was never closed
                    note(Repair.BRACKETS);
                    return obj;
                }
                JsonNode v = parseValue(Ctx.VALUE);
                note(Repair.STRAY_TEXT);
                JsonNode last = lastValue(obj);
                if (v != null && v.isArray() && last != null && last.isArray()) {
                    ((ArrayNode) last).addAll((ArrayNode) v);
                }
                needComma = true;
                continue;
            }
            if (c == ':') {
                throw new RepairException(Reason.NO_JSON, "member name expected before the colon at offset " + pos);
            }
            if (needComma) {
                note(Repair.MISSING_COMMA);
            }
            int keyStart = pos;
            boolean quotedKey = isQuote(c) || c == '\\';
            String key = parseKey();
            if (key == null) {
                pos = Math.max(pos, keyStart + 1);
                note(Repair.STRAY_TEXT);
                continue;
            }
            skipSpace();
            if (pos >= n) {
                note(Repair.TRUNCATED);
                if (quotedKey && !needComma) {
                    if (!obj.has(key)) {
                        obj.putNull(key);
                    }
                } else {
                    note(Repair.STRAY_TEXT);
                }
                return obj;
            }
            c = s.charAt(pos);
            boolean colon = c == ':' || c == '=';
            if (colon) {
                pos++;
            } else if (c == '}' && !quotedKey) {
                note(Repair.STRAY_TEXT);
                continue;
            } else if (c == ',' && quotedKey && obj.isEmpty() && isQuote(charAt(nextNonSpace(pos + 1)))) {
                // {'a', 'b'}: a Python set
                note(Repair.PYTHON_LITERALS);
                pos++;
                ArrayNode set = F.arrayNode();
                set.add(key);
                parseItems(set, '}');
                return set;
            } else if (c == '}' || (c == ',' && nextNonSpace(pos + 1) < n)) {
                // {"a":1, "b"}: a name without a value
                note(Repair.MISSING_VALUE);
                if (!obj.has(key)) {
                    obj.putNull(key);
                }
                needComma = c == '}';
                continue;
            } else if (c == ',' || c == ']') {
                throw new RepairException(Reason.NO_JSON, "colon expected after the member name at offset "
                        + keyStart + ", found '" + c + "' at offset " + pos);
            } else {
                note(Repair.MISSING_COLON);
            }
            skipSpace();
            JsonNode value;
            if (pos >= n) {
                note(Repair.TRUNCATED);
                if (!obj.has(key)) {
                    obj.putNull(key);
                }
                return obj;
            }
            c = s.charAt(pos);
            if (c == ',' || c == '}' || c == ']') {
                note(Repair.MISSING_VALUE);
                value = F.nullNode();
            } else {
                int valueStart = pos;
                boolean maybeKey = !quotedKey && !colon && isQuote(c);
                value = parseValue(maybeKey ? Ctx.KEY : Ctx.VALUE);
                if (value == null) {
                    note(Repair.MISSING_VALUE);
                    value = F.nullNode();
                    if (pos == valueStart) {
                        pos++;
                    }
                } else if (maybeKey && value.isTextual()) {
                    // {"a":1, COMMENT "b":2}: a stray word in front of the real member name
                    skipSpace();
                    if (pos < n && s.charAt(pos) == ':') {
                        pos++;
                        note(Repair.STRAY_TEXT);
                        key = value.textValue();
                        value = parseValue(Ctx.VALUE);
                        if (value == null) {
                            note(Repair.MISSING_VALUE);
                            value = F.nullNode();
                        }
                    }
                }
            }
            obj.set(key, value);
            needComma = true;
        }
    }

    private char charAt(int i) {
        return i < n ? s.charAt(i) : '\0';
    }

    private static JsonNode lastValue(ObjectNode obj) {
        JsonNode last = null;
        for (JsonNode v : obj) {
            last = v;
        }
        return last;
    }

    private String parseKey() {
        char c = s.charAt(pos);
        if (isQuote(c) || (c == '\\' && pos + 1 < n && s.charAt(pos + 1) == '"')) {
            return parseString(Ctx.KEY);
        }
        int start = pos;
        while (pos < n) {
            char ch = s.charAt(pos);
            if (isSpace(ch) || ch == ':' || ch == ',' || ch == '{' || ch == '}' || ch == '[' || ch == ']'
                    || isQuote(ch) || (ch == '/' && pos + 1 < n && (s.charAt(pos + 1) == '*' || s.charAt(pos + 1) == '/'))) {
                break;
            }
            pos++;
        }
        if (pos == start) {
            return null;
        }
        int end = pos;
        if (pos < n && s.charAt(pos) == ' ') {
            // {first name: "x"}: words separated by spaces up to a colon make one name
            int limit = Math.min(n, pos + LOOKAHEAD);
            int k = pos;
            while (k < limit && (isWordChar(s.charAt(k)) || s.charAt(k) == ' ' || s.charAt(k) == '-')) {
                k++;
            }
            if (k < limit && s.charAt(k) == ':') {
                end = k;
                while (s.charAt(end - 1) == ' ') {
                    end--;
                }
                pos = end;
            }
        }
        note(Repair.UNQUOTED_KEY);
        String key = s.substring(start, end);
        skipStrayQuote();
        return key;
    }

    /** After an unquoted word: a lone quote followed by a delimiter is a stray end quote. */
    private void skipStrayQuote() {
        if (pos < n && isQuote(s.charAt(pos))) {
            int j = nextNonSpace(pos + 1);
            if (j >= n || ":,}]".indexOf(s.charAt(j)) >= 0) {
                pos++;
                note(Repair.MISSING_QUOTE);
            }
        }
    }

    private JsonNode parseArray() {
        enter();
        pos++;
        openArrays++;
        ArrayNode arr = F.arrayNode();
        parseItems(arr, ']');
        openArrays--;
        depth--;
        return arr;
    }

    private JsonNode parseTuple() {
        enter();
        pos++;
        openParens++;
        note(Repair.PYTHON_LITERALS);
        ArrayNode arr = F.arrayNode();
        parseItems(arr, ')');
        openParens--;
        depth--;
        return arr.size() == 1 ? arr.get(0) : arr;
    }

    private void parseItems(ArrayNode arr, char close) {
        boolean needComma = false;
        while (true) {
            skipSpace();
            if (pos >= n) {
                note(Repair.TRUNCATED);
                return;
            }
            char c = s.charAt(pos);
            if (c == ',') {
                if (!needComma) {
                    note(Repair.TRAILING_COMMA);
                }
                pos++;
                needComma = false;
                skipSpace();
                if (pos < n && s.charAt(pos) == close) {
                    note(Repair.TRAILING_COMMA);
                }
                continue;
            }
            if (c == close) {
                pos++;
                return;
            }
            if (c == ']' || c == '}' || c == ')') {
                note(Repair.BRACKETS);
                boolean outerMatches = (c == '}' && openObjects > 0) || (c == ']' && openArrays > 1)
                        || (c == ')' && openParens > (close == ')' ? 1 : 0));
                if (!outerMatches) {
                    pos++;
                }
                return;
            }
            if (isEllipsis()) {
                pos += 3;
                note(Repair.ELLIPSIS);
                continue;
            }
            if (c == ':') {
                pos++;
                JsonNode last = arr.size() > 0 ? arr.get(arr.size() - 1) : null;
                if (last != null && last.isTextual() && close == ']') {
                    // ["key":"value"}]: an object that lost its opening brace
                    note(Repair.BRACKETS);
                    arr.remove(arr.size() - 1);
                    ObjectNode obj = F.objectNode();
                    skipSpace();
                    JsonNode v = pos < n ? parseValue(Ctx.VALUE) : null;
                    obj.set(last.textValue(), v == null ? F.nullNode() : v);
                    enter();
                    openObjects++;
                    parseMembers(obj);
                    openObjects--;
                    depth--;
                    arr.add(obj);
                } else {
                    note(Repair.STRAY_TEXT);
                }
                continue;
            }
            if (needComma) {
                note(Repair.MISSING_COMMA);
            }
            int before = pos;
            JsonNode v = parseValue(Ctx.ARRAY);
            if (v != null && pos >= n && v.isTextual() && v.textValue().isEmpty() && isQuote(s.charAt(before))) {
                // ["  cut right after the opening quote: nothing to keep
                note(Repair.TRUNCATED);
                continue;
            }
            if (v == null) {
                if (pos == before) {
                    pos++;
                    note(Repair.STRAY_TEXT);
                }
                continue;
            }
            arr.add(v);
            needComma = true;
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new RepairException(Reason.TOO_DEEP,
                    "nesting deeper than the limit of " + MAX_DEPTH + " at offset " + pos);
        }
    }

    // ---------------------------------------------------------------- strings

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'' || isFancyQuote(c);
    }

    private static boolean isFancyQuote(char c) {
        return c == '\u201c' || c == '\u201d' || c == '\u2018' || c == '\u2019' || c == '`' || c == '\u00b4'
                || c == '\u201e' || c == '\u201f' || c == '\u201a' || c == '\u201b';
    }

    private static QuoteKind kindOf(char c) {
        if (c == '"') {
            return QuoteKind.DOUBLE;
        }
        if (c == '\'') {
            return QuoteKind.SINGLE;
        }
        return isDoubleLike(c) ? QuoteKind.DOUBLE_LIKE : QuoteKind.SINGLE_LIKE;
    }

    private static boolean isDoubleLike(char c) {
        return c == '\u201c' || c == '\u201d' || c == '\u201e' || c == '\u201f';
    }

    private static boolean closes(char c, QuoteKind kind) {
        switch (kind) {
            case DOUBLE:
                return c == '"';
            case SINGLE:
                return c == '\'';
            case DOUBLE_LIKE:
                return c == '"' || c == '\u201c' || c == '\u201d';
            default:
                return c == '\'' || (isFancyQuote(c) && !isDoubleLike(c) && c != '\u201a');
        }
    }

    /** Reads a quoted string (any quote style, or an escaped {@code \"} quote) and what concatenates to it. */
    private String parseString(Ctx ctx) {
        char open = s.charAt(pos);
        boolean escapedQuotes = false;
        int contentStart;
        QuoteKind kind;
        if (open == '\\') {
            escapedQuotes = true;
            kind = QuoteKind.DOUBLE;
            contentStart = pos + 2;
            note(Repair.ESCAPED_JSON);
        } else {
            kind = kindOf(open);
            contentStart = pos + 1;
            if (kind == QuoteKind.SINGLE) {
                note(Repair.SINGLE_QUOTES);
            } else if (kind != QuoteKind.DOUBLE) {
                note(Repair.SMART_QUOTES);
            }
        }
        return scanString(contentStart, kind, ctx, escapedQuotes, false);
    }

    private String concat(String first, Ctx ctx) {
        StringBuilder result = null;
        while (true) {
            int save = pos;
            skipSpace();
            if (pos < n && s.charAt(pos) == '+') {
                pos++;
                skipSpace();
                if (pos < n && (isQuote(s.charAt(pos)))) {
                    note(Repair.STRING_CONCAT);
                    String next = parseString(ctx);
                    if (result == null) {
                        result = new StringBuilder(first);
                    }
                    result.append(next);
                    continue;
                }
                if (pos >= n || "]})".indexOf(s.charAt(pos)) >= 0) {
                    note(Repair.STRING_CONCAT);
                    return result == null ? first : result.toString();
                }
            }
            pos = save;
            return result == null ? first : result.toString();
        }
    }

    private String scanString(int contentStart, QuoteKind kind, Ctx ctx, boolean escapedQuotes, boolean stopMode) {
        if (!stopMode && !escapedQuotes) {
            // fast path for a well-formed string: plain characters up to a quote that ends it
            int i = contentStart;
            char r = 0;
            while (i < n && (r = s.charAt(i)) < 128 && PLAIN[r]) {
                i++;
            }
            if (i < n && closes(r, kind)) {
                literalQuotes = 0;
                innerBraces = 0;
                if (judgeEnd(i, contentStart, ctx, kind) == END) {
                    pos = i + 1;
                    return ctx == Ctx.KEY ? key(contentStart, i) : s.substring(contentStart, i);
                }
            }
        }
        sb.setLength(0);
        literalQuotes = 0;
        innerBraces = 0;
        // where the content would end if a trailing raw newline (invalid in JSON) is dropped
        int keep = 0;
        boolean rawNewlineTail = false;
        int i = contentStart;
        while (i < n) {
            if (!stopMode) {
                // fast path: a run of ordinary characters is copied in one go
                int run = i;
                char r;
                while (run < n && (r = s.charAt(run)) < 128 && PLAIN[r]) {
                    run++;
                }
                if (run > i) {
                    sb.append(s, i, run);
                    int lastSolid = run - 1;
                    while (lastSolid >= i && s.charAt(lastSolid) == ' ') {
                        lastSolid--;
                    }
                    if (lastSolid >= i) {
                        keep = sb.length() - (run - 1 - lastSolid);
                        rawNewlineTail = false;
                    }
                    i = run;
                    if (i >= n) {
                        break;
                    }
                }
            }
            char ch = s.charAt(i);
            if (ch == '\\' && !escapedQuotes && i + 1 < n) {
                // valid two-character escapes inline, the common case in escape-heavy strings
                char e = s.charAt(i + 1);
                char out = e == '"' || e == '\\' || e == '/' ? e : e == 'n' ? '\n' : e == 't' ? '\t' : e == 'r' ? '\r' : 0;
                if (out != 0) {
                    sb.append(out);
                    keep = sb.length();
                    rawNewlineTail = false;
                    i += 2;
                    continue;
                }
            }
            if (ch == '\\') {
                if (i + 1 >= n) {
                    note(Repair.TRUNCATED);
                    i++;
                    break;
                }
                char e = s.charAt(i + 1);
                if (escapedQuotes) {
                    if (e == '"') {
                        pos = i + 2;
                        return sb.toString();
                    }
                    if (e == '\\' && i + 2 < n && s.charAt(i + 2) == '"') {
                        sb.append('"');
                        i += 3;
                        keep = sb.length();
                        rawNewlineTail = false;
                        continue;
                    }
                    if (e == '\\' && i + 2 < n) {
                        // one level of escaping removed: \\n is a newline escape of the inner document
                        i++;
                        e = s.charAt(i + 1);
                    }
                }
                i = escape(i, e);
                keep = sb.length();
                rawNewlineTail = false;
                continue;
            }
            if (closes(ch, kind)) {
                int decision = judgeEnd(i, contentStart, ctx, kind);
                if (stopMode && decision != LITERAL && decision != SKIP) {
                    decision = END;
                }
                if (decision == END) {
                    pos = i + 1;
                    if (rawNewlineTail) {
                        sb.setLength(keep);
                    }
                    return sb.toString();
                }
                if (decision == SKIP) {
                    note(Repair.UNESCAPED_QUOTE);
                    i++;
                    continue;
                }
                if (decision == END_BEFORE_COMMA) {
                    // "a":"b,c,"d":"e": the end quote belonged before the last comma
                    int comma = prevNonSpace(i - 1);
                    int k = sb.length();
                    while (k > 0 && isSpace(sb.charAt(k - 1))) {
                        k--;
                    }
                    if (k > 0 && sb.charAt(k - 1) == ',') {
                        k--;
                    }
                    sb.setLength(k);
                    pos = comma;
                    note(Repair.MISSING_QUOTE);
                    return sb.toString();
                }
                if (decision == RESCAN) {
                    rescanBudget -= i - contentStart;
                    note(Repair.MISSING_QUOTE);
                    return scanString(contentStart, kind, ctx, escapedQuotes, true);
                }
                note(Repair.UNESCAPED_QUOTE);
                literalQuotes++;
                sb.append(ch);
                keep = sb.length();
                rawNewlineTail = false;
                i++;
                continue;
            }
            if (stopMode && isStopChar(ch, ctx) && !(ch == ',' && ctx == Ctx.VALUE && !memberFollows(i + 1))) {
                if (ch == '/' && looksLikeUrlScheme()) {
                    i = consumeUrl(i);
                    keep = sb.length();
                    continue;
                }
                pos = i;
                trimTrailingSpace();
                note(Repair.MISSING_QUOTE);
                return sb.toString();
            }
            if (ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t' && ch != '\b' && ch != '\f') {
                throw new RepairException(Reason.NO_JSON, "control character U+"
                        + String.format(Locale.ROOT, "%04X", (int) ch) + " inside a string at offset " + i);
            }
            if (ch == '{') {
                innerBraces++;
            } else if (ch == '}' && innerBraces > 0) {
                innerBraces--;
            }
            sb.append(ch);
            if (ch == '\n' || ch == '\r') {
                rawNewlineTail = true;
            } else if (!isSpace(ch)) {
                keep = sb.length();
                rawNewlineTail = false;
            }
            i++;
        }
        // the text ended inside the string
        if (!stopMode && endsWithDelimiter(contentStart)) {
            rescanBudget -= n - contentStart;
            note(Repair.MISSING_QUOTE);
            return scanString(contentStart, kind, ctx, escapedQuotes, true);
        }
        note(Repair.TRUNCATED);
        pos = n;
        trimTrailingSpace();
        return sb.toString();
    }

    /** A member name, shared with earlier occurrences of the same name so repeated keys cost no new string. */
    private String key(int from, int to) {
        int len = to - from;
        if (len > 32) {
            return s.substring(from, to);
        }
        int h = len;
        for (int k = from; k < to; k++) {
            h = 31 * h + s.charAt(k);
        }
        int slot = (h ^ (h >>> 16)) & (KEY_CACHE_SIZE - 1);
        if (keyCache == null) {
            keyCache = new String[KEY_CACHE_SIZE];
        }
        String cached = keyCache[slot];
        if (cached != null && cached.length() == len && s.regionMatches(from, cached, 0, len)) {
            return cached;
        }
        String k = s.substring(from, to);
        keyCache[slot] = k;
        return k;
    }

    private void trimTrailingSpace() {
        int k = sb.length();
        while (k > 0 && Character.isWhitespace(sb.charAt(k - 1))) {
            k--;
        }
        sb.setLength(k);
    }

    private boolean looksLikeUrlScheme() {
        int k = sb.length();
        if (k < 2 || sb.charAt(k - 1) != ':') {
            return false;
        }
        int j = k - 2;
        while (j >= 0 && (Character.isLetterOrDigit(sb.charAt(j)) || sb.charAt(j) == '+' || sb.charAt(j) == '-' || sb.charAt(j) == '.')) {
            j--;
        }
        return j < 0 || !Character.isLetterOrDigit(sb.charAt(j));
    }

    private int consumeUrl(int i) {
        while (i < n) {
            char ch = s.charAt(i);
            if (isSpace(ch) || ch == ',' || ch == ']' || ch == '}' || ch == '"' || ch == '\'') {
                break;
            }
            sb.append(ch);
            i++;
        }
        return i;
    }

    private static boolean isStopChar(char ch, Ctx ctx) {
        switch (ch) {
            case ',': case '[': case ']': case '{': case '}': case '/': case '\n': case '+':
                return true;
            case ':':
                return ctx == Ctx.KEY;
            default:
                return false;
        }
    }

    /** Reads one escape at {@code i} (a backslash followed by {@code e}); returns the index after it. */
    private int escape(int i, char e) {
        switch (e) {
            case '"': case '\\': case '/': case '\'':
                sb.append(e);
                return i + 2;
            case 'b':
                sb.append('\b');
                return i + 2;
            case 'f':
                sb.append('\f');
                return i + 2;
            case 'n':
                sb.append('\n');
                return i + 2;
            case 'r':
                sb.append('\r');
                return i + 2;
            case 't':
                sb.append('\t');
                return i + 2;
            case 'u':
                int v = 0;
                for (int k = 0; k < 4; k++) {
                    int at = i + 2 + k;
                    if (at >= n) {
                        note(Repair.ESCAPES);
                        note(Repair.TRUNCATED);
                        return n;
                    }
                    int d = Character.digit(s.charAt(at), 16);
                    if (d < 0) {
                        throw new RepairException(Reason.NO_JSON, "invalid unicode escape at offset " + i);
                    }
                    v = v * 16 + d;
                }
                sb.append((char) v);
                return i + 6;
            default:
                note(Repair.ESCAPES);
                if (e == '\n' || e == '\r') {
                    return i + 1;
                }
                sb.append(e);
                return i + 2;
        }
    }

    private static final int END = 0;
    private static final int LITERAL = 1;
    private static final int SKIP = 2;
    private static final int END_BEFORE_COMMA = 3;
    private static final int RESCAN = 4;

    /** Decides whether the closing-style quote at {@code i} ends the string that started at {@code contentStart}. */
    private int judgeEnd(int i, int contentStart, Ctx ctx, QuoteKind kind) {
        int j = nextNonSpace(i + 1);
        if (j >= n) {
            return END;
        }
        char c = s.charAt(j);
        if (i == contentStart && i + 1 < n && (Character.isLetterOrDigit(s.charAt(i + 1)) || s.charAt(i + 1) == ' ')
                && Character.isLetterOrDigit(c)) {
            // ""value": a doubled opening quote
            return SKIP;
        }
        boolean quotationOpen = (literalQuotes & 1) == 1;
        switch (c) {
            case ',':
                if (ctx == Ctx.VALUE && quotationOpen && !memberFollows(j + 1)) {
                    // "lorem "ipsum", sic.": the comma is inside the quotation
                    return LITERAL;
                }
                return END;
            case ':':
                if (ctx != Ctx.VALUE) {
                    return END;
                }
                break;
            case '}':
                if ((openObjects > 0 || ctx == Ctx.KEY) && innerBraces == 0) {
                    return END;
                }
                break;
            case ']':
                if (openArrays > 0) {
                    return END;
                }
                break;
            case ')':
                if (openParens > 0) {
                    return END;
                }
                break;
            case '+':
                return END;
            case '/':
                if (j + 1 < n && (s.charAt(j + 1) == '/' || s.charAt(j + 1) == '*')) {
                    return END;
                }
                break;
            case '#':
                return END;
            case '`':
                if (s.startsWith("```", j)) {
                    return END;
                }
                break;
            default:
                break;
        }
        if (isQuote(c) && !quotationOpen && innerBraces == 0) {
            if (ctx == Ctx.ARRAY || ctx == Ctx.KEY) {
                return END;
            }
            if (ctx == Ctx.VALUE && quotedThenColon(j)) {
                return END;
            }
        }
        if (ctx == Ctx.KEY && (Character.isLetterOrDigit(c) || c == '-' || c == '{' || c == '[')) {
            int p = prevNonSpace(i - 1);
            if (p >= contentStart && s.charAt(p) == ':') {
                return RESCAN;
            }
            if (j == i + 1 && Character.isLetter(c) && p == i - 1) {
                // {"k"e"y": 1}: a quote inside a word
                return LITERAL;
            }
            return END;
        }
        if (s.charAt(i) != '"' && ctx != Ctx.TOP && c != '"' && kind == QuoteKind.SINGLE && Character.isLetter(c)) {
            // 'it's': an apostrophe inside a single-quoted string
            return LITERAL;
        }
        int p = prevNonSpace(i - 1);
        if (p >= contentStart && innerBraces == 0) {
            char pc = s.charAt(p);
            if (pc == ',' && ctx != Ctx.TOP && opensItem(i + 1, ctx)) {
                return END_BEFORE_COMMA;
            }
            if ((pc == ':' && ctx == Ctx.VALUE) || pc == '+' || pc == '[' || pc == '{' || pc == '/') {
                if (rescanBudget > 0) {
                    return RESCAN;
                }
            }
        }
        if (ctx == Ctx.ARRAY && (c >= '0' && c <= '9' || c == '{' || c == '[')) {
            return END;
        }
        if (ctx == Ctx.ARRAY && !quotationOpen && Character.isLetter(c) && wordThenItemEnd(j)) {
            // ["a" b", "c"]: the quote ends "a"; b is the next item
            return END;
        }
        if (ctx != Ctx.TOP && !quotationOpen && isLastQuote(i, kind)) {
            // no quote after this one could end the string: it is this one
            return END;
        }
        return LITERAL;
    }

    /** Whether a word (letters, digits, spaces) starts at {@code j} and ends an array item: {@code b]}, {@code b", }. */
    private boolean wordThenItemEnd(int j) {
        int limit = Math.min(n, j + LOOKAHEAD);
        for (int k = j; k < limit; k++) {
            char ch = s.charAt(k);
            if (ch == ',' || ch == ']') {
                return true;
            }
            if (ch == '"') {
                int m = nextNonSpace(k + 1);
                return m < n && (s.charAt(m) == ',' || s.charAt(m) == ']');
            }
            if (!(Character.isLetterOrDigit(ch) || ch == ' ' || ch == '_' || ch == '-')) {
                return false;
            }
        }
        return false;
    }

    private boolean isLastQuote(int i, QuoteKind kind) {
        if (lastDouble == -2) {
            lastDouble = s.lastIndexOf('"');
            lastSingle = s.lastIndexOf('\'');
            lastSingleLike = lastSingle;
            lastDoubleLike = lastDouble;
            for (int k = n - 1; k > Math.min(lastSingleLike, lastDoubleLike); k--) {
                char c = s.charAt(k);
                if (closes(c, QuoteKind.SINGLE_LIKE)) {
                    lastSingleLike = Math.max(lastSingleLike, k);
                } else if (closes(c, QuoteKind.DOUBLE_LIKE)) {
                    lastDoubleLike = Math.max(lastDoubleLike, k);
                }
            }
        }
        switch (kind) {
            case DOUBLE:
                return i == lastDouble;
            case SINGLE:
                return i == lastSingle;
            case DOUBLE_LIKE:
                return i == lastDoubleLike;
            default:
                return i == lastSingleLike;
        }
    }

    /** Whether the text at {@code j} reads as the next member ({@code "b":} or {@code b:}) or the end of the object. */
    private boolean memberFollows(int j) {
        int k = nextNonSpace(j);
        if (k >= n) {
            return true;
        }
        char c = s.charAt(k);
        if (isQuote(c) || c == '}') {
            return true;
        }
        int limit = Math.min(n, k + LOOKAHEAD);
        for (int m = k; m < limit; m++) {
            char ch = s.charAt(m);
            if (ch == ':') {
                return true;
            }
            if (!isWordChar(ch)) {
                return false;
            }
        }
        return false;
    }

    /** Whether a quoted word starts at {@code j} and is followed by a colon, within the lookahead. */
    private boolean quotedThenColon(int j) {
        int limit = Math.min(n, j + LOOKAHEAD);
        for (int k = j + 1; k < limit; k++) {
            char ch = s.charAt(k);
            if (isQuote(ch)) {
                int m = nextNonSpace(k + 1);
                return m < n && s.charAt(m) == ':';
            }
            if (ch == '\n' || ch == ',' || ch == '{' || ch == '}') {
                return false;
            }
        }
        return false;
    }

    /** Whether the text at {@code j} (just after a quote) reads as the next member name or item. */
    private boolean opensItem(int j, Ctx ctx) {
        int limit = Math.min(n, j + LOOKAHEAD);
        for (int k = j; k < limit; k++) {
            char ch = s.charAt(k);
            if (isQuote(ch)) {
                int m = nextNonSpace(k + 1);
                if (m >= n) {
                    return true;
                }
                char after = s.charAt(m);
                return ctx == Ctx.ARRAY ? (after == ',' || after == ']') : after == ':';
            }
            if (ch == '\n' || ch == ',' || ch == '{' || ch == '}' || ch == '[' || ch == ']') {
                return false;
            }
        }
        return false;
    }

    private boolean endsWithDelimiter(int contentStart) {
        if (endsWithDelimiter < 0) {
            int p = prevNonSpace(n - 1);
            while (p >= 2 && s.startsWith("```", p - 2)) {
                p = prevNonSpace(p - 3);
            }
            lastSignificant = p;
            endsWithDelimiter = p >= 0 && ",:[]{}/()+\n".indexOf(s.charAt(p)) >= 0 ? 1 : 0;
        }
        return endsWithDelimiter == 1 && lastSignificant >= contentStart;
    }

    // ---------------------------------------------------------------- numbers, words, literals

    private JsonNode parseNumber(Ctx ctx) {
        int start = pos;
        int i = pos;
        boolean neg = false;
        if (s.charAt(i) == '-') {
            neg = true;
            i++;
        }
        int intStart = i;
        boolean underscores = false;
        while (i < n && (isDigit(s.charAt(i)) || (s.charAt(i) == '_' && i > intStart && i + 1 < n && isDigit(s.charAt(i + 1))))) {
            underscores |= s.charAt(i) == '_';
            i++;
        }
        int intEnd = i;
        boolean dot = false;
        int fracStart = -1;
        int fracEnd = -1;
        if (i < n && s.charAt(i) == '.') {
            if (s.startsWith("...", i)) {
                if (intEnd == intStart) {
                    return null;
                }
            } else {
                dot = true;
                i++;
                fracStart = i;
                while (i < n && (isDigit(s.charAt(i)) || (s.charAt(i) == '_' && i > fracStart && i + 1 < n && isDigit(s.charAt(i + 1))))) {
                    underscores |= s.charAt(i) == '_';
                    i++;
                }
                fracEnd = i;
            }
        }
        if (neg && intEnd == intStart && !dot && i < n && isSpace(s.charAt(i))) {
            // "- {...}": a list bullet, not a number
            pos = i;
            note(Repair.STRAY_TEXT);
            return RETRY;
        }
        if (intEnd == intStart && (!dot || fracEnd == fracStart)) {
            // "-" alone, "-e5", "."...
            if (neg && (i >= n || isValueEnd(i, ctx)) && !dot) {
                pos = i;
                note(Repair.NUMBERS);
                note(Repair.TRUNCATED);
                return F.numberNode(0);
            }
            return null;
        }
        boolean exp = false;
        int expDigits = 0;
        int expEnd = i;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            int k = i + 1;
            if (k < n && (s.charAt(k) == '+' || s.charAt(k) == '-')) {
                k++;
            }
            int ds = k;
            while (k < n && isDigit(s.charAt(k))) {
                k++;
            }
            expDigits = k - ds;
            exp = true;
            expEnd = k;
            i = k;
        }
        if (i < n && !isValueEnd(i, ctx)) {
            pos = start;
            return parseWord(ctx);
        }
        if (exp && expDigits == 0 && i < n && !isValueEnd(expEnd, ctx)) {
            pos = start;
            return parseWord(ctx);
        }
        pos = i;
        if (ctx != Ctx.TOP) {
            skipStrayQuote();
        }
        int intLen = intEnd - intStart;
        if (!underscores && intLen > 0 && (intLen == 1 || s.charAt(intStart) != '0')) {
            // the common case, a well-formed number: no copy to fix it up
            if (!dot && !exp && intLen < 10) {
                int v = 0;
                for (int k = intStart; k < intEnd; k++) {
                    v = v * 10 + (s.charAt(k) - '0');
                }
                return F.numberNode(neg ? -v : v);
            }
            if ((!dot || fracEnd > fracStart) && (!exp || expDigits > 0)) {
                return numberNode(s.substring(start, i), dot || exp);
            }
        }
        if (intLen > 1 && s.charAt(intStart) == '0') {
            // 0789: a leading zero is not a JSON number; keep the digits as written
            note(Repair.NUMBERS);
            return F.textNode(s.substring(start, i));
        }
        StringBuilder num = new StringBuilder(i - start + 2);
        if (neg) {
            num.append('-');
        }
        if (intLen == 0) {
            num.append('0');
            note(Repair.NUMBERS);
        } else {
            num.append(s, intStart, intEnd);
        }
        if (dot) {
            num.append('.');
            if (fracEnd == fracStart) {
                num.append('0');
                note(Repair.NUMBERS);
            } else {
                num.append(s, fracStart, fracEnd);
            }
        }
        if (exp) {
            if (expDigits == 0) {
                note(Repair.NUMBERS);
            } else {
                num.append(s, intEnd + (dot ? (fracEnd - intEnd) : 0), expEnd);
            }
        }
        if (underscores) {
            // 82_461_110: digit separators as in Python and Java
            note(Repair.NUMBERS);
            return numberNode(num.toString().replace("_", ""), dot || (exp && expDigits > 0));
        }
        return numberNode(num.toString(), dot || (exp && expDigits > 0));
    }

    /** Longest number read as a number; longer digit runs stay text (parsing them is quadratic). */
    static final int MAX_NUMBER_LENGTH = 1000;

    /** The node Jackson's own reader makes for this number, except that no number becomes infinite. */
    private static JsonNode numberNode(String text, boolean fractional) {
        if (text.length() > MAX_NUMBER_LENGTH) {
            return F.textNode(text);
        }
        if (!fractional) {
            if (text.length() <= 20) {
                try {
                    long v = Long.parseLong(text);
                    return v == (int) v ? F.numberNode((int) v) : F.numberNode(v);
                } catch (NumberFormatException e) {
                    // past the range of long
                }
            }
            return F.numberNode(new BigInteger(text));
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d)) {
            try {
                return F.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                // an exponent past the range of BigDecimal (1e11111111111): keep the number as written
                return F.textNode(text);
            }
        }
        return F.numberNode(d);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Whether the character at {@code i} may follow a complete number or literal. */
    private boolean isValueEnd(int i, Ctx ctx) {
        char c = s.charAt(i);
        if (isSpace(c) || c == ',' || c == ']' || c == '}' || c == ')' || c == ';' || isQuote(c) || c == '#'
                || c == '{' || c == '[') {
            return true;
        }
        if (c == ':') {
            return ctx == Ctx.KEY;
        }
        if (c == '/') {
            return i + 1 < n && (s.charAt(i + 1) == '/' || s.charAt(i + 1) == '*');
        }
        return c == '`' && s.startsWith("```", i);
    }

    private JsonNode parseWord(Ctx ctx) {
        int start = pos;
        int i = pos;
        while (i < n && isWordChar(s.charAt(i))) {
            i++;
        }
        if (i > start && (i >= n || isValueEnd(i, ctx) || s.charAt(i) == ':' && ctx != Ctx.TOP)) {
            JsonNode lit = literal(s.substring(start, i));
            if (lit != null) {
                pos = i;
                return lit;
            }
        }
        if (i > start) {
            int j = nextNonSpace(i);
            if (j < n && s.charAt(j) == '(') {
                // callback({...}); ObjectId("..."); NumberLong("2")
                note(Repair.FUNCTION_WRAPPER);
                pos = j + 1;
                enter();
                openParens++;
                JsonNode inner = parseValue(ctx);
                openParens--;
                skipSpace();
                while (pos < n && s.charAt(pos) == ',') {
                    // extra arguments are not part of the value
                    pos++;
                    openParens++;
                    parseValue(ctx);
                    openParens--;
                    skipSpace();
                }
                if (pos < n && s.charAt(pos) == ')') {
                    pos++;
                }
                skipSpaceNoNewline();
                if (pos < n && s.charAt(pos) == ';') {
                    pos++;
                }
                depth--;
                return inner == null ? F.nullNode() : inner;
            }
        }
        return unquoted(ctx);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private JsonNode literal(String w) {
        switch (w) {
            case "true":
                return F.booleanNode(true);
            case "false":
                return F.booleanNode(false);
            case "null":
                return F.nullNode();
            default:
                break;
        }
        if (w.length() <= 5 && !w.equals("True") && !w.equals("False") && !w.equals("None")) {
            // TRUE, Null, FALSE...: any case of the JSON literals
            String lower = w.toLowerCase(Locale.ROOT);
            if (!lower.equals(w) && (lower.equals("true") || lower.equals("false") || lower.equals("null"))) {
                note(Repair.PYTHON_LITERALS);
                w = lower;
            }
        }
        switch (w) {
            case "true":
                return F.booleanNode(true);
            case "false":
                return F.booleanNode(false);
            case "null":
                return F.nullNode();
            case "True":
                note(Repair.PYTHON_LITERALS);
                return F.booleanNode(true);
            case "False":
                note(Repair.PYTHON_LITERALS);
                return F.booleanNode(false);
            case "None":
                note(Repair.PYTHON_LITERALS);
                return F.nullNode();
            case "undefined":
                note(Repair.UNDEFINED);
                return F.nullNode();
            default:
                return null;
        }
    }

    /** An unquoted string value: up to the next delimiter of its context, brackets inside kept balanced. */
    private JsonNode unquoted(Ctx ctx) {
        int start = pos;
        int i = pos;
        int nest = 0;
        while (i < n) {
            char ch = s.charAt(i);
            if (ch == '\n' || ch == '\r') {
                break;
            }
            if (ch == '{' || ch == '[') {
                if (ctx == Ctx.TOP && i > start) {
                    break;
                }
                if (ctx == Ctx.ARRAY && ch == '[') {
                    break;
                }
                nest++;
            } else if (ch == '}' || ch == ']') {
                if (nest == 0) {
                    break;
                }
                nest--;
            } else if (ch == ',' && nest == 0 && ctx != Ctx.TOP) {
                break;
            } else if (ch == ',' && ctx == Ctx.TOP) {
                break;
            } else if (ch == '"' || (ch == '\'' && i > start && isSpace(s.charAt(i - 1))) || (isFancyQuote(ch) && ch != '\u2019')) {
                break;
            } else if (ch == '/' && i + 1 < n && (s.charAt(i + 1) == '*' || (s.charAt(i + 1) == '/' && (i == start || s.charAt(i - 1) != ':')))) {
                break;
            } else if (ch == ')' && openParens > 0) {
                break;
            } else if (ch == '`' && s.startsWith("```", i)) {
                break;
            }
            i++;
        }
        int end = i;
        while (end > start && Character.isWhitespace(s.charAt(end - 1))) {
            end--;
        }
        if (end == start) {
            return null;
        }
        pos = i;
        String word = s.substring(start, end);
        if (word.equals("...") && ctx != Ctx.TOP) {
            note(Repair.ELLIPSIS);
            return null;
        }
        note(Repair.UNQUOTED_STRING);
        skipStrayQuote();
        return F.textNode(word);
    }

    private JsonNode parseRegex() {
        int start = pos;
        int i = pos + 1;
        while (i < n) {
            char ch = s.charAt(i);
            if (ch == '\\' && i + 1 < n) {
                i += 2;
                continue;
            }
            if (ch == '/') {
                i++;
                while (i < n && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                note(Repair.REGEX);
                pos = i;
                return F.textNode(s.substring(start, i));
            }
            if (ch == '\n') {
                break;
            }
            i++;
        }
        pos++;
        note(Repair.STRAY_TEXT);
        return RETRY;
    }

    // ---------------------------------------------------------------- whitespace, comments, fences

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t' || isSpecialSpace(c);
    }

    private static boolean isSpecialSpace(char c) {
        return c == '\u00a0' || c == '\u180e' || (c >= '\u2000' && c <= '\u200b') || c == '\u202f' || c == '\u205f'
                || c == '\u3000' || c == '\ufeff' || c == '\u000b' || c == '\u000c';
    }

    /** Skips whitespace, comments and code fences; returns whether a newline was among them. */
    private boolean skipSpace() {
        boolean newline = false;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c > ' ' && c < 0x7f && c != '/' && c != '#' && c != '`') {
                // the usual case: a token starts here
                break;
            }
            if (c == ' ' || c == '\t' || c == '\r') {
                pos++;
            } else if (c == '\n') {
                newline = true;
                pos++;
            } else if (isSpecialSpace(c)) {
                note(Repair.SPECIAL_WHITESPACE);
                pos++;
            } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '/') {
                note(Repair.COMMENTS);
                while (pos < n && s.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
                note(Repair.COMMENTS);
                int endAt = s.indexOf("*/", pos + 2);
                pos = endAt < 0 ? n : endAt + 2;
            } else if (c == '#') {
                note(Repair.COMMENTS);
                boolean nested = openObjects + openArrays > 0;
                while (pos < n && s.charAt(pos) != '\n' && !(nested && (s.charAt(pos) == '}' || s.charAt(pos) == ']'))) {
                    pos++;
                }
            } else if (c == '`' && s.startsWith("```", pos)) {
                note(Repair.CODE_FENCE);
                pos += 3;
                while (pos < n && s.charAt(pos) == '`') {
                    pos++;
                }
                while (pos < n && (Character.isLetterOrDigit(s.charAt(pos)) || s.charAt(pos) == '-' || s.charAt(pos) == '_')) {
                    pos++;
                }
            } else {
                break;
            }
        }
        return newline;
    }

    private void skipSpaceNoNewline() {
        while (pos < n && (s.charAt(pos) == ' ' || s.charAt(pos) == '\t')) {
            pos++;
        }
    }

    private int nextNonSpace(int i) {
        if (i < n && s.charAt(i) > ' ' && s.charAt(i) < 0x7f) {
            return i;
        }
        while (i < n && isSpace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private int prevNonSpace(int i) {
        while (i >= 0 && isSpace(s.charAt(i))) {
            i--;
        }
        return i;
    }

    private boolean isEllipsis() {
        if (!s.startsWith("...", pos)) {
            return false;
        }
        int j = pos + 3;
        return j >= n || isSpace(s.charAt(j)) || ",]})/".indexOf(s.charAt(j)) >= 0;
    }

    private boolean looksLikeMember() {
        if (pos >= n || !isQuote(s.charAt(pos))) {
            return false;
        }
        int limit = Math.min(n, pos + LOOKAHEAD);
        for (int k = pos + 1; k < limit; k++) {
            if (isQuote(s.charAt(k))) {
                int m = nextNonSpace(k + 1);
                return m < n && (s.charAt(m) == ':' || isQuote(s.charAt(m)));
            }
        }
        return false;
    }

    private static boolean startsContainerOrString(char c) {
        return c == '{' || c == '[' || isQuote(c);
    }

    private void note(Repair r) {
        if (seen.add(r)) {
            repairs.add(r);
        }
    }

    private RepairException noJson() {
        return new RepairException(Reason.NO_JSON, n == 0 || s.isBlank()
                ? "no JSON value in a blank text of " + n + " characters"
                : "no JSON value in a text of " + n + " characters");
    }

    private static String shown(char c) {
        return c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c);
    }
}

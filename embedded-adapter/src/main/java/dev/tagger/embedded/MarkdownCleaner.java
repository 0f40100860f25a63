package dev.tagger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a README (markdown, HTML, badges and all) into the prose an embedding model should read: a
 * title, headings and paragraphs. Code blocks, HTML tags and comments, images and badges, link
 * targets, bare URLs, table rules, emoji short codes and emphasis marks are dropped; link texts, list
 * items and table cells are kept.
 *
 * <p>Reads at most {@value #MAX_INPUT} characters; patterns that span lines are bounded, so unclosed
 * tags cost little. Stateless and safe for use by many threads at once.
 */
final class MarkdownCleaner {

    /** Longest input read, in characters: READMEs are labelled from their start. */
    static final int MAX_INPUT = 60_000;
    /** Most characters of code blocks kept, for the evidence code gives ({@link CodeSignals}). */
    static final int MAX_CODE = 20_000;

    private static final Pattern HTML_COMMENT = Pattern.compile("(?s)<!--.*?(-->|$)");
    private static final List<String> DROPPED_ELEMENTS = List.of("script", "style", "pre", "svg");
    private static final Pattern HTML_HEADING = Pattern.compile("(?is)<h([1-6])\\b[^<>]{0,500}>(.{0,300}?)</h\\1\\s*>");
    private static final Pattern HTML_ANCHOR = Pattern.compile("(?is)<a\\b[^<>]{0,500}>(.{0,300}?)</a\\s*>");
    private static final Pattern NAVIGATION = Pattern.compile("^[\\s|•·,;:/>\\-–—\\[\\]()]*$");
    private static final Pattern HTML_BLOCK_BREAK = Pattern.compile("(?i)<(br|/p|p|/div|div|/li|li|/tr|tr|/td|td|hr)\\b[^>]*>");
    private static final Pattern HTML_TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9-]{0,30}(\\s[^<>]{0,2000})?/?>");
    private static final Pattern LINKED_IMAGE = Pattern.compile("\\[\\s*!\\[[^\\]\\[]{0,300}]\\([^)(\\s]{0,1000}\\)\\s*]\\([^)(\\s]{0,1000}\\)");
    private static final Pattern LINKED_REF_IMAGE = Pattern.compile("\\[\\s*!\\[[^\\]\\[]{0,300}](\\([^)(\\s]{0,1000}\\)|\\[[^\\]\\[]{0,300}])\\s*](\\([^)(\\s]{0,1000}\\)|\\[[^\\]\\[]{0,300}])");
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\[]{0,300}](\\([^)(]{0,1000}\\)|\\[[^\\]\\[]{0,300}])");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]\\[]{0,300})](\\([^)(]{0,1000}\\)|\\[[^\\]\\[]{0,300}])");
    private static final Pattern URL = Pattern.compile("(?i)\\b(https?|ftp)://\\S+|\\bwww\\.\\S+");
    private static final Pattern LINK_DEFINITION = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s*\\S+.*$");
    private static final Pattern MD_HEADING = Pattern.compile("^\\s{0,3}(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern RULE = Pattern.compile("^\\s*([-*_=]\\s*){3,}$");
    private static final Pattern TABLE_RULE = Pattern.compile("^\\s*\\|?\\s*:?-{2,}:?\\s*(\\|\\s*:?-{2,}:?\\s*)*\\|?\\s*$");
    private static final Pattern LIST_MARK = Pattern.compile("^\\s*([-*+]|\\d{1,3}[.)])\\s+(\\[[ xX]]\\s+)?");
    private static final Pattern QUOTE_MARK = Pattern.compile("^\\s*(>\\s?)+");
    private static final Pattern EMOJI_CODE = Pattern.compile(":[a-z0-9_+-]{2,30}:");
    private static final Pattern EMPHASIS = Pattern.compile("\\*{1,3}|`+|~~|(?<![\\p{L}\\p{N}])_{1,3}|_{1,3}(?![\\p{L}\\p{N}])");
    private static final Pattern ENTITY = Pattern.compile("&(#\\d{1,6}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;:])\\s+");
    /** Words without which no sentence is an order: a cheap test before the patterns. */
    private static final Pattern ORDER_HINT = Pattern.compile("(?i)\\b(instructions?|prompts?|directions|tags?|labels?|you|act|pretend)\\b");
    /** Orders to a tagger or a language model, each matched within one sentence. */
    private static final List<Pattern> ORDERS = List.of(
            // "Ignore (all) previous instructions", "disregard the above prompt"
            Pattern.compile("(?i)\\b(ignore|disregard|forget)\\b[^.!?]{0,40}?\\b(previous|prior|above|earlier|preceding|all|any|"
                    + "your|system|original)\\b[^.!?]{0,30}?\\b(instructions?|prompts?|directions)\\b"),
            // "Answer with the tag X", "Now respond only with the labels …", "You must reply with tags"
            Pattern.compile("(?i)^\\W*((now|please|instead|just|only|then|so|you\\s+(must|should|will|shall)|always)[,\\s]+)*"
                    + "(answer|respond|reply)\\s+(only\\s+)?(with|using)\\b[^.!?]{0,40}?\\b(tags?|labels?)\\b"),
            // "You are now a helpful assistant", "Act as a classifier"
            Pattern.compile("(?i)^\\W*(from\\s+now\\s+on,?\\s+)?(you\\s+are\\s+(now\\s+)?|act\\s+as\\s+|pretend\\s+to\\s+be\\s+)"
                    + "(a|an)\\s+([\\w-]+\\s+){0,3}?(assistant|ai|chatbot|tagger|classifier|llm|language\\s+model)\\b"));
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(`{3,}|~{3,})");

    private MarkdownCleaner() {
    }

    /**
     * @param markdown a README or any text; not null
     * @return its title, headings and paragraphs, without those that give orders ({@link #dropOrders});
     *     the title is empty when none was found
     */
    static CleanText clean(String markdown) {
        return clean(markdown, true);
    }

    /**
     * @param markdown a README or any text; not null
     * @param dropOrders whether paragraphs that give a tagger or a language model orders are dropped
     *     ({@link #dropOrders(String)})
     * @return its title, headings and paragraphs; the title is empty when none was found
     */
    static CleanText clean(String markdown, boolean dropOrders) {
        String text = markdown.length() > MAX_INPUT ? markdown.substring(0, MAX_INPUT) : markdown;
        text = text.replace("\r\n", "\n").replace('\r', '\n');
        StringBuilder code = new StringBuilder();
        text = dropFencedCode(text, code);
        text = HTML_COMMENT.matcher(text).replaceAll(" ");
        text = dropElements(text);
        text = htmlHeadingsToMarkdown(text);
        text = HTML_ANCHOR.matcher(text).replaceAll("[$1](#)");
        text = HTML_BLOCK_BREAK.matcher(text).replaceAll("\n");
        // linked images (badges) before images before links: the outer link of a badge holds only an image
        text = LINKED_IMAGE.matcher(text).replaceAll(" ");
        text = LINKED_REF_IMAGE.matcher(text).replaceAll(" ");
        text = HTML_TAG.matcher(text).replaceAll(" ");
        text = IMAGE.matcher(text).replaceAll(" ");

        List<String> headings = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        String title = "";
        StringBuilder para = new StringBuilder();
        int paraLines = 0;
        for (String raw : text.split("\n", -1)) {
            if (raw.isBlank()) {
                flush(para, paragraphs);
                paraLines = 0;
                continue;
            }
            if (LINK_DEFINITION.matcher(raw).matches() || TABLE_RULE.matcher(raw).matches()) {
                continue;
            }
            if (RULE.matcher(raw).matches()) {
                // "Title\n=====" (setext): the paragraph so far is a heading
                if (raw.strip().startsWith("=") || raw.strip().startsWith("-")) {
                    if (paraLines == 1) {
                        String h = para.toString().strip();
                        para.setLength(0);
                        headings.add(h);
                        paragraphs.add(h);
                        if (title.isEmpty()) {
                            title = h;
                        }
                    }
                }
                flush(para, paragraphs);
                paraLines = 0;
                continue;
            }
            Matcher h = MD_HEADING.matcher(raw);
            if (h.matches()) {
                flush(para, paragraphs);
                String heading = inline(h.group(2));
                heading = dropOrders ? dropOrders(heading) : heading;
                if (hasWords(heading)) {
                    headings.add(heading);
                    paragraphs.add(heading);
                    if (title.isEmpty()) {
                        title = heading;
                    }
                }
                paraLines = 0;
                continue;
            }
            String line = QUOTE_MARK.matcher(raw).replaceFirst("");
            line = LIST_MARK.matcher(line).replaceFirst("");
            if (isNavigation(line)) {
                continue;
            }
            line = inline(line);
            line = dropOrders ? dropOrders(line) : line;
            if (!hasWords(line)) {
                continue;
            }
            if (para.length() > 0) {
                para.append(' ');
            }
            para.append(line);
            paraLines++;
        }
        flush(para, paragraphs);
        if (title.isEmpty() && !paragraphs.isEmpty()) {
            title = firstWords(paragraphs.get(0), 12);
        }
        return new CleanText(title, headings, paragraphs, code.toString());
    }

    /**
     * Drops {@code <script>}, {@code <style>}, {@code <pre>} and {@code <svg>} elements with their
     * content, by scanning (a regular expression would rescan the text for every unclosed tag).
     */
    private static String dropElements(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.length() != text.length()) {
            return text; // case folding changed offsets (rare letters): leave the text as it is
        }
        StringBuilder out = null;
        int copied = 0;
        int from = 0;
        java.util.Set<String> unclosed = new java.util.HashSet<>();
        while (true) {
            int start = -1;
            String name = null;
            for (String e : DROPPED_ELEMENTS) {
                if (unclosed.contains(e)) {
                    continue;
                }
                int i = indexOfTag(lower, "<" + e, from);
                if (i >= 0 && (start < 0 || i < start)) {
                    start = i;
                    name = e;
                }
            }
            if (start < 0) {
                break;
            }
            int close = indexOfTag(lower, "</" + name, start);
            if (close < 0) {
                // no closing tag after this one, so none after any later one either
                unclosed.add(name);
                continue;
            }
            int end = lower.indexOf('>', close);
            end = end < 0 ? lower.length() : end + 1;
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, copied, start).append(' ');
            copied = end;
            from = end;
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The next {@code <name} or {@code </name} that is not the start of a longer name, or -1. */
    private static int indexOfTag(String lower, String tag, int from) {
        int i = lower.indexOf(tag, from);
        while (i >= 0) {
            int after = i + tag.length();
            if (after >= lower.length() || !Character.isLetterOrDigit(lower.charAt(after))) {
                return i;
            }
            i = lower.indexOf(tag, i + 1);
        }
        return -1;
    }

    /** A line of links and separators only, such as "Docs | Install | Licence" or a table of contents entry: a menu, not prose. */
    private static boolean isNavigation(String line) {
        Matcher m = LINK.matcher(line);
        int links = 0;
        StringBuilder outside = new StringBuilder();
        int last = 0;
        while (m.find()) {
            links++;
            outside.append(line, last, m.start());
            last = m.end();
        }
        outside.append(line.substring(last));
        return links >= 1 && NAVIGATION.matcher(outside).matches();
    }

    private static String dropFencedCode(String text, StringBuilder code) {
        StringBuilder out = new StringBuilder(text.length());
        String fence = null;
        for (String line : text.split("\n", -1)) {
            Matcher m = FENCE.matcher(line);
            if (fence == null) {
                if (m.find()) {
                    fence = m.group(1);
                    out.append('\n');
                } else {
                    out.append(line).append('\n');
                }
            } else {
                String t = line.strip();
                char f = fence.charAt(0);
                if (t.startsWith(fence) && t.chars().allMatch(c -> c == f)) {
                    fence = null;
                } else if (code.length() < MAX_CODE) {
                    code.append(line).append('\n');
                }
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static String htmlHeadingsToMarkdown(String text) {
        Matcher m = HTML_HEADING.matcher(text);
        StringBuilder sb = new StringBuilder(text.length());
        while (m.find()) {
            String inner = HTML_TAG.matcher(m.group(2)).replaceAll(" ");
            inner = IMAGE.matcher(inner).replaceAll(" ");
            inner = SPACES.matcher(inner).replaceAll(" ").strip();
            String replacement = inner.isEmpty() ? "\n" : "\n" + "#".repeat(Integer.parseInt(m.group(1))) + " " + inner + "\n";
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * Drops a cleaned line (a paragraph or heading) that holds a sentence speaking to a tagger or a
     * language model rather than about the project: "Ignore previous instructions…", "Answer with the
     * tag X", "You are now a helpful assistant". Such a sentence is an order planted in the document,
     * and what stands beside it ("Blockchain! blockchain.") is the order's payload, not evidence.
     *
     * @return the line, or an empty string when it gives orders
     */
    static String dropOrders(String line) {
        if (!ORDER_HINT.matcher(line).find()) {
            return line;
        }
        for (String sentence : SENTENCE_END.split(line)) {
            for (Pattern order : ORDERS) {
                if (order.matcher(sentence).find()) {
                    return "";
                }
            }
        }
        return line;
    }

    /**
     * Cleans the inline markup of one line: links, URLs, entities, emoji codes, emphasis. Images and
     * HTML tags are already gone: {@link #clean(String, boolean)} drops them from the whole text.
     */
    static String inline(String line) {
        String s = LINK.matcher(line).replaceAll("$1");
        s = URL.matcher(s).replaceAll(" ");
        s = decodeEntities(s);
        s = EMOJI_CODE.matcher(s).replaceAll(" ");
        s = EMPHASIS.matcher(s).replaceAll("");
        s = s.replace('|', ' ');
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    private static String decodeEntities(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = ENTITY.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String e = m.group(1);
            String r;
            if (e.startsWith("#x")) {
                r = codePoint(Integer.parseInt(e.substring(2), 16));
            } else if (e.startsWith("#")) {
                r = codePoint(Integer.parseInt(e.substring(1)));
            } else {
                r = switch (e.toLowerCase(Locale.ROOT)) {
                    case "amp" -> "&";
                    case "lt" -> "<";
                    case "gt" -> ">";
                    case "quot" -> "\"";
                    case "apos" -> "'";
                    default -> " ";
                };
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(r));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static String codePoint(int cp) {
        return Character.isValidCodePoint(cp) && !Character.isISOControl(cp) ? new String(Character.toChars(cp)) : " ";
    }

    private static boolean hasWords(String s) {
        int letters = 0;
        for (int i = 0; i < s.length() && letters < 2; i++) {
            if (Character.isLetter(s.charAt(i))) {
                letters++;
            }
        }
        return letters >= 2;
    }

    private static void flush(StringBuilder para, List<String> paragraphs) {
        if (para.length() > 0) {
            paragraphs.add(para.toString());
            para.setLength(0);
        }
    }

    static String firstWords(String s, int n) {
        String[] words = SPACES.split(s.strip());
        if (words.length <= n) {
            return s.strip();
        }
        return String.join(" ", java.util.Arrays.copyOf(words, n));
    }

    /**
     * A document's prose.
     *
     * @param title the first heading, or the start of the first paragraph; may be empty
     * @param headings the headings in order
     * @param paragraphs headings and paragraphs in order, each on one line
     * @param code the contents of the fenced code blocks, line by line; not embedded
     */
    record CleanText(String title, List<String> headings, List<String> paragraphs, String code) {
        CleanText {
            headings = List.copyOf(headings);
            paragraphs = List.copyOf(paragraphs);
        }

        /** @return all paragraphs joined by new lines */
        String body() {
            return String.join("\n", paragraphs);
        }
    }
}

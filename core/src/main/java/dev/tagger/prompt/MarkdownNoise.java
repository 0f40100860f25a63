package dev.tagger.prompt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The noise cleaners of the token budget, cheapest loss first. Each takes a markdown (or HTML-ish)
 * text and hands back a shorter one that says the same thing to a tagger. Fenced code blocks are
 * left alone by the prose cleaners, so {@code List<String>} in code is not taken for an HTML tag.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
enum MarkdownNoise {

    /** {@code <!-- markdownlint-disable -->} -> nothing. */
    HTML_COMMENTS("html-comments", prose(MarkdownNoise::htmlComments)),
    /** {@code [![CI](https://img.shields.io/…)](https://…)}, {@code <a><img></a>} -> nothing. */
    BADGES("badges", prose(MarkdownNoise::badges)),
    /** {@code ![logo](images/logo.svg)}, {@code <img src=…>} -> nothing. */
    IMAGES("images", prose(MarkdownNoise::images)),
    /** {@code <div align="center">Text</div>} -> {@code Text}; {@code &amp;} -> {@code &}. */
    HTML_TAGS("html-tags", prose(MarkdownNoise::htmlTags)),
    /** {@code [the paper](https://arxiv.org/…)} -> {@code the paper}; link definitions dropped. */
    LINK_URLS("link-urls", prose(MarkdownNoise::linkUrls)),
    /** Trailing spaces, runs of blank lines and blank lines at both ends. */
    BLANK_LINES("blank-lines", MarkdownNoise::blankLines),
    /** A table of more than {@value #TABLE_KEEP} lines -> its first lines and a count of the rest. */
    LONG_TABLES("long-tables", prose(MarkdownNoise::longTables)),
    /** A fenced code block of more than {@value #CODE_KEEP} lines -> its first lines and a count. */
    LONG_CODE_BLOCKS("long-code-blocks", MarkdownNoise::longCodeBlocks);

    static final int TABLE_KEEP = 6;
    static final int CODE_KEEP = 8;

    private static final Pattern CODE_SPAN = Pattern.compile("`[^`\\n]*`");
    private static final Pattern URL = Pattern.compile("https?://\\S+");
    private static final Pattern COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final String BADGE_HOSTS = "shields\\.io|badgen\\.net|badge|travis-ci|codecov|circleci|"
            + "actions/workflows|coveralls|snyk\\.io|deepwiki|gitter\\.im";
    private static final Pattern LINKED_IMAGE = Pattern.compile("\\[\\s*!\\[[^\\]\\n]*\\]\\([^)\\n]*\\)\\s*\\]\\([^)\\n]*\\)");
    private static final Pattern HTML_LINKED_IMAGE = Pattern.compile("<a\\b[^>]*>\\s*<img\\b[^>]*>\\s*</a\\s*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BADGE_IMAGE = Pattern.compile("!\\[[^\\]\\n]*\\]\\([^)\\n]*(" + BADGE_HOSTS + ")[^)\\n]*\\)"
            + "|<img\\b[^>]*(" + BADGE_HOSTS + ")[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern IMAGE = Pattern.compile("!\\[[^\\]\\n]*\\]\\([^)\\n]*\\)|<img\\b[^>]*>|<svg\\b.*?</svg\\s*>",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern BR = Pattern.compile("<br\\s*/?>|<hr\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][a-zA-Z0-9-]*(\\s[^<>]*)?/?>");
    private static final Pattern INLINE_LINK = Pattern.compile(
            "\\[([^\\]\\n]+)\\]\\((?:[^()\\s]|\\([^()\\s]*\\))+(?:\\s+\"[^\"\\n]*\")?\\s*\\)");
    private static final Pattern REF_LINK = Pattern.compile("\\[([^\\]\\n]+)\\]\\[[^\\]\\n]*\\]");
    private static final Pattern LINK_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]+\\]:[ \\t]*\\S+.*(\\n|$)");
    private static final Pattern AUTOLINK = Pattern.compile("<(https?|ftp|mailto):[^>\\s]+>", Pattern.CASE_INSENSITIVE);
    private static final Pattern BLANK_RUN = Pattern.compile("\\n{3,}");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\u00A0]+(?=\\n)");
    private static final Pattern TABLE_SEPARATOR = Pattern.compile("^\\s*\\|?\\s*:?-{3,}:?\\s*(\\|\\s*:?-{3,}:?\\s*)*\\|?\\s*$");
    private static final Pattern FENCE = Pattern.compile("^ {0,3}(`{3,}|~{3,}).*$");

    private final String label;
    private final UnaryOperator<String> cleaner;

    MarkdownNoise(String label, UnaryOperator<String> cleaner) {
        this.label = label;
        this.cleaner = cleaner;
    }

    /** @return the step's name in a {@link BudgetReport} */
    String label() {
        return label;
    }

    /** @return the text with this kind of noise removed */
    String apply(String text) {
        return cleaner.apply(text);
    }

    // ---- cleaners ----

    private static String htmlComments(String s) {
        return COMMENT.matcher(s).replaceAll("");
    }

    private static String badges(String s) {
        String out = LINKED_IMAGE.matcher(s).replaceAll("");
        out = HTML_LINKED_IMAGE.matcher(out).replaceAll("");
        return BADGE_IMAGE.matcher(out).replaceAll("");
    }

    private static String images(String s) {
        return IMAGE.matcher(s).replaceAll("");
    }

    private static String htmlTags(String s) {
        String out = BR.matcher(s).replaceAll("\n");
        out = TAG.matcher(out).replaceAll("");
        return out.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String linkUrls(String s) {
        String out = LINK_DEFINITION.matcher(s).replaceAll("");
        out = INLINE_LINK.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        out = REF_LINK.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
        return AUTOLINK.matcher(out).replaceAll("");
    }

    private static String blankLines(String s) {
        String out = TRAILING_SPACE.matcher(s.replace("\r\n", "\n")).replaceAll("");
        out = BLANK_RUN.matcher(out).replaceAll("\n\n");
        return out.strip();
    }

    private static String longTables(String s) {
        String[] lines = s.split("\n", -1);
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < lines.length) {
            if (i + 1 < lines.length && lines[i].contains("|") && TABLE_SEPARATOR.matcher(lines[i + 1]).matches()) {
                int end = i + 2;
                while (end < lines.length && lines[end].contains("|") && !lines[end].isBlank()) {
                    end++;
                }
                int n = end - i;
                if (n > TABLE_KEEP + 2) {
                    for (int k = i; k < i + TABLE_KEEP; k++) {
                        out.append(lines[k]).append('\n');
                    }
                    out.append("| … ").append(n - TABLE_KEEP).append(" more rows |\n");
                } else {
                    for (int k = i; k < end; k++) {
                        out.append(lines[k]).append('\n');
                    }
                }
                i = end;
                continue;
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
            i++;
        }
        return out.toString();
    }

    private static String longCodeBlocks(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (Segment seg : segments(s)) {
            if (!seg.code()) {
                out.append(seg.text());
                continue;
            }
            String[] lines = seg.text().split("\n", -1);
            // lines[0] is the opening fence; the closing fence (if any) is the last non-empty line
            int last = lines.length - 1;
            while (last > 0 && lines[last].isEmpty()) {
                last--;
            }
            boolean closed = last > 0 && FENCE.matcher(lines[last]).matches();
            int bodyEnd = closed ? last : last + 1;
            int body = bodyEnd - 1;
            if (body <= CODE_KEEP + 2) {
                out.append(seg.text());
                continue;
            }
            for (int k = 0; k <= CODE_KEEP; k++) {
                out.append(lines[k]).append('\n');
            }
            out.append("… (").append(body - CODE_KEEP).append(" more lines)\n");
            if (closed) {
                out.append(lines[last]);
            }
            for (int k = last + 1; k < lines.length; k++) {
                out.append('\n').append(lines[k]);
            }
        }
        return out.toString();
    }

    // ---- prose / code segmentation ----

    /** A run of prose or one fenced code block (fences included), text joined exactly as given. */
    record Segment(boolean code, String text) {
    }

    /** Splits a text into prose and fenced code blocks; concatenating the segments gives the text back. */
    static List<Segment> segments(String s) {
        List<Segment> out = new ArrayList<>();
        String[] lines = s.split("\n", -1);
        StringBuilder cur = new StringBuilder();
        boolean inCode = false;
        String fence = "";
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String nl = i < lines.length - 1 ? "\n" : "";
            Matcher m = FENCE.matcher(line);
            if (!inCode && m.matches()) {
                if (cur.length() > 0) {
                    out.add(new Segment(false, cur.toString()));
                    cur.setLength(0);
                }
                inCode = true;
                fence = m.group(1);
                cur.append(line).append(nl);
            } else if (inCode && closes(line, fence)) {
                cur.append(line).append(nl);
                out.add(new Segment(true, cur.toString()));
                cur.setLength(0);
                inCode = false;
            } else {
                cur.append(line).append(nl);
            }
        }
        if (cur.length() > 0) {
            out.add(new Segment(inCode, cur.toString()));
        }
        return out;
    }

    private static boolean closes(String line, String fence) {
        String t = line.strip();
        if (t.length() < fence.length()) {
            return false;
        }
        char c = fence.charAt(0);
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) != c) {
                return false;
            }
        }
        return true;
    }

    /** Applies a cleaner to the prose only. */
    private static UnaryOperator<String> prose(UnaryOperator<String> cleaner) {
        return s -> {
            StringBuilder out = new StringBuilder(s.length());
            for (Segment seg : segments(s)) {
                out.append(seg.code() ? seg.text() : cleaner.apply(seg.text()));
            }
            return out.toString();
        };
    }

    /** @return the text with code blocks, inline code, URLs and HTML removed: the prose a reader sees */
    static String proseOnly(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (Segment seg : segments(s)) {
            if (!seg.code()) {
                out.append(seg.text()).append('\n');
            }
        }
        String p = HTML_TAGS.apply(IMAGES.apply(HTML_COMMENTS.apply(out.toString())));
        p = LINK_URLS.apply(p);
        return URL.matcher(CODE_SPAN.matcher(p).replaceAll(" ")).replaceAll(" ");
    }
}

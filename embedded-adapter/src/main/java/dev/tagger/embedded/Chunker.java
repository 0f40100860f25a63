package dev.tagger.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Cuts a cleaned document into the pieces an embedding model reads whole. The in-process models read
 * only the first 128 (all-MiniLM-L6-v2) or 510 (bge-small-en-v1.5) tokens of a text and silently drop
 * the rest, so every chunk is kept under that: a <em>lead</em> chunk (title and first paragraphs, where
 * a README says what the project is), then <em>body</em> chunks of whole paragraphs in reading order,
 * a paragraph longer than a chunk being cut between words. The lead keeps its paragraphs on lines of
 * their own (the models read a line break as a space). Words are counted by spaces; a run of text
 * without spaces (Chinese) counts one word per {@value #CHARS_PER_WORD} characters.
 *
 * <p>Immutable; safe for use by many threads at once.
 */
final class Chunker {

    static final int CHARS_PER_WORD = 6;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final int leadWords;
    private final int chunkWords;
    private final int maxChunks;
    private final int summaryWords;

    /** As {@link #Chunker(int, int, int, int)} without a summary chunk. */
    Chunker(int leadWords, int chunkWords, int maxChunks) {
        this(leadWords, chunkWords, maxChunks, 0);
    }

    /**
     * @param leadWords the most words of the lead chunk, at least 8
     * @param chunkWords the most words of a body chunk, at least 8
     * @param maxChunks the most lead and body chunks, at least 1
     * @param summaryWords the words of an extra first chunk, the start of the lead (where a README says
     *     "X is a Y"), when the lead is longer; 0 for none
     */
    Chunker(int leadWords, int chunkWords, int maxChunks, int summaryWords) {
        if (leadWords < 8 || chunkWords < 8 || maxChunks < 1 || summaryWords < 0) {
            throw new IllegalArgumentException("leadWords and chunkWords must be >= 8, maxChunks >= 1, summaryWords >= 0; got "
                    + leadWords + ", " + chunkWords + ", " + maxChunks + ", " + summaryWords);
        }
        this.leadWords = leadWords;
        this.chunkWords = chunkWords;
        this.maxChunks = maxChunks;
        this.summaryWords = summaryWords;
    }

    /** What part of a document a chunk is. */
    enum Kind {
        /** The first words of the lead. */
        SUMMARY,
        /** Title and first paragraphs. */
        LEAD,
        /** Later paragraphs. */
        BODY
    }

    /** One piece of a document. */
    record Chunk(String text, Kind kind) {
        boolean lead() {
            return kind == Kind.LEAD;
        }
    }

    /** @return the chunks, lead first; empty when the text holds no words */
    List<Chunk> chunks(MarkdownCleaner.CleanText text) {
        List<List<String>> paragraphs = new ArrayList<>();
        for (String p : text.paragraphs()) {
            List<String> w = words(p);
            if (!w.isEmpty()) {
                paragraphs.add(w);
            }
        }
        List<Chunk> out = new ArrayList<>();
        if (paragraphs.isEmpty()) {
            return out;
        }
        // lead: whole paragraphs while they fit, the first one cut if it alone is too long
        // the lead's paragraphs stay on lines of their own: term mentions are counted per line
        List<String> lead = new ArrayList<>();
        StringBuilder leadText = new StringBuilder();
        int i = 0;
        while (i < paragraphs.size() && (lead.isEmpty() || lead.size() + paragraphs.get(i).size() <= leadWords)) {
            List<String> p = paragraphs.get(i);
            if (!lead.isEmpty()) {
                leadText.append('\n');
            }
            if (lead.size() + p.size() > leadWords) {
                int take = leadWords - lead.size();
                lead.addAll(p.subList(0, take));
                leadText.append(join(p.subList(0, take)));
                paragraphs.set(i, new ArrayList<>(p.subList(take, p.size())));
                break;
            }
            lead.addAll(p);
            leadText.append(join(p));
            i++;
        }
        if (summaryWords > 0 && lead.size() > summaryWords) {
            out.add(new Chunk(join(lead.subList(0, summaryWords)), Kind.SUMMARY));
        }
        out.add(new Chunk(leadText.toString(), Kind.LEAD));
        int max = maxChunks + out.size() - 1;
        List<String> current = new ArrayList<>();
        for (; i < paragraphs.size() && out.size() < max; i++) {
            List<String> p = paragraphs.get(i);
            if (!current.isEmpty() && current.size() + p.size() > chunkWords) {
                out.add(new Chunk(join(current), Kind.BODY));
                current = new ArrayList<>();
            }
            int start = 0;
            while (p.size() - start > chunkWords && out.size() < max) {
                out.add(new Chunk(join(p.subList(start, start + chunkWords)), Kind.BODY));
                start += chunkWords;
            }
            current.addAll(p.subList(start, p.size()));
        }
        if (!current.isEmpty() && out.size() < max) {
            out.add(new Chunk(join(current), Kind.BODY));
        }
        return out;
    }

    /** Words of a paragraph; a space-less run longer than {@value #CHARS_PER_WORD} is cut into pieces. */
    static List<String> words(String paragraph) {
        List<String> out = new ArrayList<>();
        for (String w : SPACES.split(paragraph.strip())) {
            if (w.isEmpty()) {
                continue;
            }
            if (w.length() <= 3 * CHARS_PER_WORD || w.chars().allMatch(c -> c < 0x2E80)) {
                out.add(w);
            } else {
                for (int k = 0; k < w.length(); k += CHARS_PER_WORD) {
                    out.add(w.substring(k, Math.min(w.length(), k + CHARS_PER_WORD)));
                }
            }
        }
        return out;
    }

    private static String join(List<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(w);
        }
        return sb.toString();
    }
}

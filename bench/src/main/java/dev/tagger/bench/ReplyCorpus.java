package dev.tagger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replies the repair benchmarks run on: typical tagging replies (200 B and 2 KB, clean and broken),
 * a model reply with a think block and prose, large replies (1 MB, clean and broken) and hostile 1 MB
 * texts (open brackets, quotes, backslashes). Deterministic, so every run and every tool sees the same text.
 */
public final class ReplyCorpus {

    private ReplyCorpus() {
    }

    /** The tag names of the benchmark's tag set: 90 names like the seed request's list. */
    public static List<String> tagNames() {
        List<String> names = new ArrayList<>(List.of("3d", "ai", "benchmark", "game-engine ", "declarative-gui ", "math",
                "llm", "reasoning", "dataset", "pytorch"));
        for (int i = names.size(); i < 90; i++) {
            names.add("topic-" + i);
        }
        return names;
    }

    /** Name -> reply text, in a fixed order. */
    public static Map<String, String> replies() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("clean-200B", clean(200));
        m.put("broken-200B", broken(200));
        m.put("clean-2KB", clean(2048));
        m.put("broken-2KB", broken(2048));
        m.put("reply-think-2KB", thinkReply(2048));
        m.put("clean-1MB", cleanLarge(1 << 20));
        m.put("broken-1MB", brokenLarge(1 << 20));
        m.put("brackets-1MB", "[".repeat(1 << 20));
        m.put("quotes-1MB", "\"".repeat(1 << 20));
        m.put("backslashes-1MB", "\"" + "\\".repeat(1 << 20));
        return m;
    }

    private static String reason(int length) {
        String base = "The README describes a 7B language model tuned for mathematical reasoning and evaluated on "
                + "competition benchmarks; it ships weights, a chat template and evaluation scripts. ";
        StringBuilder b = new StringBuilder();
        while (b.length() < length) {
            b.append(base);
        }
        b.setLength(Math.max(0, length));
        return b.toString().replace('"', '\'');
    }

    /** Valid JSON of about {@code size} characters. */
    static String clean(int size) {
        String head = "{\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\",\"math\"],\"confidence\":0.82,\"reason\":\"";
        return head + reason(size - head.length() - 2) + "\"}";
    }

    /** Broken JSON of about {@code size} characters: single quotes, unquoted keys, a trailing comma, a comment, Python literals, truncation. */
    static String broken(int size) {
        String head = "```json\n{'id': '7628', tags: ['ai', 'benchmark', 'math',], // best three\n 'sure': True, 'note': None, 'reason': '";
        return head + reason(size - head.length()).replace('\'', ' ');
    }

    /** A model reply: think block, prose, a fenced answer with a trailing comma. */
    static String thinkReply(int size) {
        String answer = "\n```json\n{\"id\": \"7628\", \"tags\": [\"ai\", \"benchmark\", \"math\",]}\n```\nThese fit best.";
        String think = "<think>\n" + reason(size - answer.length() - 40) + "\n</think>\nHere are the tags:";
        return think + answer;
    }

    static String cleanLarge(int size) {
        StringBuilder b = new StringBuilder("[");
        int i = 0;
        while (b.length() < size - 200) {
            b.append(i == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"tags\":[\"ai\",\"3d\",\"math\"],\"score\":")
                    .append(i % 100 / 100.0).append(",\"ok\":true,\"note\":\"tagged by model, item ").append(i).append("\"}");
            i++;
        }
        return b.append(']').toString();
    }

    static String brokenLarge(int size) {
        StringBuilder b = new StringBuilder("[");
        int i = 0;
        while (b.length() < size - 200) {
            b.append(i == 0 ? "" : ",\n").append("{id: '").append(i).append("', tags: ['ai', \u201c3d\u201d, 'math',], score: ")
                    .append(i % 100 / 100.0).append(", ok: True, note: 'tagged by model, item ").append(i).append("',}");
            i++;
        }
        return b.append(",\n{id: '").append(i).append("', tags: ['ai").toString();
    }
}

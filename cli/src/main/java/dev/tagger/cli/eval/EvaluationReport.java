package dev.tagger.cli.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The figures of one evaluation run.
 *
 * <p>Micro figures pool all documents: precision = correct predicted tags / predicted tags, recall =
 * gold tags predicted / gold tags. Macro figures average per tag: precision over the tags predicted at
 * least once, recall over the tags gold at least once, F1 over the tags either predicted or gold at
 * least once (a tag never predicted, or never gold, has F1 0).
 *
 * @param backend the backend chain measured, comma-separated
 * @param documents the number of documents
 * @param failed how many of them failed to be tagged (counted as predicting nothing)
 * @param micro pooled precision, recall, F1
 * @param macro per-tag averaged precision, recall, F1
 * @param exactMatch the share of documents whose predicted tags equal their gold tags
 * @param atLeastOneCorrect the share of documents with at least one correct predicted tag
 * @param predicted predicted tags in all
 * @param correct correct predicted tags (in gold or acceptable)
 * @param gold gold tags in all
 * @param goldFound gold tags that were predicted
 * @param outOfList predicted tags whose name is not in the tag list: must be 0
 * @param goldNotInList gold tags of the labels that the tag list lacks (a labelling problem)
 * @param docsPerSecond documents tagged per second, after warm-up
 * @param seconds the time spent tagging the documents
 * @param warmupSeconds the time of the unscored warm-up call (model load, tag embedding)
 * @param cpuSecondsPerDocument the process's CPU time (all threads) per document while tagging; 0
 *     where the platform does not report it
 * @param tags per-tag counts and figures, in tag-list order of first appearance
 * @param perDocument one entry per document, in input order
 */
public record EvaluationReport(String backend, int documents, int failed, Figures micro, Figures macro,
                               double exactMatch, double atLeastOneCorrect, int predicted, int correct, int gold,
                               int goldFound, int outOfList, List<String> goldNotInList, double docsPerSecond,
                               double seconds, double warmupSeconds, double cpuSecondsPerDocument, List<TagScore> tags,
                               List<DocumentScore> perDocument) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public EvaluationReport {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(micro, "micro");
        Objects.requireNonNull(macro, "macro");
        goldNotInList = List.copyOf(goldNotInList);
        tags = List.copyOf(tags);
        perDocument = List.copyOf(perDocument);
    }

    /** Precision, recall and F1, each 0 to 1. */
    public record Figures(double precision, double recall, double f1) {
    }

    /**
     * One tag's counts.
     *
     * @param tag the tag's name as in the list
     * @param gold documents with the tag in gold
     * @param predicted documents the tag was predicted for
     * @param correct predictions of the tag that were correct
     * @param goldFound gold occurrences that were predicted
     * @param precision correct / predicted; NaN when never predicted
     * @param recall goldFound / gold; NaN when never gold
     * @param f1 0 when either is NaN
     */
    public record TagScore(String tag, int gold, int predicted, int correct, int goldFound, double precision,
                           double recall, double f1) {
    }

    /**
     * One document's result.
     *
     * @param id the document's id
     * @param predicted the tags predicted, as named in the list
     * @param gold the gold tags
     * @param wrong predicted tags neither gold nor acceptable
     * @param f1 the document's own F1 (its precision when it has no gold tags)
     * @param error why tagging failed; empty when it did not
     */
    public record DocumentScore(String id, List<String> predicted, List<String> gold, List<String> wrong, double f1,
                                String error) {
        public DocumentScore {
            predicted = List.copyOf(predicted);
            gold = List.copyOf(gold);
            wrong = List.copyOf(wrong);
            Objects.requireNonNull(error, "error");
        }
    }

    /** @return the documents with the lowest F1, worst first, at most {@code n}; ties in input order */
    public List<DocumentScore> worst(int n) {
        List<DocumentScore> sorted = new ArrayList<>(perDocument);
        sorted.sort(Comparator.comparingDouble(DocumentScore::f1));
        return sorted.subList(0, Math.min(n, sorted.size()));
    }

    /** The one-line summary: backend, micro P/R/F1, documents per second. */
    public String summaryLine() {
        return String.format(Locale.ROOT, "%-20s micro P %.3f R %.3f F1 %.3f | macro F1 %.3f | exact %.3f | >=1 correct %.3f | %.1f docs/s, CPU %.3f s/doc | failed %d | outside list %d",
                backend, micro.precision(), micro.recall(), micro.f1(), macro.f1(), exactMatch, atLeastOneCorrect,
                docsPerSecond, cpuSecondsPerDocument, failed, outOfList);
    }

    /** The human-readable report, with the {@code worst} lowest-scoring documents. */
    public String format(int worst) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "backend: %s%n", backend));
        sb.append(String.format(Locale.ROOT, "documents: %d (failed: %d)%n", documents, failed));
        sb.append(String.format(Locale.ROOT, "micro:  precision %.3f  recall %.3f  F1 %.3f   (%d of %d predicted correct, %d of %d gold found)%n",
                micro.precision(), micro.recall(), micro.f1(), correct, predicted, goldFound, gold));
        sb.append(String.format(Locale.ROOT, "macro:  precision %.3f  recall %.3f  F1 %.3f%n",
                macro.precision(), macro.recall(), macro.f1()));
        sb.append(String.format(Locale.ROOT, "exact match: %.3f   at least one correct: %.3f%n", exactMatch, atLeastOneCorrect));
        sb.append(String.format(Locale.ROOT, "speed: %.2f documents/s (%.1f s for %d documents; warm-up %.1f s; CPU %.3f s per document)%n",
                docsPerSecond, seconds, documents, warmupSeconds, cpuSecondsPerDocument));
        sb.append(String.format(Locale.ROOT, "predicted tags outside the list: %d%n", outOfList));
        if (!goldNotInList.isEmpty()) {
            sb.append("gold tags missing from the tag list: ").append(String.join(", ", goldNotInList)).append('\n');
        }
        sb.append(String.format(Locale.ROOT, "%nper tag:%n%-22s %5s %5s %5s %6s %6s %6s%n", "tag", "gold", "pred", "ok", "P", "R", "F1"));
        for (TagScore t : tags) {
            sb.append(String.format(Locale.ROOT, "%-22s %5d %5d %5d %6s %6s %6.3f%n", "'" + t.tag() + "'", t.gold(),
                    t.predicted(), t.correct(), num(t.precision()), num(t.recall()), t.f1()));
        }
        sb.append(String.format(Locale.ROOT, "%nworst documents:%n"));
        for (DocumentScore d : worst(worst)) {
            sb.append(String.format(Locale.ROOT, "  %.3f %s gold %s predicted %s%s%n", d.f1(), d.id(), d.gold(),
                    d.predicted(), d.error().isEmpty() ? "" : " ERROR " + d.error()));
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }

    /** @return the report as a JSON tree: every figure, the per-tag table and {@code documents} */
    public ObjectNode toJsonNode(int worst) {
        ObjectNode root = JSON.createObjectNode();
        root.put("backend", backend);
        root.put("documentCount", documents);
        root.put("failed", failed);
        figures(root.putObject("micro"), micro);
        figures(root.putObject("macro"), macro);
        root.put("exactMatch", exactMatch);
        root.put("atLeastOneCorrect", atLeastOneCorrect);
        root.put("predicted", predicted);
        root.put("correct", correct);
        root.put("gold", gold);
        root.put("goldFound", goldFound);
        root.put("outOfList", outOfList);
        goldNotInList.forEach(root.putArray("goldNotInList")::add);
        root.put("docsPerSecond", docsPerSecond);
        root.put("seconds", seconds);
        root.put("warmupSeconds", warmupSeconds);
        root.put("cpuSecondsPerDocument", cpuSecondsPerDocument);
        ArrayNode ts = root.putArray("tags");
        for (TagScore t : tags) {
            ObjectNode o = ts.addObject();
            o.put("tag", t.tag());
            o.put("gold", t.gold());
            o.put("predicted", t.predicted());
            o.put("correct", t.correct());
            o.put("goldFound", t.goldFound());
            putNumber(o, "precision", t.precision());
            putNumber(o, "recall", t.recall());
            o.put("f1", t.f1());
        }
        ArrayNode w = root.putArray("worst");
        for (DocumentScore d : worst(worst)) {
            ObjectNode o = w.addObject();
            o.put("id", d.id());
            o.put("f1", d.f1());
            d.wrong().forEach(o.putArray("wrong")::add);
        }
        ArrayNode docs = root.putArray("documents");
        for (DocumentScore d : perDocument) {
            ObjectNode o = docs.addObject();
            o.put("id", d.id());
            d.predicted().forEach(o.putArray("predicted")::add);
            d.gold().forEach(o.putArray("gold")::add);
            d.wrong().forEach(o.putArray("wrong")::add);
            o.put("f1", d.f1());
            if (!d.error().isEmpty()) {
                o.put("error", d.error());
            }
        }
        return root;
    }

    /** @return {@link #toJsonNode} written with indentation */
    public String toJson(int worst) {
        try {
            return JSON.writeValueAsString(toJsonNode(worst));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    static String toJson(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    static ObjectNode newObject() {
        return JSON.createObjectNode();
    }

    private static void figures(ObjectNode o, Figures f) {
        o.put("precision", f.precision());
        o.put("recall", f.recall());
        o.put("f1", f.f1());
    }

    private static void putNumber(ObjectNode o, String key, double v) {
        if (Double.isNaN(v)) {
            o.putNull(key);
        } else {
            o.put(key, v);
        }
    }
}

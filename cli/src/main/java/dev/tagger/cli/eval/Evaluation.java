package dev.tagger.cli.eval;

import dev.tagger.Attempt;
import dev.tagger.Document;
import dev.tagger.Status;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Measures a {@link Tagger} against labelled documents: usable without the command line.
 *
 * <p>A predicted tag is <em>correct</em> when it is in the document's gold or acceptable tags;
 * precision is over predicted tags, recall over gold tags. Tags are compared by their
 * {@linkplain Tag#normalise normalised} names, so {@code "game-engine "} and {@code "game-engine"}
 * agree. A document whose tagging fails (status {@link Status#FAILED}, or an exception such as an empty
 * text) counts as predicting nothing, is listed with its error, and the run goes on.
 *
 * <pre>{@code
 * try (Tagger tagger = Tagger.builder().tags(tags).maxTags(3).build()) {
 *     EvaluationReport r = Evaluation.run(tagger, LabelledDocument.readJsonl(Path.of("dev.jsonl")));
 *     System.out.println(r.format(10));
 * }
 * }</pre>
 *
 * <p>Stateless; safe for use by many threads at once (each run uses only its arguments).
 */
public final class Evaluation {

    private Evaluation() {
    }

    /**
     * Tags every document once, in order, and scores the results. Before timing, the first document
     * is tagged once unscored, so that model loading and tag embedding do not count against the
     * documents-per-second figure; that warm-up's time is reported on its own. The process's CPU time
     * per document is reported too: unlike documents per second, it does not depend on what else runs
     * on the machine.
     *
     * @param tagger the tagger to measure; its tag set is the list scored against
     * @param documents the labelled documents; not empty
     * @return the scores, per tag and per document
     */
    public static EvaluationReport run(Tagger tagger, List<LabelledDocument> documents) {
        return run(tagger, documents, System::nanoTime, Evaluation::processCpuNanos);
    }

    /** The CPU time of this process so far, all threads (native ones too); 0 where the platform does not say. */
    static long processCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    /** As {@link #run(Tagger, List)} with the given nanosecond clock and process CPU clock. */
    static EvaluationReport run(Tagger tagger, List<LabelledDocument> documents, LongSupplier nanoClock,
                                LongSupplier cpuClock) {
        Objects.requireNonNull(tagger, "tagger");
        if (documents.isEmpty()) {
            throw new IllegalArgumentException("no documents to evaluate");
        }
        long w0 = nanoClock.getAsLong();
        tagOnce(tagger, documents.get(0));
        long warmup = nanoClock.getAsLong() - w0;

        List<Outcome> outcomes = new ArrayList<>(documents.size());
        long cpu0 = cpuClock.getAsLong();
        long t0 = nanoClock.getAsLong();
        for (LabelledDocument d : documents) {
            outcomes.add(tagOnce(tagger, d));
        }
        long elapsed = nanoClock.getAsLong() - t0;
        long cpu = cpuClock.getAsLong() - cpu0;
        return score(String.join(",", tagger.backendNames()), tagger.tags(), documents, outcomes, elapsed, warmup, cpu);
    }

    /** What tagging one document gave: the predicted names, or the error. */
    record Outcome(List<String> predicted, String error) {
        Outcome {
            predicted = List.copyOf(predicted);
        }

        boolean failed() {
            return !error.isEmpty();
        }
    }

    private static Outcome tagOnce(Tagger tagger, LabelledDocument d) {
        try {
            TagResult r = tagger.tag(new Document(d.id(), d.text()));
            if (r.status() == Status.FAILED) {
                List<Attempt> attempts = r.diagnostics().attempts();
                String why = attempts.isEmpty() ? "no backend answered" : attempts.get(attempts.size() - 1).problem();
                return new Outcome(List.of(), why.isEmpty() ? "failed" : why);
            }
            return new Outcome(r.names(), "");
        } catch (RuntimeException e) {
            // one bad document must not stop the run: it is counted and reported
            String msg = e.getMessage();
            return new Outcome(List.of(), e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg));
        }
    }

    /** Scores outcomes against the labels; the arithmetic of every figure in the report. */
    static EvaluationReport score(String backend, TagSet tags, List<LabelledDocument> docs, List<Outcome> outcomes,
                                  long elapsedNanos, long warmupNanos, long cpuNanos) {
        Map<String, String> display = new LinkedHashMap<>(); // key -> name as in the tag list
        for (Tag t : tags) {
            display.put(t.key(), t.name());
        }
        Map<String, int[]> perTag = new LinkedHashMap<>(); // key -> {gold, predicted, correct, goldHit}
        int predictedTotal = 0;
        int correctTotal = 0;
        int goldTotal = 0;
        int goldHitTotal = 0;
        int exact = 0;
        int anyCorrect = 0;
        int failed = 0;
        int outOfList = 0;
        Set<String> unknownGold = new LinkedHashSet<>();
        List<EvaluationReport.DocumentScore> scored = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            LabelledDocument d = docs.get(i);
            Outcome o = outcomes.get(i);
            Set<String> gold = keys(d.gold());
            Set<String> ok = new LinkedHashSet<>(gold);
            ok.addAll(keys(d.acceptable()));
            Set<String> predicted = keys(o.predicted());
            for (String g : gold) {
                if (!display.containsKey(g)) {
                    unknownGold.add(g);
                }
            }
            for (String p : o.predicted()) {
                if (tags.byName(p).isEmpty()) {
                    outOfList++;
                }
            }
            int correct = 0;
            int goldHit = 0;
            List<String> wrong = new ArrayList<>();
            for (String p : predicted) {
                int[] c = perTag.computeIfAbsent(p, k -> new int[4]);
                c[1]++;
                if (ok.contains(p)) {
                    c[2]++;
                    correct++;
                } else {
                    wrong.add(display.getOrDefault(p, p));
                }
            }
            for (String g : gold) {
                int[] c = perTag.computeIfAbsent(g, k -> new int[4]);
                c[0]++;
                if (predicted.contains(g)) {
                    c[3]++;
                    goldHit++;
                }
            }
            predictedTotal += predicted.size();
            correctTotal += correct;
            goldTotal += gold.size();
            goldHitTotal += goldHit;
            if (predicted.equals(gold)) {
                exact++;
            }
            if (correct > 0) {
                anyCorrect++;
            }
            if (o.failed()) {
                failed++;
            }
            // a document's own F1 orders the worst documents; with no gold it is its precision (1 when nothing is predicted)
            double p = predicted.isEmpty() ? (gold.isEmpty() ? 1 : 0) : (double) correct / predicted.size();
            double docF1 = gold.isEmpty() ? p : f1(p, (double) goldHit / gold.size());
            scored.add(new EvaluationReport.DocumentScore(d.id(), o.predicted(), d.gold(), wrong, docF1, o.error()));
        }
        List<EvaluationReport.TagScore> tagScores = new ArrayList<>();
        double sumP = 0;
        double sumR = 0;
        double sumF = 0;
        int nP = 0;
        int nR = 0;
        for (Map.Entry<String, int[]> e : perTag.entrySet()) {
            int[] c = e.getValue();
            double p = c[1] == 0 ? Double.NaN : (double) c[2] / c[1];
            double r = c[0] == 0 ? Double.NaN : (double) c[3] / c[0];
            double f = Double.isNaN(p) || Double.isNaN(r) ? 0 : f1(p, r);
            if (!Double.isNaN(p)) {
                sumP += p;
                nP++;
            }
            if (!Double.isNaN(r)) {
                sumR += r;
                nR++;
            }
            sumF += f;
            tagScores.add(new EvaluationReport.TagScore(display.getOrDefault(e.getKey(), e.getKey()), c[0], c[1], c[2], c[3], p, r, f));
        }
        double microP = predictedTotal == 0 ? 0 : (double) correctTotal / predictedTotal;
        double microR = goldTotal == 0 ? 0 : (double) goldHitTotal / goldTotal;
        EvaluationReport.Figures micro = new EvaluationReport.Figures(microP, microR, f1(microP, microR));
        double macroP = nP == 0 ? 0 : sumP / nP;
        double macroR = nR == 0 ? 0 : sumR / nR;
        EvaluationReport.Figures macro = new EvaluationReport.Figures(macroP, macroR,
                perTag.isEmpty() ? 0 : sumF / perTag.size());
        int n = docs.size();
        double seconds = elapsedNanos / 1e9;
        return new EvaluationReport(backend, n, failed, micro, macro, (double) exact / n, (double) anyCorrect / n,
                predictedTotal, correctTotal, goldTotal, goldHitTotal, outOfList, List.copyOf(unknownGold),
                seconds > 0 ? n / seconds : 0, seconds, warmupNanos / 1e9, cpuNanos / 1e9 / n, tagScores, scored);
    }

    static double f1(double p, double r) {
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static Set<String> keys(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : names) {
            String k = Tag.normalise(s);
            if (!k.isEmpty()) {
                out.add(k);
            }
        }
        return out;
    }
}

package dev.tagger.embedded;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.tagger.TagSet;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: zero-shot tagging with an in-process ONNX embedding model.
 *
 * <p>A document is cleaned of markdown noise ({@link MarkdownCleaner}), cut into chunks the model reads
 * whole ({@link Chunker}) and embedded; each tag's similarity to the lead chunk and to the best (or
 * mean) body chunk is pooled, taken relative to the tag's mean similarity over neutral texts, and
 * raised by mentions of the tag's terms in the text (at most {@code mentions-per-line} per paragraph;
 * paragraphs that give the tagger orders are dropped when cleaning). Tags are proposed best first, at most the
 * request's maximum, and only while they score at least {@code min-score} and within {@code margin}
 * of the best: a document that matches nothing well gets fewer tags, not random ones.
 *
 * <p>Tag vectors are computed once per tag set and kept in a small cache. Thread-safe.
 */
final class EmbeddedBackend implements Backend {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBackend.class);
    private static final int CACHED_TAG_SETS = 8;

    private final String name;
    private final EmbeddedSettings settings;
    private final TagTexts texts;
    private final Chunker chunker;
    private final Supplier<EmbeddingModel> loader;
    /** Tag indexes being built or built. */
    private final BuildOnceCache<TagSet, TagIndex> indexes;
    private Map<String, float[]> neutral; // guarded by this

    EmbeddedBackend(String name, EmbeddedSettings settings, TagTexts texts) {
        this(name, settings, texts, settings.model()::model);
    }

    /** @param loader loads the model named by {@code settings}; tests pass one that fails */
    EmbeddedBackend(String name, EmbeddedSettings settings, TagTexts texts, Supplier<EmbeddingModel> loader) {
        this.name = name;
        this.settings = settings;
        this.texts = texts;
        this.loader = loader;
        this.indexes = new BuildOnceCache<>(name, CACHED_TAG_SETS);
        this.chunker = new Chunker(settings.leadWords(), settings.chunkWords(), settings.maxChunks(), settings.summaryWords());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(BackendRequest request) {
        Analysis a = analyse(request.document().text(), request.tags());
        double[] scores = score(a, settings);
        return Proposal.of(select(a.index(), scores, request.maxTags(), settings));
    }

    /** The raw evidence about one document: similarities per chunk and term counts, per tag. */
    record Analysis(TagIndex index, List<Chunker.Chunk> chunks, double[][] similarities, int[] leadMentions,
                    int[] bodyMentions) {
    }

    Analysis analyse(String text, TagSet tags) {
        TagIndex index = index(tags);
        MarkdownCleaner.CleanText clean = MarkdownCleaner.clean(text, settings.dropOrders());
        List<Chunker.Chunk> chunks = chunker.chunks(clean);
        int n = index.size();
        double[][] sims = new double[chunks.size()][n];
        if (!chunks.isEmpty()) {
            EmbeddingModel model = model(); // a model that cannot load is rejected, not retried
            float[][] vectors;
            try {
                vectors = TagIndex.embed(model, chunks.stream().map(Chunker.Chunk::text).toList());
            } catch (RuntimeException e) {
                throw BackendException.unavailable(name, "embedding model failed: " + e.getClass().getSimpleName(), e);
            }
            for (int c = 0; c < chunks.size(); c++) {
                for (int t = 0; t < n; t++) {
                    sims[c][t] = TagIndex.dot(vectors[c], index.vector(t));
                }
            }
        }
        String leadText = chunks.stream().filter(Chunker.Chunk::lead).map(Chunker.Chunk::text).findFirst().orElse("");
        int[] leadMentions = index.mentions(leadText, settings.mentionsPerLine());
        int[] bodyMentions = index.mentions(clean.body(), settings.mentionsPerLine());
        int[] codeMentions = index.codeMentions(clean.code());
        for (int t = 0; t < n; t++) {
            bodyMentions[t] = Math.max(0, bodyMentions[t] - leadMentions[t]) + codeMentions[t];
        }
        return new Analysis(index, chunks, sims, leadMentions, bodyMentions);
    }

    /** Final score per tag: pooled similarity, calibrated, plus term evidence. */
    static double[] score(Analysis a, EmbeddedSettings s) {
        int n = a.index().size();
        double[] out = new double[n];
        if (a.chunks().isEmpty()) {
            java.util.Arrays.fill(out, Double.NEGATIVE_INFINITY);
            return out;
        }
        int summary = -1;
        int lead = -1;
        int bodyChunks = 0;
        for (int c = 0; c < a.chunks().size(); c++) {
            switch (a.chunks().get(c).kind()) {
                case SUMMARY -> summary = c;
                case LEAD -> lead = c;
                case BODY -> bodyChunks++;
            }
        }
        boolean max = s.bodyPooling().equals("max");
        for (int t = 0; t < n; t++) {
            double leadSim = a.similarities()[lead][t];
            if (summary >= 0) {
                leadSim = (1 - s.summaryWeight()) * leadSim + s.summaryWeight() * a.similarities()[summary][t];
            }
            double pooled = leadSim;
            if (bodyChunks > 0) {
                double body = max ? Double.NEGATIVE_INFINITY : 0;
                for (int c = 0; c < a.chunks().size(); c++) {
                    if (a.chunks().get(c).kind() == Chunker.Kind.BODY) {
                        double v = a.similarities()[c][t];
                        body = max ? Math.max(body, v) : body + v / bodyChunks;
                    }
                }
                pooled = s.leadWeight() * leadSim + (1 - s.leadWeight()) * body;
            }
            if (s.calibrate()) {
                pooled -= a.index().neutralMean(t);
            }
            double mentions = 3.0 * a.leadMentions()[t] + a.bodyMentions()[t];
            out[t] = pooled + s.lexicalWeight() * Math.log1p(mentions);
        }
        return out;
    }

    /** The best tags, best first, at most {@code max}, each above the floor and near the best. */
    static List<Candidate> select(TagIndex index, double[] scores, int max, EmbeddedSettings s) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
        List<Candidate> out = new ArrayList<>();
        if (order.isEmpty() || Double.isInfinite(scores[order.get(0)])) {
            return out;
        }
        double best = scores[order.get(0)];
        for (int i : order) {
            if (out.size() >= max || scores[i] < s.minScore() || scores[i] < best - s.margin()) {
                break;
            }
            out.add(Candidate.named(index.tags().get(i).name(), scores[i]));
        }
        return out;
    }

    /**
     * The index of a tag set, built on first use. The cache is locked only to find or add an entry:
     * the tags are embedded outside the lock, so proposals for cached tag sets never wait for another
     * set's embedding; callers asking for a set being built wait for that one build. A failed build is
     * dropped from the cache, so the next call tries again.
     */
    TagIndex index(TagSet tags) {
        return indexes.get(tags, this::build);
    }

    private TagIndex build(TagSet tags) {
        long t0 = System.nanoTime();
        EmbeddingModel model = model(); // a model that cannot load is rejected, not retried
        TagIndex index;
        try {
            index = TagIndex.build(tags, texts, model, neutral(model));
        } catch (RuntimeException e) {
            throw BackendException.unavailable(name, "embedding model failed on the tag list: "
                    + e.getClass().getSimpleName(), e);
        }
        log.debug("{}: embedded {} tags in {} ms", name, tags.size(), (System.nanoTime() - t0) / 1_000_000);
        return index;
    }

    private synchronized Map<String, float[]> neutral(EmbeddingModel model) {
        if (neutral == null) {
            if (!settings.calibrate()) {
                neutral = Map.of();
            } else {
                Map<String, String> byKey = texts.neutralTexts();
                List<String> keys = List.copyOf(byKey.keySet());
                float[][] v = TagIndex.embed(model, keys.stream().map(byKey::get).toList());
                neutral = IntStream.range(0, keys.size()).boxed()
                        .collect(Collectors.toUnmodifiableMap(keys::get, i -> v[i]));
            }
        }
        return neutral;
    }

    private EmbeddingModel model() {
        try {
            return loader.get();
        } catch (LinkageError | RuntimeException e) {
            throw BackendException.rejected(name, "cannot load embedding model " + settings.model().id() + ": " + e, e);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBackend[" + name + ", " + settings + "]";
    }
}

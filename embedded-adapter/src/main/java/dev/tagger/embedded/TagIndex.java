package dev.tagger.embedded;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the embedded backend computes once per tag set: a unit vector per tag (its phrasing embedded),
 * each tag's mean similarity to neutral texts (for calibration), and a term counter per tag.
 *
 * <p>Immutable; safe for use by many threads at once.
 */
final class TagIndex {

    private final List<Tag> tags;
    private final float[][] vectors;
    private final double[] neutralMean;
    private final TermIndex terms;

    private TagIndex(List<Tag> tags, float[][] vectors, double[] neutralMean, TermIndex terms) {
        this.tags = List.copyOf(tags);
        this.vectors = vectors;
        this.neutralMean = neutralMean;
        this.terms = terms;
    }

    /**
     * @param neutral unit vectors of neutral texts, keyed by the tag key they describe (a tag is not
     *     calibrated against its own text)
     */
    static TagIndex build(TagSet set, TagTexts texts, EmbeddingModel model, Map<String, float[]> neutral) {
        List<Tag> tags = set.tags();
        List<String> toEmbed = new ArrayList<>(tags.size());
        List<List<String>> termLists = new ArrayList<>(tags.size());
        for (Tag t : tags) {
            toEmbed.add(texts.textOf(t));
            termLists.add(texts.termsOf(t));
        }
        float[][] vectors = embed(model, toEmbed);
        double[] mean = new double[tags.size()];
        for (int i = 0; i < tags.size(); i++) {
            double sum = 0;
            int n = 0;
            for (Map.Entry<String, float[]> e : neutral.entrySet()) {
                if (!e.getKey().equals(tags.get(i).key())) {
                    sum += dot(vectors[i], e.getValue());
                    n++;
                }
            }
            mean[i] = n == 0 ? 0 : sum / n;
        }
        return new TagIndex(tags, vectors, mean, new TermIndex(termLists));
    }

    List<Tag> tags() {
        return tags;
    }

    int size() {
        return tags.size();
    }

    float[] vector(int i) {
        return vectors[i];
    }

    double neutralMean(int i) {
        return neutralMean[i];
    }

    /**
     * @param perLine the most mentions of one tag that count on one line; 0 for no limit
     * @return mentions of each tag's terms in the text, in tag order
     */
    int[] mentions(String text, int perLine) {
        return terms.count(text, perLine);
    }

    /** @return per tag, the code lines that are evidence for it (imports, commands) */
    int[] codeMentions(String code) {
        return terms.countCode(code);
    }

    /** Embeds texts and returns unit vectors, in order. */
    static float[][] embed(EmbeddingModel model, List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String t : texts) {
            segments.add(TextSegment.from(t));
        }
        List<Embedding> out = model.embedAll(segments).content();
        float[][] vectors = new float[out.size()][];
        for (int i = 0; i < vectors.length; i++) {
            vectors[i] = unit(out.get(i).vector());
        }
        return vectors;
    }

    static float[] unit(float[] v) {
        double n = 0;
        for (float x : v) {
            n += (double) x * x;
        }
        n = Math.sqrt(n);
        if (n == 0) {
            return v.clone();
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / n);
        }
        return out;
    }

    static double dot(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (double) a[i] * b[i];
        }
        return s;
    }
}

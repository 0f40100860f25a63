package dev.tagger.embedded;

import dev.langchain4j.classification.EmbeddingModelTextClassifier;
import dev.langchain4j.classification.ScoredLabel;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * LangChain4j's {@link EmbeddingModelTextClassifier}, each tag name the only example of its label, top
 * {@code max}, no minimum score: the obvious baseline the embedded default is measured against.
 * Classifiers are cached per tag set and maximum. Thread-safe.
 */
final class BaselineBackend implements Backend {

    private static final int CACHED = 8;

    private final String name;
    private final String modelId;
    private final Supplier<EmbeddingModel> loader;
    /** Classifiers by tag set and maximum, being built or built. */
    private final BuildOnceCache<List<Object>, EmbeddingModelTextClassifier<String>> classifiers;

    BaselineBackend(String name, EmbeddingModels model) {
        this(name, model.id(), model::model);
    }

    /** @param loader loads the model named {@code modelId}; tests pass one that fails */
    BaselineBackend(String name, String modelId, Supplier<EmbeddingModel> loader) {
        this.name = name;
        this.modelId = modelId;
        this.loader = loader;
        this.classifiers = new BuildOnceCache<>(name, CACHED);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Proposal propose(BackendRequest request) {
        EmbeddingModelTextClassifier<String> classifier = classifier(request.tags(), request.maxTags());
        List<ScoredLabel<String>> labels;
        try {
            labels = classifier.classifyWithScores(request.document().text()).scoredLabels();
        } catch (RuntimeException e) {
            throw BackendException.unavailable(name, "embedding model failed: " + e.getClass().getSimpleName(), e);
        }
        List<Candidate> out = new ArrayList<>();
        for (ScoredLabel<String> l : labels) {
            out.add(Candidate.named(l.label(), l.score()));
        }
        return Proposal.of(out);
    }

    /**
     * The classifier of a tag set and maximum, built on first use outside the cache's lock (see
     * {@link EmbeddedBackend#index}); a failed build is dropped from the cache.
     */
    private EmbeddingModelTextClassifier<String> classifier(TagSet tags, int max) {
        return classifiers.get(List.of(tags, max), key -> build(tags, max));
    }

    private EmbeddingModelTextClassifier<String> build(TagSet tags, int max) {
        Map<String, List<String>> examples = new LinkedHashMap<>();
        for (Tag t : tags) {
            examples.put(t.name(), List.of(t.name()));
        }
        EmbeddingModel m;
        try {
            m = loader.get();
        } catch (LinkageError | RuntimeException e) {
            throw BackendException.rejected(name, "cannot load embedding model " + modelId + ": " + e, e);
        }
        try {
            return new EmbeddingModelTextClassifier<>(m, examples, max, 0.0, 0.5);
        } catch (LinkageError e) {
            throw BackendException.rejected(name, "cannot load embedding model " + modelId + ": " + e, e);
        } catch (RuntimeException e) {
            throw BackendException.unavailable(name, "embedding model failed on the tag list: " + e, e);
        }
    }

    @Override
    public String toString() {
        return "BaselineBackend[" + name + ", " + modelId + "]";
    }
}

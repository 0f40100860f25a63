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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
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
    /** Classifiers being built or built, most recently used last; guarded by itself. */
    private final Map<List<Object>, FutureTask<EmbeddingModelTextClassifier<String>>> classifiers =
            new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<Object>, FutureTask<EmbeddingModelTextClassifier<String>>> eldest) {
            return size() > CACHED;
        }
    };

    BaselineBackend(String name, EmbeddingModels model) {
        this(name, model.id(), model::model);
    }

    /** @param loader loads the model named {@code modelId}; tests pass one that fails */
    BaselineBackend(String name, String modelId, Supplier<EmbeddingModel> loader) {
        this.name = name;
        this.modelId = modelId;
        this.loader = loader;
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
        List<Object> key = List.of(tags, max);
        FutureTask<EmbeddingModelTextClassifier<String>> task;
        synchronized (classifiers) {
            task = classifiers.get(key);
            if (task == null) {
                task = new FutureTask<>(() -> build(tags, max));
                classifiers.put(key, task);
            }
        }
        task.run(); // builds it on the first call; returns at once when built or being built
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (classifiers) {
                classifiers.remove(key, task);
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw BackendException.unavailable(name, "embedding model failed on the tag list: " + cause, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BackendException.unavailable(name, "interrupted while the tag list was embedded", e);
        }
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

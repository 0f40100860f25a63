package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.tagger.Document;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.TaggerException;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The embedded backends without the real model: a model that cannot load, a tag list being embedded. */
class EmbeddedBackendTest {

    private static final TagSet TAGS = TagSet.of(List.of(Tag.of(1, "alpha"), Tag.of(2, "beta")));
    private static final BackendRequest REQUEST = new BackendRequest(new Document("d", "# Owlet\n\nA small tool."),
            TAGS, 2, List.of());

    @Test
    void aModelThatCannotLoadIsRejectedNotRetried() {
        AtomicInteger loads = new AtomicInteger();
        Supplier<EmbeddingModel> broken = () -> {
            loads.incrementAndGet();
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
        };
        Backend[] backends = {
            new EmbeddedBackend("embedded", EmbeddedSettings.defaults(), TagTexts.bundled(), broken),
            new BaselineBackend("embedding-baseline", "bge-small-en-v15-q", broken)};
        for (Backend b : backends) {
            for (int call = 1; call <= 2; call++) {
                BackendException e = catchThrowableOfType(() -> b.propose(REQUEST), BackendException.class);
                assertThat(e).as(b.name()).isNotNull();
                assertThat(e.isRetryable()).isFalse();
                assertThat(e.reason()).isEqualTo(TaggerException.Reason.BACKEND_REJECTED);
                assertThat(e.getMessage()).contains(b.name() + ": cannot load embedding model bge-small-en-v15-q: "
                        + "java.lang.UnsatisfiedLinkError: no onnxruntime in java.library.path");
                assertThat(e).hasCauseInstanceOf(UnsatisfiedLinkError.class);
            }
        }
        assertThat(loads).as("a failed load is tried again on the next call").hasValue(4);
    }
}

package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import dev.tagger.Document;
import dev.tagger.Tag;
import dev.tagger.TagSet;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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

    @Test
    void aTagSetBeingEmbeddedHoldsUpNeitherACachedOneNorASecondBuild() throws Exception {
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger slowBuilds = new AtomicInteger();
        EmbeddingModel model = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                if (segments.stream().anyMatch(s -> s.text().startsWith("slow"))) {
                    slowBuilds.incrementAndGet();
                    slowStarted.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1, 0})).toList());
            }
        };
        EmbeddedBackend backend = new EmbeddedBackend("embedded", EmbeddedSettings.defaults(), TagTexts.bundled(), () -> model);
        TagIndex cached = backend.index(TAGS);
        TagSet slow = TagSet.of(List.of(Tag.of(1, "slow")));
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<TagIndex> first = pool.submit(() -> backend.index(slow));
            assertThat(slowStarted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<TagIndex> second = pool.submit(() -> backend.index(slow));

            assertThat(CompletableFuture.supplyAsync(() -> backend.index(TAGS), pool).get(10, TimeUnit.SECONDS))
                    .isSameAs(cached);
            assertThat(CompletableFuture.supplyAsync(() -> backend.propose(REQUEST), pool).get(10, TimeUnit.SECONDS))
                    .isNotNull();
            assertThat(second.isDone()).as("waits for the build under way").isFalse();

            release.countDown();
            assertThat(second.get(10, TimeUnit.SECONDS)).isSameAs(first.get(10, TimeUnit.SECONDS));
            assertThat(slowBuilds).as("the tag set is embedded once").hasValue(1);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void calibratesAgainstTheBundledTagsEmbedded() {
        List<String> embedded = new java.util.ArrayList<>();
        EmbeddingModel model = new EmbeddingModel() {
            @Override
            public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
                segments.forEach(s -> embedded.add(s.text()));
                return Response.from(segments.stream().map(s -> Embedding.from(new float[] {3, 4})).toList());
            }
        };
        EmbeddedSettings calibrated = EmbeddedSettings.from(TaggerConfig.builder().set("tagger.embedded.calibrate", "true").build());
        TagIndex index = new EmbeddedBackend("embedded", calibrated, TagTexts.bundled(), () -> model).index(TAGS);
        assertThat(embedded).containsAll(TagTexts.bundled().neutralTexts().values());
        assertThat(index.neutralMean(0)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }
}

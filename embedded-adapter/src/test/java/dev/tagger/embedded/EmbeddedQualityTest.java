package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.Document;
import dev.tagger.Status;
import dev.tagger.Tag;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Quality of the embedded default on documents written for these tests, with the real ONNX model
 * (loaded once per JVM). The F1 floor makes a change that breaks quality fail the build.
 */
class EmbeddedQualityTest {

    /** The defaults measured 0.85 here (2026-11); the baseline (bare names, top 3) 0.52. */
    static final double MICRO_F1_FLOOR = 0.75;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static TagSet tags;
    private static List<JsonNode> labelled;
    private static Tagger tagger;

    @BeforeAll
    static void load() throws IOException {
        tags = TagSet.fromJson(resource("labelled-tags.json"));
        labelled = new ArrayList<>();
        for (String line : resource("labelled-docs.jsonl").split("\n")) {
            if (!line.isBlank()) {
                labelled.add(JSON.readTree(line));
            }
        }
        tagger = Tagger.builder().tags(tags).maxTags(3).config(TaggerConfig.defaults()).build();
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    static String resource(String name) throws IOException {
        try (InputStream in = EmbeddedQualityTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(Tag.normalise(n.asText())));
        return out;
    }

    @Test
    void labelledSetKeepsItsQuality() {
        int predicted = 0;
        int correct = 0;
        int gold = 0;
        int found = 0;
        StringBuilder trace = new StringBuilder();
        for (JsonNode d : labelled) {
            TagResult r = tagger.tag(new Document(d.get("id").asText(), d.get("text").asText()));
            assertThat(r.status()).isEqualTo(Status.OK);
            Set<String> g = strings(d.get("gold"));
            Set<String> ok = new HashSet<>(g);
            ok.addAll(strings(d.get("acceptable")));
            for (Tag t : r.tags()) {
                predicted++;
                correct += ok.contains(t.key()) ? 1 : 0;
                found += g.contains(t.key()) ? 1 : 0;
            }
            gold += g.size();
            trace.append(d.get("id").asText()).append(" gold ").append(g).append(" got ").append(r.names()).append('\n');
        }
        double p = (double) correct / predicted;
        double rec = (double) found / gold;
        double f1 = 2 * p * rec / (p + rec);
        assertThat(f1).as("micro-F1 on the project's labelled set (P %.3f R %.3f)%n%s", p, rec, trace)
                .isGreaterThanOrEqualTo(MICRO_F1_FLOOR);
    }

    @Test
    void anAiProjectGetsTheAiTag() throws IOException {
        TagResult r = tagger.tag(new Document("owlet", resource("ai-project.md")));
        assertThat(r.names()).contains("ai");
        assertThat(r.backend()).isEqualTo("embedded");
    }

    @Test
    void aDocumentMatchingNoTagGetsFewerTagsThanTheMaximum() {
        TagResult r = tagger.tag(new Document("stew", "# Winter stew\n\nBrown the onions, add carrots, potatoes "
                + "and a bay leaf, cover with stock and let it simmer for two hours. Serve with bread."));
        assertThat(r.tags()).hasSizeLessThan(3);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5})
    void proposesAtMostTheMaximumAndOnlyTagsOfTheSetBestFirst(int max) {
        EmbeddedBackend backend = (EmbeddedBackend) new EmbeddedBackendProvider().create(TaggerConfig.defaults());
        for (JsonNode d : labelled) {
            List<Candidate> c = backend.propose(new BackendRequest(
                    new Document("x", d.get("text").asText()), tags, max, List.of())).candidates();
            assertThat(c).hasSizeLessThanOrEqualTo(max);
            assertThat(c).allSatisfy(x -> assertThat(tags.byName(x.value().asText())).isPresent());
            assertThat(c).extracting(x -> x.score().orElseThrow()).isSortedAccordingTo((a, b) -> Double.compare(b, a));
        }
    }

    @Test
    void aDocumentOfOnlyBadgesAndCodeGetsNoTags() {
        TagResult r = tagger.tag(new Document("noise", "[![ci](https://ci.example.org/b.svg)](https://ci.example.org)\n\n"
                + "```\nimport owlet\n```\n\n<img src=\"logo.png\">"));
        assertThat(r.status()).isEqualTo(Status.OK);
        assertThat(r.tags()).isEmpty();
    }

    @Test
    void givesTheSameTagsWhenManyThreadsShareOneTagger() throws Exception {
        List<List<String>> sequential = new ArrayList<>();
        for (JsonNode d : labelled) {
            sequential.add(tagger.tag(new Document("s", d.get("text").asText())).names());
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<List<String>>> futures = new ArrayList<>();
            for (JsonNode d : labelled) {
                futures.add(pool.submit(() -> tagger.tag(new Document("p", d.get("text").asText())).names()));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(futures.get(i).get()).as(labelled.get(i).get("id").asText()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCallersDescriptionWinsOverTheName() {
        TagSet described = TagSet.of(List.of(
                Tag.of(1, "alpha").withDescription("large language models, machine learning and neural networks"),
                Tag.of(2, "beta").withDescription("cooking recipes, baking bread and soups"),
                Tag.of(3, "gamma").withDescription("bicycle repair and cycling routes")));
        try (Tagger t = Tagger.builder().tags(described).maxTags(1).config(TaggerConfig.defaults()).build()) {
            assertThat(t.tag(new Document("a", "# Owlet\n\nAn assistant built on a large language model that you "
                    + "can fine-tune on your own data.")).names()).containsExactly("alpha");
            assertThat(t.tag(new Document("b", "# Sunday bread\n\nFlour, water, salt and yeast: knead, let rise "
                    + "overnight and bake at 230 degrees.")).names()).containsExactly("beta");
        }
    }

    @Test
    void embedsTheTagsOfOneSetOnce() {
        EmbeddedBackend backend = (EmbeddedBackend) new EmbeddedBackendProvider().create(TaggerConfig.defaults());
        TagIndex first = backend.index(tags);
        assertThat(backend.index(TagSet.fromJson(tags.toJson()))).isSameAs(first);
    }

    @Test
    void baselineProposesTheTopMaximumTagsOfTheSet() {
        try (var baseline = new BaselineBackendProvider().create(TaggerConfig.defaults())) {
            List<Candidate> c = baseline.propose(new BackendRequest(
                    new Document("x", labelled.get(0).get("text").asText()), tags, 3, List.of())).candidates();
            assertThat(c).hasSize(3);
            assertThat(c).allSatisfy(x -> assertThat(tags.byName(x.value().asText())).isPresent());
        }
    }

    /** Runs only where the shared fixtures exist ({@link dev.tagger.testkit.SharedFolder}). */
    @Test
    void theSeedReadmeOfAMathLanguageModelGetsAiAndNothingWrong() throws IOException {
        dev.tagger.testkit.SharedFolder.Seed seed = dev.tagger.testkit.SharedFolder.assumeSeed();
        try (Tagger t = Tagger.builder().tags(seed.tags()).maxTags(3).config(TaggerConfig.defaults()).build()) {
            TagResult r = t.tag(new Document("7628", seed.readme()));
            assertThat(r.names()).contains("ai");
            // what a reader would accept for a maths language model with benchmark results
            assertThat(r.names()).isSubsetOf("ai", "benchmark", "learning-resource", "language", "lib", "agent", "chat", "algorithm");
        }
    }
}

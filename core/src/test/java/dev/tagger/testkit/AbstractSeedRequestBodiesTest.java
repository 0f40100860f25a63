package dev.tagger.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import dev.tagger.Document;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import dev.tagger.prompt.PromptBuilder;
import dev.tagger.prompt.RenderedPrompt;
import dev.tagger.spi.BackendRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Evidence: the request bodies an adapter's backend sends for the seed request (the shared
 * DeepSeekMath README and its 90 tags) under each profile, with token estimates (the builder's and,
 * where the adapter has one, a real tokenizer's), written to {@code target/seed-requests/<backend>-*}.
 * Skipped when the shared fixtures are absent ({@link SharedFolder}). An adapter runs it by extending this class
 * with its {@link Wire} and the model it names for each profile.
 */
public abstract class AbstractSeedRequestBodiesTest extends AbstractWireTest {

    private static final Path OUT = Path.of("target", "seed-requests");

    private final StringBuilder summary = new StringBuilder(
            "| endpoint | profile | body bytes | prompt tokens (builder's estimate) | prompt tokens (reference tokenizer) | budget steps |\n|---|---|---|---|---|---|\n");

    /** A test of the backend {@code wire} speaks to. */
    protected AbstractSeedRequestBodiesTest(Wire wire) {
        super(wire);
    }

    /** The model this adapter's server would serve for {@code profile} ({@code json}, {@code deepseek-math}, {@code completion}). */
    protected abstract String model(String profile);

    /**
     * The prompt text's token count by a real tokenizer the adapter's tests have on their class path
     * (such as cl100k), for the summary; none by default.
     */
    protected OptionalInt referenceTokens(String promptText) {
        return OptionalInt.empty();
    }

    @BeforeAll
    void output() throws Exception {
        Files.createDirectories(OUT);
    }

    @AfterAll
    void summary() throws Exception {
        if (summary.indexOf("\n|", summary.indexOf("|---")) >= 0) {
            Files.writeString(OUT.resolve(wire().backend() + "-summary.md"), summary.toString());
            System.out.println(summary);
        }
    }

    Stream<Arguments> profiles() {
        return Stream.of(
                Arguments.of("json", wire().chatPath(), model("json")),
                Arguments.of("deepseek-math", wire().chatPath(), model("deepseek-math")),
                Arguments.of("completion", wire().completionPath(), model("completion")));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("profiles")
    void seedRequestBody(String profile, String endpoint, String model, WireMockRuntimeInfo wm) throws Exception {
        String reply = "{\"id\":\"7628\",\"tags\":[\"ai\"]}";
        stubFor(post(endpoint).willReturn(okJson(endpoint.equals(wire().chatPath()) ? wire().chatReply(reply) : wire().completionReply("\"ai\"]}"))));
        // each case skips, visibly, where the shared fixtures are absent
        SharedFolder.Seed seed = SharedFolder.assumeSeed();
        TagSet tags = seed.tags();
        Document doc = new Document("7628", seed.readme());
        TaggerConfig cfg = TaggerConfig.builder().backend(wire().backend()).setAll(wire().settings(wm.getHttpBaseUrl(), model))
                .profile(profile).set("tagger.max-reasks", "0").build();

        TagResult r;
        try (Tagger tagger = Tagger.builder().tags(tags).config(cfg).build()) {
            r = tagger.tag(doc);
        }

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"ai\"]}");
        String body = findAll(postRequestedFor(urlEqualTo(endpoint))).get(0).getBodyAsString();
        JsonNode json = TaggerFixture.json(body);
        Files.writeString(OUT.resolve(wire().backend() + "-" + profile + ".json"), json.toPrettyString());
        RenderedPrompt prompt = PromptBuilder.from(cfg, model).render(new BackendRequest(doc, tags, 3, List.of()));
        OptionalInt reference = referenceTokens(prompt.completionText());
        assertThat(prompt.estimatedTokens()).isLessThanOrEqualTo(4096);
        summary.append("| ").append(endpoint).append(" | ").append(profile).append(" | ").append(body.length()).append(" | ")
                .append(prompt.estimatedTokens()).append(" | ").append(reference.isPresent() ? reference.getAsInt() : "-").append(" | ")
                .append(prompt.budget().steps()).append(" |\n");
    }
}

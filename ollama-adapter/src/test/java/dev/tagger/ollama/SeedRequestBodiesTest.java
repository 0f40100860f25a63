package dev.tagger.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.stubFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import dev.tagger.Document;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import dev.tagger.prompt.PromptBuilder;
import dev.tagger.prompt.RenderedPrompt;
import dev.tagger.spi.BackendRequest;
import dev.tagger.testkit.TaggerFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evidence: the request bodies the Ollama backend sends for the seed request (the shared
 * DeepSeekMath README and its 90 tags) under each profile, with token estimates, written to
 * {@code target/seed-requests/}. Skipped when {@code /work/shared/fixtures} is absent.
 */
@WireMockTest
class SeedRequestBodiesTest {

    private static final Path FIXTURES = Path.of("/work/shared/fixtures");
    private static final Path OUT = Path.of("target", "seed-requests");
    private static final StringBuilder SUMMARY = new StringBuilder(
            "| endpoint | profile | body bytes | prompt tokens (builder's estimate) | budget steps |\n|---|---|---|---|---|\n");

    @BeforeAll
    static void fixtures() throws Exception {
        assumeTrue(Files.isRegularFile(FIXTURES.resolve("deepseek-math-readme.md")) && Files.isRegularFile(FIXTURES.resolve("tags.json")),
                "shared fixtures absent");
        Files.createDirectories(OUT);
    }

    @AfterAll
    static void summary() throws Exception {
        if (Files.isDirectory(OUT)) {
            Files.writeString(OUT.resolve("ollama-summary.md"), SUMMARY.toString());
            System.out.println(SUMMARY);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({
            "json, /api/chat, qwen2.5:7b-instruct",
            "deepseek-math, /api/chat, deepseek-math:7b-instruct",
            "completion, /api/generate, deepseek-math:7b-base"})
    void seedRequestBody(String profile, String endpoint, String model, WireMockRuntimeInfo wm) throws Exception {
        String reply = "{\"id\":\"7628\",\"tags\":[\"ai\"]}";
        stubFor(post(endpoint).willReturn(okJson(endpoint.contains("chat") ? OllamaWire.chatBody(reply) : OllamaWire.generateBody("\"ai\"]}"))));
        TagSet tags = TagSet.fromJson(FIXTURES.resolve("tags.json"));
        Document doc = new Document("7628", Files.readString(FIXTURES.resolve("deepseek-math-readme.md")));
        TaggerConfig cfg = TaggerConfig.builder().backend("ollama").set("tagger.ollama.base-url", wm.getHttpBaseUrl())
                .set("tagger.ollama.model", model).profile(profile).set("tagger.max-reasks", "0").build();

        TagResult r;
        try (Tagger tagger = Tagger.builder().tags(tags).config(cfg).build()) {
            r = tagger.tag(doc);
        }

        assertThat(r.toJson()).isEqualTo("{\"id\":\"7628\",\"tags\":[\"ai\"]}");
        String body = findAll(postRequestedFor(urlMatching(endpoint))).get(0).getBodyAsString();
        JsonNode json = TaggerFixture.json(body);
        Files.writeString(OUT.resolve("ollama-" + profile + ".json"), json.toPrettyString());
        RenderedPrompt prompt = PromptBuilder.from(cfg, model).render(new BackendRequest(doc, tags, 3, List.of()));
        assertThat(prompt.estimatedTokens()).isLessThanOrEqualTo(4096);
        SUMMARY.append("| ").append(endpoint).append(" | ").append(profile).append(" | ").append(body.length()).append(" | ")
                .append(prompt.estimatedTokens()).append(" | ").append(prompt.budget().steps()).append(" |\n");
    }
}

package dev.tagger.ollama;

import dev.tagger.testkit.AbstractSeedRequestBodiesTest;

/** Evidence: the seed request's bodies on Ollama's {@code /api/chat} and {@code /api/generate}. */
class SeedRequestBodiesTest extends AbstractSeedRequestBodiesTest {

    SeedRequestBodiesTest() {
        super(OllamaWire.WIRE);
    }

    @Override
    protected String model(String profile) {
        return switch (profile) {
            case "json" -> "qwen2.5:7b-instruct";
            case "completion" -> "deepseek-math:7b-base";
            default -> "deepseek-math:7b-instruct";
        };
    }
}

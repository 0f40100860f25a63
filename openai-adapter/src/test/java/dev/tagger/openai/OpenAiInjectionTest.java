package dev.tagger.openai;

import dev.tagger.testkit.AbstractInjectionTest;

/** The shared prompt-injection scenarios, through the OpenAI-compatible backend's {@code /v1/chat/completions}. */
class OpenAiInjectionTest extends AbstractInjectionTest {

    OpenAiInjectionTest() {
        super(OpenAiWire.WIRE);
    }
}

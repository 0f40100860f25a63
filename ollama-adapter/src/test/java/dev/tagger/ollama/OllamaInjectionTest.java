package dev.tagger.ollama;

import dev.tagger.testkit.AbstractInjectionTest;

/** The shared prompt-injection scenarios, through the Ollama backend's {@code /api/chat}. */
class OllamaInjectionTest extends AbstractInjectionTest {

    OllamaInjectionTest() {
        super(OllamaWire.WIRE);
    }
}

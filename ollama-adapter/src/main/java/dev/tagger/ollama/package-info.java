/**
 * The Ollama backend ({@code tagger.backend=ollama}): a LangChain4j {@code OllamaChatModel} on
 * {@code /api/chat}, or, for completion profiles, {@code /api/generate} with {@code "raw":true}, made
 * from configuration ({@code tagger.ollama.base-url}, {@code tagger.ollama.model}). Takes a
 * {@link dev.tagger.spi.BackendRequest}, hands back the model's {@link dev.tagger.spi.Proposal}.
 */
package dev.tagger.ollama;

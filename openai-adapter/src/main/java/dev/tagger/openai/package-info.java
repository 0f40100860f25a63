/**
 * The OpenAI-compatible backend ({@code tagger.backend=openai}): OpenAI, DeepSeek's API, vLLM,
 * llama.cpp server, LM Studio and any other server of {@code /v1/chat/completions} (LangChain4j's
 * {@code OpenAiChatModel}) or, for completion profiles, {@code /v1/completions}; made from
 * configuration ({@code tagger.openai.base-url}, {@code tagger.openai.model}, optional
 * {@code tagger.openai.api-key}). Takes a {@link dev.tagger.spi.BackendRequest}, hands back the
 * model's {@link dev.tagger.spi.Proposal}.
 */
package dev.tagger.openai;

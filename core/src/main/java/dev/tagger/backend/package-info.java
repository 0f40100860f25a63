/**
 * Backend: takes a {@link dev.tagger.spi.BackendRequest} and the prompt the
 * {@link dev.tagger.prompt.PromptBuilder} renders for it, calls a LangChain4j chat or completion model,
 * and hands on a {@link dev.tagger.spi.Proposal} read from the reply (through
 * {@link dev.tagger.extract.ReplyReader} and {@link dev.tagger.resolve.Resolver#readAnswer}). Entry
 * point: {@link dev.tagger.backend.ChatBackend}, which every language-model adapter builds.
 *
 * <p>Also here, for adapters: {@link dev.tagger.backend.HttpTransport} (a LangChain4j HTTP client that
 * keeps {@code Retry-After}, redacts echoed credentials and caps each call by the document's deadline),
 * {@link dev.tagger.backend.RemoteSettings} (base URL and timeout from configuration) and
 * {@link dev.tagger.backend.RemoteBackend} (a backend whose calls are bounded by the time left).
 */
package dev.tagger.backend;

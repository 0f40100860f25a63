/**
 * The embedded default backend: takes a document and a tag set, hands on scored candidate tags, with
 * no server, no key and no network.
 *
 * <p>{@link dev.tagger.embedded.EmbeddedBackendProvider} ({@code embedded}) cleans the document of
 * markdown noise, embeds a lead chunk and body chunks with an in-process ONNX model
 * (bge-small-en-v1.5, quantized, by default), compares them with tag vectors computed once per tag set
 * from descriptive phrasings, adds evidence from mentions of each tag's terms and from code blocks,
 * and proposes the best tags above a threshold. {@link dev.tagger.embedded.BaselineBackendProvider}
 * ({@code embedding-baseline}) is LangChain4j's {@code EmbeddingModelTextClassifier} on bare tag
 * names, kept to measure the default against.
 */
package dev.tagger.embedded;

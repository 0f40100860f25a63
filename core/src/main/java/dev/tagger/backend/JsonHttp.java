package dev.tagger.backend;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * One JSON request and reply over a LangChain4j {@link HttpClient}, for the completion endpoints that
 * LangChain4j's own models cannot drive as Tagger needs (Ollama's {@code raw} generate, an OpenAI
 * completion with {@code max_tokens}, {@code stop} and {@code seed}). Failures of the transport come
 * from the client (see {@link HttpTransport}); a reply that is not JSON is an {@link UncheckedIOException},
 * which {@link ChatBackend} treats as a retryable transport fault.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
public final class JsonHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonHttp() {
    }

    /** @return a new, empty JSON object for a request body */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /**
     * POSTs the body as JSON and reads the reply as JSON.
     *
     * @param endpoint how messages name the endpoint, such as {@code /api/generate}
     * @param headers extra headers (an {@code Authorization}); never logged
     * @return the reply; never null
     * @throws UncheckedIOException when the reply is not JSON
     */
    public static JsonNode post(HttpClient http, String url, Map<String, String> headers, ObjectNode body, String endpoint) {
        HttpRequest.Builder request = HttpRequest.builder()
                .method(HttpMethod.POST)
                .url(url)
                .addHeader("Content-Type", "application/json")
                .body(body.toString());
        headers.forEach(request::addHeader);
        String text = http.execute(request.build()).body();
        try {
            JsonNode reply = JSON.readTree(text);
            if (reply == null || !reply.isObject()) {
                throw new UncheckedIOException("the reply of " + endpoint + " is not a JSON object", new java.io.IOException("not a JSON object"));
            }
            return reply;
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("the reply of " + endpoint + " is not JSON", e);
        }
    }

    /** @return the integer at {@code field} of the node, or null when it has none (LangChain4j's token counts) */
    public static Integer count(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asInt() : null;
    }
}

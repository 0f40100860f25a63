package dev.tagger.testkit;

import java.util.Map;

/**
 * What one adapter's server speaks, for the shared scenarios ({@link AbstractFaultTest},
 * {@link AbstractInjectionTest}, {@link AbstractSeedRequestBodiesTest}): the backend's name and
 * configuration keys, the endpoints, the bodies of a successful reply, where the JSON schema sits in
 * a request and how the server refuses it. Everything else about the scenarios is the same for every
 * adapter.
 */
public interface Wire {

    /** The backend's name in configuration, such as {@code ollama}; also the prefix of its problems. */
    String backend();

    /** The model the scenarios ask for. */
    String model();

    /**
     * The adapter's own configuration for a server at {@code httpBaseUrl} (WireMock's, without a
     * trailing slash) serving {@code model}: base URL and model keys.
     */
    Map<String, String> settings(String httpBaseUrl, String model);

    /** The chat endpoint's path, such as {@code /api/chat}. */
    String chatPath();

    /** A successful chat reply whose assistant message is {@code content}, as the server writes it. */
    String chatReply(String content);

    /** The plain completion endpoint's path (the {@code completion} profile), such as {@code /api/generate}. */
    String completionPath();

    /** A successful completion reply whose text is {@code text}, as the server writes it. */
    String completionReply(String text);

    /** The top-level request field that carries the JSON schema, such as {@code format}. */
    String schemaField();

    /** The JSON pointer to the schema itself in a chat request body, such as {@code /format}. */
    String schemaPointer();

    /** The body of the server's HTTP 400 refusing the schema field. */
    String schemaRefusalBody();

    /** The body of the server's HTTP 429, 500 or 503 ({@code status}; any other: 503's), as the server writes it. */
    String serverErrorBody(int status);
}

package dev.tagger.backend;

import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Proposal;
import java.util.Objects;

/**
 * A language-model backend behind one {@link HttpTransport}, as the adapters build it: each call's
 * HTTP timeout is capped by the request's {@link BackendRequest#timeLimit()}, what is left of the
 * document's deadline.
 *
 * <p>Thread-safe when the backend it wraps is.
 */
public final class RemoteBackend implements Backend {

    private final HttpTransport transport;
    private final ChatBackend backend;

    private RemoteBackend(HttpTransport transport, ChatBackend backend) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.backend = Objects.requireNonNull(backend, "backend");
    }

    /**
     * @param transport the transport the backend's model sends through
     * @param backend the backend that does the asking
     * @return a backend that caps each call by the request's time limit
     */
    public static RemoteBackend of(HttpTransport transport, ChatBackend backend) {
        return new RemoteBackend(transport, backend);
    }

    @Override
    public String name() {
        return backend.name();
    }

    @Override
    public boolean acceptsCorrections() {
        return backend.acceptsCorrections();
    }

    /** @return the backend that does the asking (its prompts, whether it still sends a schema) */
    public ChatBackend chatBackend() {
        return backend;
    }

    @Override
    public Proposal propose(BackendRequest request) {
        return transport.withTimeLimit(request.timeLimit(), () -> backend.propose(request));
    }

    @Override
    public void close() {
        backend.close();
    }

    @Override
    public String toString() {
        return "RemoteBackend[" + backend.name() + ", profile " + backend.prompts().profile().name()
                + (backend.sendsJsonSchema() ? ", JSON schema" : "") + "]";
    }
}

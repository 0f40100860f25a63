package dev.tagger.ollama;

import dev.tagger.backend.HttpTransport;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Proposal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A language-model backend over one HTTP transport: each call's timeout is capped by the request's
 * time limit; a server that refuses constrained decoding (HTTP 400 naming the format or schema) is
 * asked once more without it, and never with it again by this instance.
 *
 * <p>Thread-safe.
 */
final class OllamaBackend implements Backend {

    private static final Logger log = LoggerFactory.getLogger(OllamaBackend.class);

    private final String name;
    private final HttpTransport transport;
    private final Backend constrained;
    private final Backend plain;
    private final AtomicBoolean constrainedRefused = new AtomicBoolean();

    /**
     * @param constrained the backend asking for constrained decoding, or null when not used
     * @param plain the backend asking without it
     */
    OllamaBackend(String name, HttpTransport transport, Backend constrained, Backend plain) {
        this.name = name;
        this.transport = transport;
        this.constrained = constrained;
        this.plain = plain;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean acceptsCorrections() {
        return true;
    }

    /** @return whether the server refused constrained decoding once, so it is no longer asked for */
    boolean constrainedRefused() {
        return constrainedRefused.get();
    }

    @Override
    public Proposal propose(BackendRequest request) {
        return transport.withTimeLimit(request.timeLimit(), () -> {
            if (constrained != null && !constrainedRefused.get()) {
                try {
                    return constrained.propose(request);
                } catch (BackendException e) {
                    if (!HttpTransport.isSchemaRejection(e)) {
                        throw e;
                    }
                    constrainedRefused.set(true);
                    log.debug("{}: the server refused constrained decoding; asking without it from now on: {}", name, e.getMessage());
                }
            }
            return plain.propose(request);
        });
    }

    @Override
    public String toString() {
        return "OllamaBackend[" + name + "]";
    }
}

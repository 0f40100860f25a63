package dev.tagger.backend;

import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Proposal;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A language-model backend behind one {@link HttpTransport}, as the adapters build it: each call's
 * timeout is capped by the request's {@link BackendRequest#timeLimit()}; a server that refuses
 * constrained decoding (HTTP 400 naming the format or schema, see
 * {@link HttpTransport#isSchemaRejection}) is asked once more without it, and never with it again by
 * this instance.
 *
 * <p>Thread-safe when its backends are.
 */
public final class RemoteBackend implements Backend {

    private static final Logger log = LoggerFactory.getLogger(RemoteBackend.class);

    private final String name;
    private final HttpTransport transport;
    private final Backend constrained;
    private final Backend plain;
    private final AtomicBoolean constrainedRefused = new AtomicBoolean();

    private RemoteBackend(String name, HttpTransport transport, Backend constrained, Backend plain) {
        this.name = java.util.Objects.requireNonNull(name, "name");
        this.transport = java.util.Objects.requireNonNull(transport, "transport");
        this.constrained = constrained;
        this.plain = java.util.Objects.requireNonNull(plain, "plain");
    }

    /**
     * A backend that asks without constrained decoding only.
     *
     * @param name the backend's name
     * @param transport the transport its models send through
     * @param plain the backend that does the asking
     */
    public static RemoteBackend of(String name, HttpTransport transport, Backend plain) {
        return new RemoteBackend(name, transport, null, plain);
    }

    /**
     * A backend that asks with constrained decoding until the server refuses it once.
     *
     * @param name the backend's name
     * @param transport the transport both models send through
     * @param constrained the backend asking with constrained decoding
     * @param plain the backend asking without it
     */
    public static RemoteBackend constrained(String name, HttpTransport transport, Backend constrained, Backend plain) {
        return new RemoteBackend(name, transport, java.util.Objects.requireNonNull(constrained, "constrained"), plain);
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
    public boolean constrainedRefused() {
        return constrainedRefused.get();
    }

    /** Closes both backends. */
    @Override
    public void close() {
        if (constrained != null) {
            constrained.close();
        }
        plain.close();
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
        return "RemoteBackend[" + name + (constrained == null ? "" : constrainedRefused.get() ? ", constrained decoding refused" : ", constrained decoding") + "]";
    }
}

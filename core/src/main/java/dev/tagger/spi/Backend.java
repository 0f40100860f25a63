package dev.tagger.spi;

/**
 * One model behind Tagger. A backend <em>proposes</em> candidate labels; the core decides which become
 * tags, so no backend can put a tag outside the set, more than the maximum, or another id into a result.
 *
 * <p>Implementations must be safe for use by many threads at once.
 */
public interface Backend extends AutoCloseable {

    /** @return the name the backend is registered under, such as {@code embedded} or {@code ollama} */
    String name();

    /**
     * Asks the model once.
     *
     * @return the candidates; never null
     * @throws BackendException when the model could not be reached or refused the request
     * @throws UnusableReplyException when the model answered but the reply holds nothing usable
     *     (the core keeps the reply and may re-ask with the reason); a
     *     {@link dev.tagger.repair.RepairException} is taken the same way
     */
    Proposal propose(BackendRequest request);

    /**
     * Whether asking again with {@link BackendRequest#corrections()} can give a different answer. A
     * language model can; a deterministic embedding model cannot, so the core moves on instead.
     */
    default boolean acceptsCorrections() {
        return false;
    }

    /** Releases what the backend holds (HTTP clients, native sessions). Does nothing by default. */
    @Override
    default void close() {
    }
}

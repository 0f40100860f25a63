package dev.tagger.spi;

import dev.tagger.TaggerConfig;

/**
 * Makes backends of one kind from configuration. Providers are found through
 * {@link java.util.ServiceLoader}: an adapter lists its provider in
 * {@code META-INF/services/dev.tagger.spi.BackendProvider}, and {@code tagger.backend=NAME} picks it.
 */
public interface BackendProvider {

    /** @return the name configuration uses for this backend: lower case, such as {@code ollama} */
    String name();

    /**
     * Creates a backend from the configuration's keys for this provider
     * ({@code tagger.NAME.*}).
     *
     * @throws dev.tagger.ConfigException when a key this backend needs is missing or invalid
     */
    Backend create(TaggerConfig config);
}

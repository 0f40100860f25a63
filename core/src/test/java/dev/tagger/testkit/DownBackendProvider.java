package dev.tagger.testkit;

import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendProvider;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Proposal;

/** Test backend {@code test-down}: every call fails as an unreachable server would. */
public final class DownBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "test-down";
    }

    @Override
    public Backend create(TaggerConfig config) {
        return new Backend() {
            @Override
            public String name() {
                return "test-down";
            }

            @Override
            public Proposal propose(BackendRequest request) {
                throw BackendException.unavailable("test-down", "connection refused by 127.0.0.1:9", null);
            }
        };
    }
}

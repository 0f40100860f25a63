package dev.tagger.cli;

import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.List;

/**
 * Test backend {@code test-keyed}: needs {@code tagger.test-keyed.label} to be configured and always
 * proposes that label, so a test sees which configuration layer reached the backend.
 */
public final class KeyedBackendProvider implements BackendProvider {

    static final String LABEL = "tagger.test-keyed.label";

    @Override
    public String name() {
        return "test-keyed";
    }

    @Override
    public Backend create(TaggerConfig config) {
        String label = config.require(LABEL);
        return new Backend() {
            @Override
            public String name() {
                return "test-keyed";
            }

            @Override
            public Proposal propose(BackendRequest request) {
                return Proposal.of(List.of(Candidate.named(label, 1.0)));
            }
        };
    }
}

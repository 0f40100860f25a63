package dev.tagger.testkit;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only backend {@code canned}: proposes the names in {@code tagger.canned.tags} (default
 * {@code 3d}) without a model, so that fallback tests stay fast. Counts its calls.
 */
public final class CannedBackendProvider implements BackendProvider {

    private static final AtomicInteger CALLS = new AtomicInteger();

    /** Zeroes the count of {@link #calls()}; call it before each test. */
    public static void reset() {
        CALLS.set(0);
    }

    /** Calls to every canned backend since the last {@link #reset()}. */
    public static int calls() {
        return CALLS.get();
    }

    @Override
    public String name() {
        return "canned";
    }

    @Override
    public Backend create(TaggerConfig config) {
        String[] names = config.get("tagger.canned.tags").orElse("3d").split(",");
        return new Backend() {
            @Override
            public String name() {
                return "canned";
            }

            @Override
            public Proposal propose(BackendRequest request) {
                CALLS.incrementAndGet();
                return Proposal.of(Arrays.stream(names).map(n -> Candidate.of(TextNode.valueOf(n.strip()))).toList());
            }
        };
    }
}

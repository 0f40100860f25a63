package dev.tagger.cli.eval;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendProvider;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.List;

/**
 * A backend for the eval tests only, registered under {@code fake-eval}: proposes the comma-separated
 * labels after {@code tags:} in the document, and fails on a document that says {@code FAIL}.
 */
public final class FakeBackendProvider implements BackendProvider {

    static final String NAME = "fake-eval";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Backend create(TaggerConfig config) {
        return new Backend() {
            @Override
            public String name() {
                return NAME;
            }

            @Override
            public Proposal propose(BackendRequest request) {
                String text = request.document().text().strip();
                if (text.equals("FAIL")) {
                    throw BackendException.rejected(NAME, "told to fail", null);
                }
                String labels = text.startsWith("tags:") ? text.substring(5).strip() : "";
                return Proposal.of(labels.isEmpty() ? List.of() : List.of(Candidate.of(TextNode.valueOf(labels))));
            }
        };
    }
}

package dev.tagger.testkit;

import dev.tagger.Tag;
import dev.tagger.TaggerConfig;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendProvider;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Candidate;
import dev.tagger.spi.Proposal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Test backend {@code test-keywords}: proposes every tag whose name occurs in the document, most
 * occurrences first.
 */
public final class KeywordBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "test-keywords";
    }

    @Override
    public Backend create(TaggerConfig config) {
        return new Backend() {
            @Override
            public String name() {
                return "test-keywords";
            }

            @Override
            public Proposal propose(BackendRequest request) {
                String text = request.document().text().toLowerCase(Locale.ROOT);
                List<Candidate> out = new ArrayList<>();
                for (Tag t : request.tags()) {
                    String word = t.name().strip().toLowerCase(Locale.ROOT);
                    int count = 0;
                    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
                        count++;
                    }
                    if (count > 0) {
                        out.add(Candidate.named(t.name(), count));
                    }
                }
                out.sort(Comparator.comparingDouble((Candidate c) -> c.score().orElse(0)).reversed());
                return Proposal.of(out);
            }
        };
    }
}

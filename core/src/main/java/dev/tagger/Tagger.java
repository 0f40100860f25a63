package dev.tagger;

import dev.tagger.repair.RepairException;
import dev.tagger.resolve.Resolution;
import dev.tagger.resolve.Resolver;
import dev.tagger.spi.Backend;
import dev.tagger.spi.BackendException;
import dev.tagger.spi.BackendRequest;
import dev.tagger.spi.Proposal;
import dev.tagger.spi.TokenUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tags documents with tags from one tag set, through a chain of backends.
 *
 * <pre>{@code
 * Tagger tagger = Tagger.builder().tags(TagSet.fromJson(tagsJson)).maxTags(3).build(); // embedded default
 * TagResult r = tagger.tag(new Document("7628", readmeText));
 * r.toJson();   // {"id":"7628","tags":["ai","benchmark"]}
 * }</pre>
 *
 * <p>Each document goes to the first backend of the chain; an answer that cannot be used gets a
 * corrective re-ask (language models only), and a backend that fails or keeps answering badly hands the
 * document to the next backend. Whatever happens, the result holds only tags of the set, at most the
 * maximum, and the caller's id; when every backend failed its status is {@link Status#FAILED}.
 *
 * <p>Immutable; safe for use by many threads at once. Close it to release the backends.
 */
public final class Tagger implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tagger.class);

    private final TagSet tags;
    private final int maxTags;
    private final int maxReasks;
    private final List<Backend> chain;
    private final Clock clock;
    private final TaggerConfig config;

    private Tagger(Builder b, TaggerConfig config, List<Backend> chain) {
        this.tags = b.tags;
        this.config = config;
        this.maxTags = config.maxTags();
        this.maxReasks = config.getInt(TaggerConfig.MAX_REASKS, 0, 10);
        this.chain = List.copyOf(chain);
        this.clock = b.clock;
    }

    /** @return a new builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the tag set */
    public TagSet tags() {
        return tags;
    }

    /** @return the maximum number of tags per document */
    public int maxTags() {
        return maxTags;
    }

    /** @return the names of the backends, in the order they are tried */
    public List<String> backendNames() {
        return chain.stream().map(Backend::name).toList();
    }

    /** @return the configuration this tagger was built from */
    public TaggerConfig config() {
        return config;
    }

    /**
     * Tags one document.
     *
     * @param document the document; not null
     * @return the result; never null, status {@link Status#FAILED} when no backend gave a usable answer
     */
    public TagResult tag(Document document) {
        Objects.requireNonNull(document, "document");
        Instant start = clock.instant();
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < chain.size(); i++) {
            Backend backend = chain.get(i);
            BackendRequest request = new BackendRequest(document, tags, maxTags, List.of());
            int reasks = 0;
            while (true) {
                int number = attempts.size() + 1;
                Instant t0 = clock.instant();
                Proposal proposal;
                try {
                    proposal = backend.propose(request);
                } catch (RepairException e) {
                    attempts.add(new Attempt(backend.name(), number, Attempt.Outcome.UNUSABLE, since(t0), "",
                            List.of(), List.of(), TokenUsage.NONE, e.getMessage()));
                    log.debug("doc {}: attempt {} on {} unusable: {}", document.id(), number, backend.name(), e.getMessage());
                    if (backend.acceptsCorrections() && reasks < maxReasks) {
                        reasks++;
                        request = request.withCorrection(e.getMessage());
                        continue;
                    }
                    break;
                } catch (BackendException e) {
                    attempts.add(failed(backend, number, t0, e.getMessage()));
                    log.debug("doc {}: attempt {} on {} failed: {}", document.id(), number, backend.name(), e.getMessage());
                    break;
                } catch (RuntimeException e) {
                    // a faulty backend must not lose the document: record it and move on
                    String problem = e.getClass().getName() + ": " + e.getMessage();
                    attempts.add(failed(backend, number, t0, problem));
                    log.debug("doc {}: attempt {} on {} threw {}", document.id(), number, backend.name(), problem);
                    break;
                }
                Resolution res = Resolver.resolve(proposal, tags, maxTags, document.id());
                List<String> dropped = new ArrayList<>(res.dropped());
                List<String> repairs = new ArrayList<>(proposal.repairs());
                res.adjusted().forEach(a -> repairs.add("TAG_NAME_MATCHED: " + a));
                if (!res.usable()) {
                    String problem = res.problem().orElseThrow();
                    attempts.add(new Attempt(backend.name(), number, Attempt.Outcome.UNUSABLE, since(t0),
                            proposal.rawReply(), repairs, dropped, proposal.usage(), problem));
                    log.debug("doc {}: attempt {} on {} unusable: {}", document.id(), number, backend.name(), problem);
                    if (backend.acceptsCorrections() && reasks < maxReasks) {
                        reasks++;
                        request = request.withCorrection(problem);
                        continue;
                    }
                    break;
                }
                attempts.add(new Attempt(backend.name(), number, Attempt.Outcome.USED, since(t0),
                        proposal.rawReply(), repairs, dropped, proposal.usage(), ""));
                log.debug("doc {}: attempt {} on {} gave {} tags", document.id(), number, backend.name(), res.tags().size());
                Status status;
                if (i > 0) {
                    status = Status.FALLBACK;
                } else if (attempts.size() == 1 && repairs.isEmpty() && dropped.isEmpty()) {
                    status = Status.OK;
                } else {
                    status = Status.REPAIRED;
                }
                return new TagResult(document.id(), res.tags(), status, backend.name(),
                        new Diagnostics(attempts, since(start)));
            }
        }
        log.debug("doc {}: no backend of {} gave a usable answer", document.id(), backendNames());
        return new TagResult(document.id(), List.of(), Status.FAILED, "", new Diagnostics(attempts, since(start)));
    }

    private Attempt failed(Backend backend, int number, Instant t0, String problem) {
        return new Attempt(backend.name(), number, Attempt.Outcome.FAILED, since(t0), "", List.of(), List.of(),
                TokenUsage.NONE, problem);
    }

    private Duration since(Instant t0) {
        return Duration.between(t0, clock.instant());
    }

    /** Closes every backend of the chain. */
    @Override
    public void close() {
        for (Backend b : chain) {
            try {
                b.close();
            } catch (Exception e) {
                log.debug("closing backend {} failed: {}", b.name(), e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "Tagger[" + tags.size() + " tags, max " + maxTags + ", backends " + backendNames() + "]";
    }

    /** Builds a {@link Tagger}; each {@link #build()} returns a new one. */
    public static final class Builder {
        private TagSet tags;
        private TaggerConfig config;
        private Integer maxTags;
        private final List<Backend> backends = new ArrayList<>();
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The allowed tags; required. */
        public Builder tags(TagSet tags) {
            this.tags = Objects.requireNonNull(tags, "tags");
            return this;
        }

        /**
         * The most tags per document; overrides {@code tagger.max-tags} (default 3).
         *
         * @throws TaggerException {@code INVALID_ARGUMENT} when below 1
         */
        public Builder maxTags(int maxTags) {
            if (maxTags < 1) {
                throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, "max tags must be at least 1, got " + maxTags);
            }
            this.maxTags = maxTags;
            return this;
        }

        /** The configuration; {@link TaggerConfig#load()} when not given. */
        public Builder config(TaggerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * Backend instances to use, in order, instead of those the configuration names. For backends
         * built in code; configuration alone can pick any registered backend by name.
         */
        public Builder backends(Backend... backends) {
            this.backends.clear();
            this.backends.addAll(List.of(backends));
            return this;
        }

        /** The clock that times attempts; the system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @return a new tagger
         * @throws TaggerException {@code INVALID_ARGUMENT} when no tag set was given;
         *     {@link ConfigException} for invalid configuration or an unknown backend
         */
        public Tagger build() {
            if (tags == null) {
                throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, "a tag set is required: call tags(TagSet)");
            }
            TaggerConfig cfg = config != null ? config : TaggerConfig.load();
            if (maxTags != null) {
                cfg = cfg.toBuilder().maxTags(maxTags).build();
            }
            List<Backend> chain = new ArrayList<>(backends);
            if (chain.isEmpty()) {
                for (String name : cfg.chain()) {
                    chain.add(Backends.create(name, cfg));
                }
            }
            return new Tagger(this, cfg, chain);
        }
    }
}

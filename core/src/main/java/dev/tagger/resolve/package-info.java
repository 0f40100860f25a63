/**
 * Resolve: takes a backend's {@link dev.tagger.spi.Proposal} and the caller's
 * {@link dev.tagger.TagSet}, hands on a {@link dev.tagger.resolve.Resolution}: tags of the set only,
 * deduplicated, capped, with every dropped or adjusted label recorded. Entry point:
 * {@link dev.tagger.resolve.Resolver}.
 */
package dev.tagger.resolve;

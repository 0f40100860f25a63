/**
 * The seam between the core and the adapters: a {@link dev.tagger.spi.BackendProvider} found through
 * {@link java.util.ServiceLoader} makes a {@link dev.tagger.spi.Backend} from configuration; the
 * backend takes a {@link dev.tagger.spi.BackendRequest} and hands back a
 * {@link dev.tagger.spi.Proposal} of candidate labels, which the core resolves into tags.
 */
package dev.tagger.spi;

/**
 * Runnable mains, one idea each: {@link dev.tagger.examples.QuickStart} (the embedded default on a
 * bundled document), {@link dev.tagger.examples.TagListFromFile} (your own tag list and documents) and
 * {@link dev.tagger.examples.Diagnostics} (what happened behind a result). Every {@code tagger.*} key
 * set as a system property or environment variable applies to them.
 */
package dev.tagger.examples;

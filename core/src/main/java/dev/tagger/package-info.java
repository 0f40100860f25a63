/**
 * Tagger's public API: a {@link dev.tagger.Tagger} built with a {@link dev.tagger.TagSet} tags a
 * {@link dev.tagger.Document} and hands back a {@link dev.tagger.TagResult} whose JSON is always valid,
 * holds the caller's id and only tags of the set.
 */
package dev.tagger;

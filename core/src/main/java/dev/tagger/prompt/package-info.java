/**
 * Prompt: takes a {@link dev.tagger.spi.BackendRequest} (document, tag set, maximum, corrections) and
 * hands on a {@link dev.tagger.prompt.RenderedPrompt}: system and user text within the model's token
 * budget, decoding options, the answer's JSON schema and, for completion profiles, the answer prefix.
 * Entry point: {@link dev.tagger.prompt.PromptBuilder}; model families are
 * {@link dev.tagger.prompt.Profile}s, plain files under the project's {@code prompts/} folder.
 */
package dev.tagger.prompt;

/**
 * Extract: a model's raw reply in, its answer as JSON out.
 *
 * <p>Takes the text a chat backend returned and hands on the answer as a
 * {@link dev.tagger.repair.Repaired} value for the {@link dev.tagger.resolve resolve} stage:
 * {@link dev.tagger.extract.ReplyReader} drops {@code <think>} blocks, takes the last {@code \boxed{}}, a
 * fenced block, or the last complete JSON value in prose, then repairs it with
 * {@link dev.tagger.repair.JsonRepair}.
 */
package dev.tagger.extract;

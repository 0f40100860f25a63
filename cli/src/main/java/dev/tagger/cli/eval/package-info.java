/**
 * The {@code eval} command: takes a tag list and labelled documents, tags each document with one or
 * more backends and hands on quality figures ({@link dev.tagger.cli.eval.Evaluation} for the
 * arithmetic, usable without the command line; {@link dev.tagger.cli.eval.EvalCommand} for picocli).
 */
package dev.tagger.cli.eval;

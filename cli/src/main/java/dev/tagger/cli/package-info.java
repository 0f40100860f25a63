/**
 * The {@code tagger} command line: {@link dev.tagger.cli.TaggerCli} with the subcommands {@code tag}
 * (a document and a tag list in, one line of tag JSON out) and {@code repair} (a raw model reply in,
 * its JSON value out). Built into the runnable jar {@code cli/target/tagger.jar} with every backend.
 */
package dev.tagger.cli;

package dev.tagger.cli.eval;

import picocli.CommandLine;

/**
 * Runs {@link EvalCommand} on its own, until it is registered in the {@code tagger} command: a bench
 * main, not a test.
 *
 * <pre>
 * mvn -o -q -B -pl cli -am test-compile
 * java -cp cli/target/test-classes:cli/target/classes:$(cat cli/target/cp.txt) dev.tagger.cli.eval.EvalMain \
 *     --tags ../shared/fixtures/tags.json --in ../shared/eval/dev.jsonl --backend embedding-baseline,embedded
 * </pre>
 */
public final class EvalMain {

    private EvalMain() {
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new EvalCommand()).execute(args));
    }
}

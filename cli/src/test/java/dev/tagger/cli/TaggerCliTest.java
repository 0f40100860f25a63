package dev.tagger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagger.TaggerException.Reason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TaggerCliTest {

    @Test
    void versionNamesTheProjectVersion() {
        Cli.Run run = Cli.run("--version");

        assertThat(run.exit()).isZero();
        assertThat(run.outLines().get(0)).matches("tagger \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"tag", "repair", "eval"})
    void versionAfterACommandsNameNamesTheProjectVersionToo(String command) {
        Cli.Run run = Cli.run(command, "--version");

        assertThat(run.exit()).isZero();
        assertThat(run.outLines().get(0)).matches("tagger \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
    }

    @Test
    void helpListsTheCommandsAndExitCodes() {
        Cli.Run run = Cli.run("--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("tag", "repair", "Exit codes:", "--config", "-D");
    }

    @Test
    void tagHelpShowsItsOptions() {
        Cli.Run run = Cli.run("tag", "--help");

        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("--tags=TAGS.json", "--max=N", "--format=FORMAT", "--explain", "FILE|-");
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Run run = Cli.run();

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).singleElement().asString().contains("a command is required: tag, repair");
    }

    @Test
    void unknownCommandIsAUsageErrorOnOneLine() {
        Cli.Run run = Cli.run("frobnicate");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString().contains("frobnicate");
    }

    /** A subcommand with options of its own named like the common ones, as a separately written one may have. */
    @Command(name = "own")
    static final class OwnConfig implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--config")
        String config;

        @Override
        public Integer call() {
            spec.commandLine().getOut().println("own config " + config);
            return 0;
        }
    }

    @Test
    void aSubcommandMayDeclareItsOwnConfigOption() {
        StringWriter out = new StringWriter();
        CommandLine cl = TaggerCli.commandLine(new TaggerCli(), new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        cl.addSubcommand(new OwnConfig());
        cl.setOut(new PrintWriter(out, true)); // settings reach subcommands present when they are set

        int exit = cl.execute("-v", "own", "--config", "x.properties");

        assertThat(exit).isZero();
        assertThat(out.toString().strip()).isEqualTo("own config x.properties");
    }

    private static final Set<Reason> BAD_INPUT = EnumSet.of(Reason.INVALID_TAG_SET, Reason.DUPLICATE_TAG,
            Reason.EMPTY_DOCUMENT, Reason.INVALID_ARGUMENT, Reason.INVALID_CONFIG, Reason.UNKNOWN_BACKEND, Reason.IO);
    private static final Set<Reason> NO_JSON = EnumSet.of(Reason.NO_JSON, Reason.TRUNCATED, Reason.TOO_DEEP, Reason.TOO_LONG);

    @ParameterizedTest
    @EnumSource(Reason.class)
    void everyReasonHasItsExitCode(Reason reason) {
        int expected = BAD_INPUT.contains(reason) ? 2 : NO_JSON.contains(reason) ? 3 : 1;

        assertThat(TaggerCli.exitCode(reason)).isEqualTo(expected);
    }
}

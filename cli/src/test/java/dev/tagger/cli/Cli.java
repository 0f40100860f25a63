package dev.tagger.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs the command in-process with captured standard output and error. */
final class Cli {

    private Cli() {
    }

    /** What one run printed and returned. */
    record Run(int exit, String out, String err) {
        /** @return standard output split into lines */
        List<String> outLines() {
            return out.lines().toList();
        }

        /** @return standard error split into lines */
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        return runWithStdin("", args);
    }

    static Run runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        TaggerCli cli = new TaggerCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        int exit = TaggerCli.commandLine(cli, new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(exit, out.toString(), err.toString());
    }
}

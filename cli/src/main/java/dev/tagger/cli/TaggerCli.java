package dev.tagger.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import dev.tagger.TaggerException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * The {@code tagger} command: {@code tag} a document, {@code repair} a model's reply.
 *
 * <pre>
 * java -jar cli/target/tagger.jar tag --tags examples/tags.json examples/docs/lumen-math.md
 * {"id":"lumen-math","tags":["math","ai","python"]}
 * </pre>
 *
 * <p>Results go to standard output, one line of JSON each; messages go to standard error, one line
 * each (with a stack trace under {@code -v}). Exit codes: {@value #EXIT_OK} done,
 * {@value #EXIT_FAILED} the tagging itself failed, {@value #EXIT_USAGE} bad input or usage,
 * {@value #EXIT_NO_JSON} nothing JSON-like in a reply ({@code repair}).
 *
 * <p>The {@link CommonOptions} ({@code -v}, {@code --config FILE}, {@code -Dkey=value}) are accepted
 * before or after the subcommand's name; a subcommand adds them with {@code @Mixin CommonOptions} and
 * reads the layered configuration through {@link CommonOptions#config()}.
 */
@Command(name = "tagger",
        mixinStandardHelpOptions = true,
        versionProvider = TaggerCli.Version.class,
        description = "Assigns tags from your list to documents and always prints valid JSON.",
        synopsisSubcommandLabel = "COMMAND",
        subcommands = {
                TagCommand.class,
                RepairCommand.class,
                dev.tagger.cli.eval.EvalCommand.class,
                HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:the tagging itself failed (the JSON result is still printed)",
                "2:bad input or usage: missing file, bad tag list, --max < 1, empty document, unknown backend",
                "3:repair: nothing JSON-like in the reply"},
        footerHeading = "%nConfiguration:%n",
        footer = {"defaults < tagger.properties on the class path < --config FILE < env TAGGER_* < JVM system properties < -D options.",
                "Keys: tagger.backend, tagger.fallback, tagger.max-tags, tagger.profile, tagger.ollama.*, tagger.openai.*"})
public final class TaggerCli implements Callable<Integer> {

    /** Exit code: done. */
    public static final int EXIT_OK = 0;
    /** Exit code: the tagging itself failed; the (empty) JSON result was still printed. */
    public static final int EXIT_FAILED = 1;
    /** Exit code: bad input or usage. */
    public static final int EXIT_USAGE = 2;
    /** Exit code: {@code repair} found nothing JSON-like. */
    public static final int EXIT_NO_JSON = 3;

    private static final java.util.regex.Pattern LINE_BREAKS = java.util.regex.Pattern.compile("\\s*[\\r\\n]+\\s*");

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common = new CommonOptions();

    /** A command that reads standard input from {@link System#in}. */
    public TaggerCli() {
        this(System.in);
    }

    /**
     * A command that reads {@code -} from the given stream; for running the command in-process.
     *
     * @param stdin what {@code -} reads; not null
     */
    public TaggerCli(InputStream stdin) {
        this.stdin = Objects.requireNonNull(stdin, "stdin");
    }

    /**
     * Runs the command and exits with its exit code. Standard output and error are written as UTF-8
     * whatever the platform's encoding, so that the JSON stays intact.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(new TaggerCli(), out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * A picocli command line for the given command, writing to the given streams, with Tagger's exit
     * codes and one-line error messages.
     *
     * @param cli the top command
     * @param out where results go
     * @param err where messages go
     * @return the command line, ready to {@code execute}
     */
    public static CommandLine commandLine(TaggerCli cli, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(cli);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(cli::execute);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            String name = failed.getCommandSpec().qualifiedName();
            failed.getErr().println(name + ": " + oneLine(ex.getMessage()) + " (see '" + name + " --help')");
            failed.getErr().flush();
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, failed, parseResult) -> cli.report(ex, failed));
        return cl;
    }

    /** Without a subcommand: prints the usage on standard error and exits with {@value #EXIT_USAGE}. */
    @Override
    public Integer call() {
        String commands = String.join(", ", spec.subcommands().keySet().stream().filter(n -> !n.equals("help")).toList());
        spec.commandLine().getErr().println("tagger: a command is required: " + commands + " (see 'tagger --help')");
        return EXIT_USAGE;
    }

    /** @return what {@code -} reads */
    public InputStream stdin() {
        return stdin;
    }

    /** @return how many {@code -v} were given, before or after the subcommand */
    public int verbosity() {
        return common.verbosity();
    }

    /** @return the options common to every command; values given on any level are held here */
    public CommonOptions common() {
        return common;
    }

    /** The exit code for a failure of the given kind. */
    static int exitCode(TaggerException.Reason reason) {
        return switch (reason) {
            case INVALID_TAG_SET, DUPLICATE_TAG, EMPTY_DOCUMENT, INVALID_ARGUMENT, INVALID_CONFIG, UNKNOWN_BACKEND, IO ->
                    EXIT_USAGE;
            case NO_JSON, TRUNCATED, TOO_DEEP, TOO_LONG -> EXIT_NO_JSON;
            case UNUSABLE_REPLY, BACKEND_UNAVAILABLE, BACKEND_REJECTED, DEADLINE_EXCEEDED -> EXIT_FAILED;
        };
    }

    private int execute(CommandLine.ParseResult parseResult) {
        configureLogging(verbosity());
        return new CommandLine.RunLast().execute(parseResult);
    }

    /** Writes one line about the failure (a stack trace too under {@code -v}) and picks the exit code. */
    int report(Exception ex, CommandLine failed) {
        PrintWriter err = failed.getErr();
        String name = failed.getCommandSpec().qualifiedName();
        int code;
        if (ex instanceof TaggerException te) {
            err.println(name + ": " + oneLine(te.getMessage()));
            code = exitCode(te.reason());
        } else if (ex instanceof IOException || ex instanceof java.io.UncheckedIOException) {
            err.println(name + ": " + oneLine(ex.getClass().getSimpleName() + ": " + ex.getMessage()));
            code = EXIT_USAGE;
        } else {
            err.println(name + ": unexpected " + oneLine(ex.getClass().getName() + ": " + ex.getMessage())
                    + (verbosity() == 0 ? " (run with -v for the stack trace)" : ""));
            code = EXIT_FAILED;
        }
        if (verbosity() > 0) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static String oneLine(String message) {
        return message == null ? "" : LINE_BREAKS.matcher(message).replaceAll(" ").strip();
    }

    /**
     * Sets the levels of the shipped {@code logback.xml}: WARN by default; {@code -v} DEBUG for Tagger;
     * {@code -vv} TRACE for Tagger and DEBUG for everything else. Does nothing under another binding.
     */
    static void configureLogging(int verbosity) {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        if (!(factory instanceof LoggerContext context)) {
            return;
        }
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(verbosity >= 2 ? Level.DEBUG : Level.WARN);
        context.getLogger("dev.tagger").setLevel(verbosity == 0 ? null : verbosity == 1 ? Level.DEBUG : Level.TRACE);
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    public static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = TaggerCli.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"tagger " + p.getProperty("version", "(unknown version)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }
}

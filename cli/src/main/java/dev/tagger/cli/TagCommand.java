package dev.tagger.cli;

import dev.tagger.Attempt;
import dev.tagger.Document;
import dev.tagger.OutputFormat;
import dev.tagger.Status;
import dev.tagger.TagResult;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import dev.tagger.TaggerException.Reason;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code tagger tag}: tags one document and prints {@code {"id":"…","tags":[…]}} on one line.
 *
 * <p>When every backend fails, the result is still printed ({@code {"id":"…","tags":[]}}, valid
 * JSON, so a pipeline gets one line per document) and the command exits with
 * {@value TaggerCli#EXIT_FAILED} after one line on standard error saying why.
 */
@Command(name = "tag", versionProvider = TaggerCli.Version.class,
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {"Tags one document with at most --max tags of the list and prints one line of JSON:",
                "  {\"id\":\"7628\",\"tags\":[\"ai\",\"benchmark\"]}"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:done",
                "1:the tagging itself failed: every backend failed (the JSON result is still printed)",
                "2:bad input or usage: missing file, empty or malformed tag list, duplicate tag names,",
                "  --max < 1, empty document, unknown backend, invalid configuration"})
final class TagCommand implements Callable<Integer> {

    @ParentCommand
    private TaggerCli cli;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CommonOptions common;

    @Option(names = "--tags", required = true, paramLabel = "TAGS.json",
            description = "The allowed tags: [{\"id\":77,\"name\":\"3d\"},…] or [\"3d\",\"agent\",…].")
    private String tagsFile;

    @Option(names = "--max", paramLabel = "N",
            description = "The most tags to assign, at least 1 (default: tagger.max-tags, 3).")
    private Integer max;

    @Option(names = "--id", paramLabel = "ID",
            description = "The document id to echo back (default: the file name without extension; stdin for -).")
    private String id;

    @Option(names = "--backend", paramLabel = "NAME",
            description = "The backend that answers first (default: tagger.backend, embedded).")
    private String backend;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "names", converter = FormatConverter.class,
            description = "How tags are written: names (default), ids (77 stays a number, \"a7\" a string) or objects ({\"id\",\"name\"}).")
    private OutputFormat format;

    @Option(names = "--explain",
            description = "Print the whole result: status, backend, attempts, raw replies, repairs, dropped labels, timings, tokens.")
    private boolean explain;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "The document (UTF-8 text, markdown or HTML); - reads standard input.")
    private String file;

    @Override
    public Integer call() {
        if (max != null && max < 1) {
            throw new TaggerException(Reason.INVALID_ARGUMENT, "--max must be at least 1, got " + max);
        }
        if (Inputs.STDIN.equals(tagsFile) && Inputs.STDIN.equals(file)) {
            throw new TaggerException(Reason.INVALID_ARGUMENT, "the tag list and the document cannot both be read from standard input (-)");
        }
        // read and check every input before building the tagger: loading a model takes a while
        TagSet tags = readTags();
        String text = Inputs.readText(file, cli.stdin(), "document");
        String docId = id != null ? id : Inputs.idOf(file);
        Document document = new Document(docId, text);
        TaggerConfig config = common.config();
        if (backend != null) {
            config = config.toBuilder().backend(backend).build();
        }
        Tagger.Builder builder = Tagger.builder().tags(tags).config(config);
        if (max != null) {
            builder.maxTags(max);
        }
        TagResult result;
        try (Tagger tagger = builder.build()) {
            result = tagger.tag(document);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(explain ? result.toExplainJson(format) : result.toJson(format));
        out.flush();
        if (result.status() == Status.FAILED) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("tagger tag: document '" + result.id() + "' got no tags: every backend failed ("
                    + TaggerCli.oneLine(problems(result)) + ")");
            err.flush();
            return TaggerCli.EXIT_FAILED;
        }
        return TaggerCli.EXIT_OK;
    }

    private TagSet readTags() {
        String text = Inputs.readText(tagsFile, cli.stdin(), "tag list");
        try {
            return TagSet.fromJson(text);
        } catch (TaggerException e) {
            throw new TaggerException(e.reason(), "", "tag list " + tagsFile + ": " + e.getMessage(), e);
        }
    }

    /** The last problem of each backend tried, such as {@code ollama: 503 Service Unavailable}. */
    private static String problems(TagResult result) {
        Map<String, String> last = new LinkedHashMap<>();
        for (Attempt a : result.diagnostics().attempts()) {
            last.put(a.backend(), a.problem().isEmpty() ? a.outcome().name().toLowerCase(Locale.ROOT) : a.problem());
        }
        if (last.isEmpty()) {
            return "no backend was tried";
        }
        return last.entrySet().stream()
                .map(e -> e.getValue().startsWith(e.getKey() + ":") ? e.getValue() : e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; "));
    }

    /** {@code names}, {@code ids} or {@code objects}, any case. */
    static final class FormatConverter implements ITypeConverter<OutputFormat> {
        @Override
        public OutputFormat convert(String value) {
            try {
                return OutputFormat.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a format: use names, ids or objects");
            }
        }
    }
}

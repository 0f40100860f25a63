package dev.tagger.cli.eval;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import dev.tagger.TaggerException;
import dev.tagger.cli.CommonOptions;
import dev.tagger.cli.TaggerCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tagger eval}: measures tagging quality on labelled documents.
 *
 * <pre>
 * tagger eval --tags TAGS.json --in labelled.jsonl [--backend NAME[,NAME…]] [--max 3] [--report report.json] [--config FILE] [-Dkey=value]
 * </pre>
 *
 * Each input line is {@code {"id":"…","text":"…","gold":["…"],"acceptable":["…"]}}. Prints micro and
 * macro precision, recall and F1, the exact-match rate, the share of documents with at least one
 * correct tag, the per-tag table, the worst documents, documents per second and the count of predicted
 * tags outside the list. Several backends are measured one after the other on the same documents and
 * compared in a closing table. A document that fails is counted and reported; the run goes on.
 *
 * <p>Exit codes: 0 done; 2 bad input or usage (missing or malformed file, {@code --max} below 1,
 * unknown backend); 1 when every document failed.
 */
@Command(name = "eval", versionProvider = dev.tagger.cli.TaggerCli.Version.class, mixinStandardHelpOptions = true,
        description = "Measures tagging quality on labelled documents (JSON Lines: id, text, gold, acceptable).")
public final class EvalCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--tags", required = true, paramLabel = "TAGS.json",
            description = "The tag list: [{\"id\":77,\"name\":\"3d\"},…] or [\"3d\",…].")
    Path tags;

    @Option(names = "--in", required = true, paramLabel = "labelled.jsonl",
            description = "Labelled documents, one JSON object per line.")
    Path in;

    @Option(names = "--backend", split = ",", paramLabel = "NAME",
            description = "Backends to measure, comma-separated or repeated (default: tagger.backend).")
    List<String> backends = new ArrayList<>();

    @Option(names = "--max", defaultValue = "3", description = "The most tags per document (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--report", paramLabel = "report.json", description = "Also write every figure as JSON here.")
    Path report;

    @Mixin
    CommonOptions common;

    @Option(names = "--worst", defaultValue = "10", description = "How many of the worst documents to list (default: ${DEFAULT-VALUE}).")
    int worst;

    /** Creates the command; picocli fills the options. */
    public EvalCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        // bad input throws: the tagger command reports it in one line and picks the exit code
        if (max < 1) {
            throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, "--max must be at least 1, got " + max);
        }
        if (worst < 0) {
            throw new TaggerException(TaggerException.Reason.INVALID_ARGUMENT, "--worst must be at least 0, got " + worst);
        }
        TagSet tagSet = TagSet.fromJson(tags);
        List<LabelledDocument> docs = LabelledDocument.readJsonl(in);
        TaggerConfig base = common.config();
        List<String> names = backends.isEmpty() ? List.of("") : backends.stream().map(String::strip).toList();
        List<Tagger> taggers = new ArrayList<>();
        try {
            for (String name : names) {
                TaggerConfig cfg = name.isEmpty() ? base : base.toBuilder().backend(name).fallback(name).build();
                taggers.add(Tagger.builder().tags(tagSet).maxTags(max).config(cfg).build());
            }
        } catch (RuntimeException e) {
            taggers.forEach(Tagger::close);
            throw e;
        }
        List<EvaluationReport> reports = new ArrayList<>();
        try {
            for (Tagger tagger : taggers) {
                EvaluationReport r = Evaluation.run(tagger, docs);
                reports.add(r);
                out.println(r.format(worst));
                out.flush();
            }
        } finally {
            taggers.forEach(Tagger::close);
        }
        if (reports.size() > 1) {
            out.println("comparison (" + docs.size() + " documents, max " + max + "):");
            reports.forEach(r -> out.println("  " + r.summaryLine()));
        }
        if (report != null) {
            ObjectNode json;
            if (reports.size() == 1) {
                json = reports.get(0).toJsonNode(worst);
            } else {
                json = EvaluationReport.newObject();
                ArrayNode runs = json.putArray("runs");
                reports.forEach(r -> runs.add(r.toJsonNode(worst)));
            }
            try {
                Files.writeString(report, EvaluationReport.toJson(json) + System.lineSeparator(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new TaggerException(TaggerException.Reason.IO, "",
                        "cannot write report " + report + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
            }
        }
        out.flush();
        return reports.stream().anyMatch(r -> r.failed() == r.documents()) ? TaggerCli.EXIT_FAILED : TaggerCli.EXIT_OK;
    }
}

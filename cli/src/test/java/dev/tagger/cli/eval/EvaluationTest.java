package dev.tagger.cli.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tagger.TagSet;
import dev.tagger.Tagger;
import dev.tagger.TaggerConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The arithmetic of every figure, on a fake backend whose answers are written in the documents. */
class EvaluationTest {

    private static final double EPS = 1e-9;
    private static Tagger tagger;
    private static EvaluationReport report;

    static Path resource(String name) throws Exception {
        return Path.of(EvaluationTest.class.getResource(name).toURI());
    }

    @BeforeAll
    static void run() throws Exception {
        TagSet tags = TagSet.fromJson(resource("tags.json"));
        tagger = Tagger.builder().tags(tags).maxTags(3)
                .config(TaggerConfig.builder().backend(FakeBackendProvider.NAME).build()).build();
        AtomicLong clock = new AtomicLong();
        AtomicLong cpu = new AtomicLong();
        // each reading of the clock advances it one second: warm-up 1 s, the seven documents 1 s;
        // each reading of the CPU clock advances it 3.5 s: 0.5 s per document
        report = Evaluation.run(tagger, LabelledDocument.readJsonl(resource("labelled.jsonl")),
                () -> clock.getAndAdd(1_000_000_000L), () -> cpu.getAndAdd(3_500_000_000L));
    }

    @AfterAll
    static void close() {
        tagger.close();
    }

    @Test
    void poolsMicroFiguresOverAllDocuments() {
        // predicted 5 (d1 2, d2 1, d3 1, d4 1), correct 4 (cli acceptable in d1), gold 7, gold found 3
        assertThat(report.predicted()).isEqualTo(5);
        assertThat(report.correct()).isEqualTo(4);
        assertThat(report.gold()).isEqualTo(7);
        assertThat(report.goldFound()).isEqualTo(3);
        assertThat(report.micro().precision()).isCloseTo(0.8, within(EPS));
        assertThat(report.micro().recall()).isCloseTo(3.0 / 7, within(EPS));
        assertThat(report.micro().f1()).isCloseTo(2 * 0.8 * (3.0 / 7) / (0.8 + 3.0 / 7), within(EPS));
    }

    @Test
    void averagesMacroFiguresPerTag() {
        assertThat(report.macro().precision()).isCloseTo(4.0 / 5, within(EPS));
        assertThat(report.macro().recall()).isCloseTo((1.0 / 3 + 0 + 1 + 0 + 1) / 5, within(EPS));
        assertThat(report.macro().f1()).isCloseTo((0.5 + 0 + 1 + 0 + 1) / 5, within(EPS));
    }

    @Test
    void countsExactMatchesAndDocumentsWithACorrectTag() {
        assertThat(report.exactMatch()).isCloseTo(2.0 / 7, within(EPS)); // d4, and d5 (nothing fits, nothing predicted)
        assertThat(report.atLeastOneCorrect()).isCloseTo(3.0 / 7, within(EPS)); // d1, d2, d4
        assertThat(report.outOfList()).isZero();
        assertThat(report.goldNotInList()).isEmpty();
    }

    @Test
    void tabulatesEachTag() {
        assertThat(report.tags()).extracting(EvaluationReport.TagScore::tag)
                .containsExactlyInAnyOrder("ai", "cli", "database", "web-app", "game-engine ");
        EvaluationReport.TagScore ai = report.tags().stream().filter(t -> t.tag().equals("ai")).findFirst().orElseThrow();
        assertThat(List.of(ai.gold(), ai.predicted(), ai.correct(), ai.goldFound())).containsExactly(3, 1, 1, 1);
        assertThat(ai.precision()).isCloseTo(1.0, within(EPS));
        assertThat(ai.recall()).isCloseTo(1.0 / 3, within(EPS));
        assertThat(ai.f1()).isCloseTo(0.5, within(EPS));
        EvaluationReport.TagScore webApp = report.tags().stream().filter(t -> t.tag().equals("web-app")).findFirst().orElseThrow();
        assertThat(webApp.f1()).isZero();
    }

    @Test
    void countsAndReportsFailedDocumentsWithoutStoppingTheRun() {
        assertThat(report.documents()).isEqualTo(7);
        assertThat(report.failed()).isEqualTo(2);
        assertThat(report.perDocument()).extracting(EvaluationReport.DocumentScore::id)
                .containsExactly("d1", "d2", "d3", "d4", "d5", "d6", "d7");
        assertThat(report.perDocument().get(5).error()).contains("fake-eval: told to fail");
        assertThat(report.perDocument().get(6).error()).contains("document text is empty");
        assertThat(report.perDocument().get(5).predicted()).isEmpty();
    }

    @Test
    void ordersTheWorstDocumentsByTheirOwnF1() {
        assertThat(report.worst(3)).extracting(EvaluationReport.DocumentScore::id).containsExactly("d3", "d6", "d7");
        assertThat(report.worst(3).get(0).wrong()).containsExactly("web-app");
    }

    @Test
    void timesTheRunAfterAnUnscoredWarmUp() {
        assertThat(report.warmupSeconds()).isEqualTo(1.0);
        assertThat(report.seconds()).isEqualTo(1.0);
        assertThat(report.docsPerSecond()).isEqualTo(7.0);
        assertThat(report.cpuSecondsPerDocument()).isEqualTo(0.5);
    }

    @Test
    void writesEveryFigureAndOneEntryPerDocumentAsJson() {
        var json = report.toJsonNode(2);
        assertThat(json.get("micro").get("precision").asDouble()).isCloseTo(0.8, within(EPS));
        assertThat(json.get("failed").asInt()).isEqualTo(2);
        assertThat(json.get("outOfList").asInt()).isZero();
        assertThat(json.get("documents")).hasSize(7);
        assertThat(json.get("documents").get(0).get("id").asText()).isEqualTo("d1");
        assertThat(json.get("documents").get(0).get("predicted")).extracting(n -> n.asText()).containsExactly("ai", "cli");
        assertThat(json.get("documents").get(3).get("predicted").get(0).asText()).isEqualTo("game-engine ");
        assertThat(json.get("documents").get(5).get("error").asText()).contains("told to fail");
        assertThat(json.get("worst")).hasSize(2);
        assertThat(json.get("tags")).hasSize(5);
    }

    @Test
    void formatsAReadableReport() {
        String text = report.format(3);
        assertThat(text).contains("micro:  precision 0.800  recall 0.429  F1 0.558",
                "documents: 7 (failed: 2)", "predicted tags outside the list: 0", "'game-engine '", "worst documents:");
    }
}

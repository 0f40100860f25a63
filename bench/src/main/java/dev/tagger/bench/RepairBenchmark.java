package dev.tagger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TagSet;
import dev.tagger.extract.ReplyReader;
import dev.tagger.repair.JsonRepair;
import dev.tagger.repair.RepairException;
import dev.tagger.resolve.Resolution;
import dev.tagger.resolve.Resolver;
import dev.tagger.spi.Proposal;
import dev.tagger.spi.TokenUsage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Extract + repair + resolve against a plain parser, on the replies of {@link ReplyCorpus}.
 *
 * <ul>
 *   <li>{@code jacksonValid}: Jackson's {@code readTree} of the valid form of the reply (the baseline);</li>
 *   <li>{@code repairValid}: {@code JsonRepair.repair} of that same valid form (target: within 1.5x Jackson);</li>
 *   <li>{@code repairRaw}: {@code JsonRepair.repair} of the reply as sent (broken typical reply: target under 10 us);</li>
 *   <li>{@code readAndResolve}: the whole pipeline on the reply as sent: {@code ReplyReader.read}, then
 *       {@code Resolver.readAnswer} and {@code Resolver.resolve} against a 90-tag set.</li>
 * </ul>
 * Replies that cannot be repaired (1 MB of open brackets) measure the time to the {@code RepairException}.
 *
 * <p>Run: {@code mvn -o -q -B -pl bench -am package -DskipTests && java -jar bench/target/benchmarks.jar Repair}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RepairBenchmark {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Param({"clean-200B", "broken-200B", "clean-2KB", "broken-2KB", "reply-think-2KB", "clean-1MB", "broken-1MB",
            "brackets-1MB", "quotes-1MB", "backslashes-1MB"})
    public String reply;

    private String raw;
    private String valid;
    private TagSet tags;

    @Setup
    public void setUp() throws Exception {
        raw = ReplyCorpus.replies().get(reply);
        JsonNode answer;
        try {
            answer = ReplyReader.read(raw).value();
        } catch (RepairException e) {
            answer = MAPPER.nullNode();
        }
        valid = MAPPER.writeValueAsString(answer);
        tags = TagSet.ofNames(ReplyCorpus.tagNames().toArray(String[]::new));
    }

    @Benchmark
    public JsonNode jacksonValid() throws Exception {
        return MAPPER.readTree(valid);
    }

    @Benchmark
    public Object repairValid() {
        try {
            return JsonRepair.repair(valid);
        } catch (RepairException e) {
            return e;
        }
    }

    @Benchmark
    public Object repairRaw() {
        try {
            return JsonRepair.repair(raw);
        } catch (RepairException e) {
            return e;
        }
    }

    @Benchmark
    public Object readAndResolve() {
        try {
            JsonNode answer = ReplyReader.read(raw).value();
            Resolver.Answer a = Resolver.readAnswer(answer);
            Proposal p = new Proposal(a.candidates(), a.answeredId(), raw, List.of(), TokenUsage.NONE);
            Resolution r = Resolver.resolve(p, tags, 3, "7628");
            return r;
        } catch (RepairException e) {
            return e;
        }
    }
}

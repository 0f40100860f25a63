package dev.tagger.embedded;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

/** A bench main, not a test: embedding throughput of the document chunks with ONNX intra-op threads 1 vs default. */
public final class ThreadsProbe {

    static final class Tuned extends AbstractInProcessEmbeddingModel {
        private final OnnxBertBiEncoder encoder;

        Tuned(int threads) throws Exception {
            super(Executors.newFixedThreadPool(2, r -> {
                Thread t = new Thread(r);
                t.setDaemon(true);
                return t;
            }));
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions o = new OrtSession.SessionOptions();
            o.setIntraOpNumThreads(threads);
            ClassLoader cl = BgeSmallEnV15QuantizedEmbeddingModel.class.getClassLoader();
            byte[] model;
            try (InputStream in = cl.getResourceAsStream("bge-small-en-v1.5-q.onnx")) {
                model = in.readAllBytes();
            }
            try (InputStream tok = cl.getResourceAsStream("bge-small-en-v1.5-q-tokenizer.json")) {
                encoder = new OnnxBertBiEncoder(env, env.createSession(model, o), tok, PoolingMode.CLS);
            }
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }

        @Override
        protected Integer knownDimension() {
            return 384;
        }
    }

    public static void main(String[] args) throws Exception {
        List<List<String>> docs = new ArrayList<>();
        EmbeddedSettings s = EmbeddedSettings.defaults();
        Chunker chunker = new Chunker(s.leadWords(), s.chunkWords(), s.maxChunks());
        for (String text : BenchArgs.texts(Path.of(args[0]))) {
            docs.add(chunker.chunks(MarkdownCleaner.clean(text)).stream().map(Chunker.Chunk::text).toList());
        }
        EmbeddingModel def = EmbeddingModels.BGE_SMALL_EN_V15_Q.model();
        EmbeddingModel one = new Tuned(1);
        for (int round = 0; round < 2; round++) {
            for (var m : List.of(def, one)) {
                long t0 = System.nanoTime();
                for (List<String> d : docs) {
                    TagIndex.embed(m, d);
                }
                double sec = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%s: %.1f docs/s%n", m == def ? "default threads" : "intra-op 1, chunks in parallel", docs.size() / sec);
            }
        }
        float[] a = TagIndex.embed(def, docs.get(0)).clone()[0];
        float[] b = TagIndex.embed(one, docs.get(0))[0];
        System.out.println("same vector: " + TagIndex.dot(a, b));
    }
}

package dev.tagger.embedded;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.tagger.ConfigException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The in-process ONNX embedding models Tagger can use, each loaded at most once per JVM, on first use
 * (initialization-on-demand holders: the loaded model is immutable and thread-safe).
 */
enum EmbeddingModels {

    /** bge-small-en-v1.5, quantized: reads 510 tokens; the default. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v15-q") {
        @Override
        EmbeddingModel model() {
            return Bge.MODEL;
        }
    },
    /** all-MiniLM-L6-v2, quantized: reads 128 tokens; about twice as fast per token. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q") {
        @Override
        EmbeddingModel model() {
            return MiniLm.MODEL;
        }
    };

    private final String id;

    EmbeddingModels(String id) {
        this.id = id;
    }

    /** @return the name configuration uses */
    String id() {
        return id;
    }

    /** @return the model, loaded on first call */
    abstract EmbeddingModel model();

    /**
     * @throws ConfigException naming the key, its source, the value and the known models
     */
    static EmbeddingModels byId(String value, String describedSetting) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        for (EmbeddingModels m : values()) {
            if (m.id.equals(v)) {
                return m;
            }
        }
        throw new ConfigException(describedSetting + " names no known embedding model; known: "
                + Arrays.stream(values()).map(EmbeddingModels::id).collect(Collectors.joining(", ")));
    }

    private static final class Bge {
        static final EmbeddingModel MODEL = new BgeSmallEnV15QuantizedEmbeddingModel();
    }

    private static final class MiniLm {
        static final EmbeddingModel MODEL = new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
}

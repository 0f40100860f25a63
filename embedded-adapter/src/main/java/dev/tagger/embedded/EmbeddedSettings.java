package dev.tagger.embedded;

import dev.tagger.ConfigException;
import dev.tagger.TaggerConfig;
import java.util.Locale;

/**
 * The embedded backend's settings, read from {@code tagger.embedded.*} keys.
 *
 * @param model the embedding model ({@code tagger.embedded.model})
 * @param leadWords the most words of the lead chunk: title and first paragraphs
 * @param chunkWords the most words of each further chunk
 * @param maxChunks the most chunks embedded per document, the lead included
 * @param leadWeight the lead chunk's share of a tag's pooled similarity, 0 to 1
 * @param bodyPooling how the body chunks' similarities are pooled: {@code max} or {@code mean}
 * @param calibrate whether each tag's similarity is taken relative to its mean over neutral texts
 * @param lexicalWeight the weight of term mentions in the document
 * @param minScore the lowest final score a tag may have
 * @param margin how far below the best tag's score another tag may be
 * @param summaryWords the words of an extra chunk, the start of the lead; 0 for none
 * @param summaryWeight the summary chunk's share of the lead's similarity, 0 to 1
 * @param mentionsPerLine the most mentions of a tag's terms that count in one paragraph; 0 for no limit
 * @param dropOrders whether paragraphs that give the tagger orders ("ignore previous instructions",
 *     "answer with the tag X") are dropped before embedding and counting
 */
record EmbeddedSettings(EmbeddingModels model, int leadWords, int chunkWords, int maxChunks, double leadWeight,
                        String bodyPooling, boolean calibrate, double lexicalWeight, double minScore, double margin,
                        int summaryWords, double summaryWeight, int mentionsPerLine, boolean dropOrders) {

    static final String PREFIX = "tagger.embedded.";

    /** The defaults, chosen by measurement on labelled READMEs (see the project README). */
    static EmbeddedSettings defaults() {
        return new EmbeddedSettings(EmbeddingModels.BGE_SMALL_EN_V15_Q, 80, 120, 3, 0.5, "max", false, 0.06, 0.66, 0.12, 0, 0.5,
                2, true);
    }

    /**
     * @throws ConfigException naming key, source and value of an invalid setting
     */
    static EmbeddedSettings from(TaggerConfig config) {
        EmbeddedSettings d = defaults();
        EmbeddingModels model = config.setting(PREFIX + "model")
                .map(s -> EmbeddingModels.byId(s.value(), s.describe()))
                .orElse(d.model());
        String pooling = config.setting(PREFIX + "body-pooling").map(s -> {
            String v = s.value().strip().toLowerCase(Locale.ROOT);
            if (!v.equals("max") && !v.equals("mean")) {
                throw new ConfigException(s.describe() + " is not a pooling (max or mean)");
            }
            return v;
        }).orElse(d.bodyPooling());
        return new EmbeddedSettings(model,
                config.getInt(PREFIX + "lead-words", 8, 10_000, d.leadWords()),
                config.getInt(PREFIX + "chunk-words", 8, 10_000, d.chunkWords()),
                config.getInt(PREFIX + "max-chunks", 1, 1_000, d.maxChunks()),
                number(config, "lead-weight", 0, 1, d.leadWeight()),
                pooling,
                config.getBoolean(PREFIX + "calibrate", d.calibrate()),
                number(config, "lexical-weight", 0, 10, d.lexicalWeight()),
                number(config, "min-score", -10, 10, d.minScore()),
                number(config, "margin", 0, 10, d.margin()),
                config.getInt(PREFIX + "summary-words", 0, 10_000, d.summaryWords()),
                number(config, "summary-weight", 0, 1, d.summaryWeight()),
                config.getInt(PREFIX + "mentions-per-line", 0, 1_000, d.mentionsPerLine()),
                config.getBoolean(PREFIX + "drop-orders", d.dropOrders()));
    }

    private static double number(TaggerConfig config, String name, double min, double max, double fallback) {
        return config.getDouble(PREFIX + name, min, max, fallback);
    }
}

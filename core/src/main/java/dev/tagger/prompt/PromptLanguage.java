package dev.tagger.prompt;

import dev.tagger.ConfigException;
import java.util.Locale;

/**
 * The language of a prompt's instructions. Profiles with a Chinese variant (DeepSeekMath) use it for
 * Chinese documents; the others write English instructions whatever the document's language.
 */
public enum PromptLanguage {
    /** Chosen per document: Chinese when Han characters make up a large share of its prose letters. */
    AUTO,
    /** English instructions. */
    ENGLISH,
    /** Chinese instructions (for profiles that have them; English otherwise). */
    CHINESE;

    /**
     * Reads {@code auto}, {@code en}/{@code english} or {@code zh}/{@code chinese}, any case.
     *
     * @throws ConfigException naming the value and the accepted ones
     */
    public static PromptLanguage parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "auto", "" -> AUTO;
            case "en", "english" -> ENGLISH;
            case "zh", "chinese", "zh-cn", "cn" -> CHINESE;
            default -> throw new ConfigException("prompt language '" + value + "' is not one of auto, en, zh");
        };
    }
}

package dev.tagger.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tagger.TaggerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the bench mains share: settings from {@code key=value} arguments, texts from a labelled JSON Lines file. */
final class BenchArgs {

    private BenchArgs() {
    }

    /** Embedded settings from the defaults and the {@code key=value} arguments from index {@code from} on. */
    static EmbeddedSettings settings(String[] args, int from) {
        TaggerConfig.Builder cb = TaggerConfig.builder();
        for (int i = from; i < args.length; i++) {
            String[] kv = args[i].split("=", 2);
            cb.set(kv[0], kv[1]);
        }
        return EmbeddedSettings.from(cb.build());
    }

    /** The {@code text} of each non-blank line of a labelled JSON Lines file. */
    static List<String> texts(Path jsonl) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                texts.add(json.readTree(line).get("text").asText());
            }
        }
        return texts;
    }
}

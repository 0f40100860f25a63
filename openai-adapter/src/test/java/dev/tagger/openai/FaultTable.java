package dev.tagger.openai;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the fault scenarios' outcomes and HTTP call counts; written to target/ after the tests. */
final class FaultTable {

    private static final List<String> ROWS = new ArrayList<>();

    private FaultTable() {
    }

    static synchronized void row(String scenario, String outcome, int httpCalls) {
        ROWS.add("| " + scenario + " | " + outcome + " | " + httpCalls + " |");
    }

    static synchronized void write(String file) {
        StringBuilder sb = new StringBuilder("| scenario | outcome | HTTP calls |\n|---|---|---|\n");
        ROWS.forEach(r -> sb.append(r).append('\n'));
        System.out.println(sb);
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", file), sb.toString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.tagger.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects the fault scenarios' outcomes and HTTP call counts; written to target/ after the tests. */
public final class FaultTable {

    private static final List<String> ROWS = new ArrayList<>();

    private FaultTable() {
    }

    /** Adds a row: what the server did, what the tagger made of it, how many HTTP calls it took. */
    public static synchronized void row(String scenario, String outcome, int httpCalls) {
        ROWS.add("| " + scenario + " | " + outcome + " | " + httpCalls + " |");
    }

    /** Prints the table and writes it to {@code target/<file>}; call it after all rows. */
    public static synchronized void write(String file) {
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

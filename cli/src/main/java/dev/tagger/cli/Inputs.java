package dev.tagger.cli;

import dev.tagger.TaggerException;
import dev.tagger.TaggerException.Reason;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads the files and streams the commands take: {@code -} is standard input; text is UTF-8. */
final class Inputs {

    /** The argument that means standard input. */
    static final String STDIN = "-";

    private Inputs() {
    }

    /**
     * Reads a whole file, or standard input for {@code -}, as UTF-8; a leading byte-order mark is
     * dropped and malformed bytes become U+FFFD rather than failing the run.
     *
     * @param what what the file is, for messages ({@code "document"}, {@code "tag list"})
     * @throws TaggerException {@code IO} naming the file when it is missing, a directory or unreadable
     */
    static String readText(String arg, InputStream stdin, String what) {
        byte[] bytes;
        if (STDIN.equals(arg)) {
            try {
                bytes = stdin.readAllBytes();
            } catch (IOException e) {
                throw new TaggerException(Reason.IO, "", "cannot read " + what + " from standard input: " + e.getMessage(), e);
            }
        } else {
            bytes = readFile(path(arg, what), what);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** @throws TaggerException {@code IO} when the argument is no usable path */
    static Path path(String arg, String what) {
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            throw new TaggerException(Reason.IO, "", what + " '" + arg + "' is not a valid path: " + e.getReason(), e);
        }
    }

    /** @throws TaggerException {@code IO} naming the file when it is missing, a directory or unreadable */
    static void checkReadable(Path file, String what) {
        if (Files.isDirectory(file)) {
            throw new TaggerException(Reason.IO, what + " " + file + " is a directory, not a file");
        }
        if (!Files.exists(file)) {
            throw new TaggerException(Reason.IO, what + " not found: " + file);
        }
        if (!Files.isReadable(file)) {
            throw new TaggerException(Reason.IO, what + " " + file + " is not readable");
        }
    }

    private static byte[] readFile(Path file, String what) {
        checkReadable(file, what);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new TaggerException(Reason.IO, "", what + " not found: " + file, e);
        } catch (IOException e) {
            throw new TaggerException(Reason.IO, "", "cannot read " + what + " " + file + ": "
                    + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    /**
     * The document id a file argument implies: the file name without its last extension
     * ({@code docs/lumen-math.md} gives {@code lumen-math}; {@code .env} stays {@code .env}); {@code -}
     * gives {@code stdin}.
     */
    static String idOf(String arg) {
        if (STDIN.equals(arg)) {
            return "stdin";
        }
        Path name = path(arg, "document").getFileName();
        String s = name == null ? arg : name.toString();
        int dot = s.lastIndexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}

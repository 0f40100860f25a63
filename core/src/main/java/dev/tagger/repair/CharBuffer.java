package dev.tagger.repair;

import java.util.Arrays;

/**
 * A growable {@code char[]} for the string being read: like {@link StringBuilder} without its per-append
 * coder checks, which show in escape-heavy strings. Not thread-safe; one per parser.
 */
final class CharBuffer {

    private char[] chars = new char[64];
    private int length;

    int length() {
        return length;
    }

    char charAt(int i) {
        return chars[i];
    }

    void setLength(int newLength) {
        length = newLength;
    }

    CharBuffer append(char c) {
        if (length == chars.length) {
            chars = Arrays.copyOf(chars, chars.length * 2);
        }
        chars[length++] = c;
        return this;
    }

    CharBuffer append(String s, int from, int to) {
        int add = to - from;
        if (length + add > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, length + add));
        }
        s.getChars(from, to, chars, length);
        length += add;
        return this;
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }
}

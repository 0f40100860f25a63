package dev.tagger.embedded;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the code blocks of a README say about the kind of project: a library's README shows code that
 * imports it, a command-line tool's README shows shell commands with flags. The tag-term lists refer
 * to these counts as the pseudo-terms {@value #IMPORTS} and {@value #COMMANDS}.
 *
 * <p>Stateless; safe for use by many threads at once.
 */
final class CodeSignals {

    /** Pseudo-term: lines of code that import, include or require a module. */
    static final String IMPORTS = "@imports";
    /** Pseudo-term: shell command lines with flags, other than installers and common tools. */
    static final String COMMANDS = "@commands";

    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*(import\\s+[\\w.*{\"']|from\\s+[\\w.]+\\s+import\\s|#include\\s*[<\"]|use\\s+[\\w]+(::|;)"
                    + "|using\\s+[\\w.]+\\s*;|(const|let|var)\\s+[\\w{}\\s,]+=\\s*require\\s*\\(|require\\s*\\(?\\s*['\"]"
                    + "|extern\\s+crate\\s|@import\\s|library\\s*\\()");
    private static final Pattern COMMAND = Pattern.compile("^\\s*(?:[$%>]\\s+)?(?:sudo\\s+)?([a-z][\\w.-]*)\\s+(?:.*\\s)?--?[a-zA-Z]");
    /** Installers, build tools and everyday commands: their use says nothing about the project's kind. */
    private static final Set<String> COMMON = Set.of("npm", "npx", "pip", "pip3", "pipx", "cargo", "brew", "apt", "apt-get",
            "yum", "dnf", "pacman", "go", "docker", "docker-compose", "podman", "git", "curl", "wget", "make", "cd", "yarn",
            "pnpm", "bun", "gem", "composer", "python", "python3", "node", "java", "mvn", "gradle", "cmake", "export",
            "echo", "source", "conda", "poetry", "uv", "bundle", "dotnet", "rustup", "sh", "bash", "zsh", "chmod", "mkdir",
            "cp", "mv", "rm", "ln", "tar", "unzip", "scoop", "choco", "winget", "snap", "nix", "nix-env", "port", "pkg",
            "apk", "emerge", "zypper", "ls", "cat", "set", "env", "sed", "grep", "ssh", "scp", "kill", "gcc", "clang",
            "g++", "rustc", "javac", "deno", "ruby", "perl", "php", "dpkg", "rpm", "flatpak", "install", "tee", "open");

    private CodeSignals() {
    }

    /** @return the number of import lines in the code */
    static int imports(String code) {
        int n = 0;
        for (String line : code.split("\n")) {
            if (IMPORT.matcher(line).find()) {
                n++;
            }
        }
        return n;
    }

    /** @return the number of command lines with flags, installers and everyday commands left out */
    static int commands(String code) {
        int n = 0;
        for (String line : code.split("\n")) {
            Matcher m = COMMAND.matcher(line);
            if (m.find() && !COMMON.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                n++;
            }
        }
        return n;
    }
}

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

    /** Pseudo-term: lines of code that import, include or require a module other than a common one. */
    static final String IMPORTS = "@imports";
    /** Pseudo-term: shell command lines with flags, other than installers and common tools. */
    static final String COMMANDS = "@commands";

    /** An import line; the first group that matched names the module. */
    private static final Pattern IMPORT = Pattern.compile(
            "^\\s*(?:from\\s+([\\w.]+)\\s+import\\s"
                    + "|import\\s+(?:[\\w*{}\\s,]+\\s+from\\s+)?[\"']([^\"']+)[\"']"
                    + "|import\\s+(?:static\\s+)?([\\w.*]+)"
                    + "|#include\\s*[<\"]([^>\"]+)"
                    + "|use\\s+(\\w+)(?:::|;)"
                    + "|using\\s+([\\w.]+)\\s*;"
                    + "|(?:const|let|var)\\s+[\\w{}\\s,]+=\\s*require\\s*\\(\\s*[\"']([^\"']+)"
                    + "|require\\s*\\(?\\s*[\"']([^\"']+)"
                    + "|extern\\s+crate\\s+(\\w+)"
                    + "|@import\\s+[\"']?([^\"';\\s]+)"
                    + "|library\\s*\\(\\s*(\\w+))");
    /**
     * Standard libraries and ubiquitous frameworks: importing them is the context of usage code (an
     * application's, a model's), not a sign that the project is a library.
     */
    private static final Set<String> COMMON_MODULES = Set.of("os", "sys", "json", "re", "math", "time", "typing",
            "pathlib", "logging", "collections", "itertools", "functools", "subprocess", "asyncio", "random",
            "datetime", "dataclasses", "argparse", "io", "abc", "enum", "unittest", "torch", "transformers", "numpy",
            "pandas", "tensorflow", "sklearn", "matplotlib", "scipy", "jax", "accelerate", "datasets", "vllm", "peft",
            "react", "react-dom", "vue", "fs", "path", "http", "https", "util", "events", "stream", "crypto",
            "child_process", "java", "javax", "stdio.h", "stdlib.h", "string.h", "stdint.h", "stdbool.h", "iostream",
            "vector", "string", "map", "memory", "fmt", "std", "core", "alloc", "system", "sync", "net", "context");

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

    /** @return the number of lines importing a module other than a standard or ubiquitous one */
    static int imports(String code) {
        int n = 0;
        for (String line : code.split("\n")) {
            Matcher m = IMPORT.matcher(line);
            if (m.find() && !COMMON_MODULES.contains(root(m))) {
                n++;
            }
        }
        return n;
    }

    /** The imported module's first segment, lower case ({@code numpy.linalg} -> {@code numpy}). */
    private static String root(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) {
            String module = m.group(g);
            if (module != null) {
                String lower = module.toLowerCase(Locale.ROOT);
                if (COMMON_MODULES.contains(lower)) {
                    return lower;
                }
                String[] parts = lower.split("[./:]", 2);
                return parts[0].isEmpty() ? lower : parts[0];
            }
        }
        return "";
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

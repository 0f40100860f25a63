package dev.tagger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeSignalsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "import requests                         | 1",
            "from tinyfetch import get                | 1",
            "#include <yaml-cpp/yaml.h>               | 1",
            "use serde::Deserialize;                  | 1",
            "using Newtonsoft.Json;                   | 1",
            "const axios = require('axios');          | 1",
            "import { useForm } from 'react-hook-form' | 1",
            "pip install tinyfetch                    | 0",
            "from transformers import AutoModel       | 0",
            "import torch                             | 0",
            "import numpy.linalg as la                | 0",
            "#include <stdio.h>                       | 0",
            "import React from 'react'                | 0",
            "import java.util.List;                   | 0",
            "import dev.tagger.Tagger;                | 1",
            "#include \"raylib.h\"                    | 1",
            "x = important(1)                         | 0"})
    void countsImportLines(String line, int expected) {
        assertThat(CodeSignals.imports(line)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "$ bat --list-themes                      | 1",
            "hyperfine --warmup 3 'sleep 0.3'         | 1",
            "sudo guardwall scan -a                   | 1",
            "kcost top --namespace payments           | 1",
            "npm install -g something                 | 0",
            "docker run -p 8080:8080 grove/grove      | 0",
            "git clone --depth 1 repo                 | 0",
            "quill notes.md                           | 0"})
    void countsCommandLinesWithFlagsOtherThanEverydayTools(String line, int expected) {
        assertThat(CodeSignals.commands(line)).isEqualTo(expected);
    }

    @Test
    void countsPseudoTermsOnlyForTagsThatListThem() {
        TermIndex index = new TermIndex(List.of(List.of("library", CodeSignals.IMPORTS), List.of("cli", CodeSignals.COMMANDS),
                List.of("imports")));
        String code = "import a\nimport b\n$ tool --x\n";
        assertThat(index.countCode(code)).containsExactly(2, 1, 0);
        assertThat(index.count("it imports commands")).containsExactly(0, 0, 1);
    }

    @Test
    void keepsCodeBlocksOutOfTheProseButHandsThemOn() {
        var clean = MarkdownCleaner.clean("A tool.\n\n```sh\n$ tool --fast\n```\n");
        assertThat(clean.paragraphs()).containsExactly("A tool.");
        assertThat(clean.code()).isEqualTo("$ tool --fast\n");
    }
}

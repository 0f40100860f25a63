package dev.tagger.prompt;

import dev.langchain4j.model.input.PromptTemplate;
import dev.tagger.Tag;
import dev.tagger.spi.BackendRequest;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds the prompt for a tagging request. PLACEHOLDER: replaced by the profile- and budget-aware builder.
 */
public final class PromptBuilder {

    private static final PromptTemplate TEMPLATE = PromptTemplate.from(
            "Assign at most {{max}} tags to the document below, only from this list: {{tags}}.\n"
                    + "Answer with JSON only: {\"id\":\"{{id}}\",\"tags\":[...]}\n\n<document>\n{{document}}\n</document>");

    private PromptBuilder() {
    }

    /** @return a builder with the defaults */
    public static PromptBuilder defaults() {
        return new PromptBuilder();
    }

    /** Renders the prompt for one request. */
    public RenderedPrompt render(BackendRequest request) {
        String tags = request.tags().tags().stream().map(Tag::name).map(String::strip).collect(Collectors.joining(", "));
        String text = TEMPLATE.apply(Map.of("max", request.maxTags(), "tags", tags,
                "id", request.document().id(), "document", request.document().text())).text();
        if (!request.corrections().isEmpty()) {
            text += "\n\nYour previous answer was unusable: " + request.corrections().get(request.corrections().size() - 1);
        }
        return new RenderedPrompt(Optional.empty(), text, text.length() / 4);
    }
}

package dev.tagger.prompt;

import java.util.List;
import java.util.Objects;

/**
 * What the token budget did to one prompt.
 *
 * @param promptTokensBefore the prompt's size with the document as given (for a document of more than 32
 *     characters per token of the limit, extrapolated from the part that could ever fit)
 * @param promptTokensAfter the prompt's size as sent
 * @param limit the most tokens the prompt may take: context minus answer minus safety margin
 * @param documentTokensBefore the document's size as given (extrapolated likewise)
 * @param documentTokensAfter the document's size as sent
 * @param steps the budget steps applied, in order: names of the noise cleaners
 *     ({@code html-comments}, {@code badges}, {@code images}, {@code html-tags}, {@code link-urls},
 *     {@code blank-lines}, {@code long-tables}, {@code long-code-blocks}) and {@code tail} when the
 *     end of the document was cut; empty when the document was sent untouched
 */
public record BudgetReport(int promptTokensBefore, int promptTokensAfter, int limit,
                           int documentTokensBefore, int documentTokensAfter, List<String> steps) {

    /** Step name for cutting the end of the document. */
    public static final String TAIL = "tail";

    public BudgetReport {
        steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    }

    /** @return whether the document was sent exactly as given */
    public boolean untouched() {
        return steps.isEmpty();
    }

    /** @return whether the end of the document was cut */
    public boolean tailTrimmed() {
        return steps.contains(TAIL);
    }
}

package dev.tagger.repair;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tagger.TaggerException;
import java.util.List;

/**
 * Turns near-JSON into JSON. PLACEHOLDER: a lenient Jackson parse; replaced by the real repairer.
 */
public final class JsonRepair {

    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .build();

    private JsonRepair() {
    }

    /** @throws RepairException when no JSON can be made of the text */
    public static JsonNode repair(String text) {
        return repairWithReport(text).value();
    }

    /** @throws RepairException when no JSON can be made of the text */
    public static Repaired repairWithReport(String text) {
        try {
            JsonNode n = LENIENT.readTree(text);
            if (n == null || n.isMissingNode()) {
                throw new RepairException(TaggerException.Reason.NO_JSON, "no JSON value in " + text.length() + " characters");
            }
            return new Repaired(n, List.of());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new RepairException(TaggerException.Reason.NO_JSON, "cannot repair: " + e.getOriginalMessage());
        }
    }
}

package dev.tagger.extract;

import dev.tagger.TaggerException;
import dev.tagger.repair.JsonRepair;
import dev.tagger.repair.RepairException;
import dev.tagger.repair.Repaired;

/**
 * Finds the answer in a model's reply and repairs it. PLACEHOLDER: replaced by the real extractor.
 */
public final class ReplyReader {

    private ReplyReader() {
    }

    /** @throws RepairException when nothing JSON-like is in the reply */
    public static Repaired read(String reply) {
        int i = reply.lastIndexOf('{');
        if (i < 0) {
            throw new RepairException(TaggerException.Reason.NO_JSON, "no JSON value in a reply of " + reply.length() + " characters");
        }
        return JsonRepair.repairWithReport(reply.substring(i));
    }
}

/**
 * Repair: near-JSON in, a Jackson {@link com.fasterxml.jackson.databind.JsonNode} out.
 *
 * <p>Takes the answer text the {@link dev.tagger.extract extract} stage found (or any near-JSON text)
 * and hands on one JSON value with the list of {@link dev.tagger.repair.Repair fixes} applied, or throws a
 * {@link dev.tagger.repair.RepairException} with a reason. The entry point is
 * {@link dev.tagger.repair.JsonRepair}; the reader behind it is a package-private, hand-written,
 * single-pass lenient parser: linear in the length of the text, nesting bounded, length bounded, no
 * recursion on stray characters, so hostile replies fail fast instead of overflowing the stack.
 *
 * <p>Its behaviour follows the {@code jsonrepair} library where the two reference libraries disagree;
 * the cases where it deliberately differs from them are listed with reasons in the test resource
 * {@code repair/not-followed.txt}.
 */
package dev.tagger.repair;

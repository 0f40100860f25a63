/**
 * Test support shared by the modules' tests through core's test-jar: test backends
 * ({@code test-keywords}, {@code test-down}, {@code canned}) and the fault table the adapters'
 * fault scenarios write. The backends are not registered here: a module that wants one lists it in
 * its own {@code src/test/resources/META-INF/services}.
 */
package dev.tagger.testkit;

/**
 * Test backends shared by the modules' tests through core's test-jar. They are not registered here:
 * a module that wants one lists it in its own {@code src/test/resources/META-INF/services}.
 */
package dev.tagger.testkit;

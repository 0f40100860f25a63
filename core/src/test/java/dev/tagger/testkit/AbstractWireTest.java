package dev.tagger.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.findAll;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit5.WireMockRuntimeInfo;
import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/**
 * The base of the shared adapter scenarios: a WireMock server on a dynamic port, the adapter's
 * {@link Wire}, a fresh {@link TaggerFixture} and a zeroed {@link CannedBackendProvider} for each
 * test. One instance per class, so that argument sources may ask the wire.
 */
@WireMockTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AbstractWireTest {

    private final Wire wire;
    private TaggerFixture fixture;

    /** A test of the backend {@code wire} speaks to. */
    protected AbstractWireTest(Wire wire) {
        this.wire = wire;
    }

    @BeforeEach
    void newFixture(WireMockRuntimeInfo wm) {
        fixture = new TaggerFixture(wire, wm.getHttpBaseUrl());
        CannedBackendProvider.reset();
    }

    /** What the adapter's server speaks. */
    protected final Wire wire() {
        return wire;
    }

    /** This test's fixture, fresh for each test. */
    protected final TaggerFixture fixture() {
        return fixture;
    }

    /** The requests the server got on the chat endpoint so far, in order. */
    protected final List<LoggedRequest> chatRequests() {
        return findAll(postRequestedFor(urlEqualTo(wire.chatPath())));
    }

    /** How many requests the server got on the chat endpoint so far. */
    protected final int chatCalls() {
        return chatRequests().size();
    }
}

package io.cambist.testkit.venue;

/** Scripts a fake venue's answer to requests on one route. */
@FunctionalInterface
public interface RouteHandler {

    /** The answer to a request; runs on a server thread, may block briefly. */
    FakeResponse handle(RecordedRequest request);
}

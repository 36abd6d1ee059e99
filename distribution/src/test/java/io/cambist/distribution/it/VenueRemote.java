package io.cambist.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Container side: drives a fake venue started by {@link FakeVenues} through its control routes. */
public final class VenueRemote {

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public VenueRemote(String base) {
        this.base = URI.create(base);
    }

    /** Client order ids of every order request that reached the venue. */
    @SuppressWarnings("unchecked")
    public List<String> orderIds() {
        return (List<String>) MiniJson.at(MiniJson.parse(send("GET", "/it/orders")), "ids");
    }

    /** A counterparty fills the resting order. */
    public void fill(String clientOrderId) {
        send("POST", "/it/fill?id=" + URLEncoder.encode(clientOrderId, StandardCharsets.UTF_8));
    }

    private String send(String method, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10))
                    .method(method, HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new AssertionError(method + " " + path + " at the fake venue: " + r.statusCode() + " " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package io.cambist.exchange.kraken.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Captured-style Kraken payloads under {@code src/test/resources/io/cambist/exchange/kraken/internal/dto}. */
public final class Fixtures {

    private Fixtures() {
    }

    /** The text of one fixture, e.g. {@code http_get_asset_pairs.json}. */
    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/io/cambist/exchange/kraken/internal/dto/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

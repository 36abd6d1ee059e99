package io.cambist.exchange.kraken.internal.dto;

import java.util.List;

/**
 * Kraken's REST envelope: {@code {"error":[...],"result":...}}. A request failed when {@code error} holds anything,
 * e.g. {@code ["EOrder:Insufficient funds"]}; Kraken answers most errors with HTTP 200.
 *
 * @param error  Kraken's error strings, {@code Category:Message}
 * @param result the payload, absent on error
 * @param <T>    the payload type
 */
public record KrakenResponse<T>(List<String> error, T result) {

    public KrakenResponse {
        error = error == null ? List.of() : List.copyOf(error);
    }
}

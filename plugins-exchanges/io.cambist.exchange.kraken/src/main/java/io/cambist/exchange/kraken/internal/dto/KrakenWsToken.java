package io.cambist.exchange.kraken.internal.dto;

/**
 * The result of {@code POST /0/private/GetWebSocketsToken}: a token to subscribe to private WebSocket channels. It must
 * be used within {@code expires} seconds; once a private subscription is made, it lasts as long as the connection.
 *
 * @param token   the token
 * @param expires seconds it stays valid for a new connection (900)
 */
public record KrakenWsToken(String token, int expires) {

    @Override
    public String toString() {
        return "KrakenWsToken[expires=" + expires + "]";
    }
}

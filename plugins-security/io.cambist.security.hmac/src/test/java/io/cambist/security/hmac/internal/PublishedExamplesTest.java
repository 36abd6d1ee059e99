package io.cambist.security.hmac.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import io.cambist.api.security.SignatureInput;

/**
 * Every signature example the venues publish, through the schemes and through {@link SignTool}.
 */
class PublishedExamplesTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // Binance spot API, "SIGNED (TRADE and USER_DATA) endpoint security", HMAC keys, examples 1 to 3 and the
    // non-ASCII example: https://developers.binance.com/docs/binance-spot-api-docs/rest-api/request-security
    // (also github.com/binance/binance-spot-api-docs, rest-api.md). apiKey vmPUZE6m..., secretKey below.
    private static final String BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String BINANCE_PARAMS =
            "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";

    @Test
    void binanceExample1AllParametersInTheQueryString() {
        BinanceScheme scheme = new BinanceScheme();
        byte[] message = scheme.message(new SignatureInput("POST", "/api/v3/order", BINANCE_PARAMS, null, null, null));
        assertThat(scheme.encode(hmac("HmacSHA256", utf8(BINANCE_SECRET), message)))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
        assertThat(SignTool.sign("binance", utf8(BINANCE_SECRET), utf8(BINANCE_PARAMS), null, null, null, null))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void binanceExample2AllParametersInTheBody() {
        BinanceScheme scheme = new BinanceScheme();
        byte[] message = scheme.message(new SignatureInput("POST", "/api/v3/order", "", utf8(BINANCE_PARAMS), null,
                null));
        assertThat(scheme.encode(hmac("HmacSHA256", utf8(BINANCE_SECRET), message)))
                .isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void binanceExample3MixedQueryStringAndBodyWithoutSeparator() {
        BinanceScheme scheme = new BinanceScheme();
        byte[] message = scheme.message(new SignatureInput("POST", "/api/v3/order",
                "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC",
                utf8("quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559"), null, null));
        // "Note that the signature is different in example 3. There is no & between "GTC" and "quantity=1"."
        assertThat(new String(message, StandardCharsets.UTF_8)).contains("timeInForce=GTCquantity=1");
        assertThat(scheme.encode(hmac("HmacSHA256", utf8(BINANCE_SECRET), message)))
                .isEqualTo("0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77");
    }

    @Test
    void binanceNonAsciiSymbolIsSignedPercentEncoded() {
        String payload = "symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT"
                + "&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559";
        assertThat(SignTool.sign("binance", utf8(BINANCE_SECRET), utf8(payload), null, null, null, null))
                .isEqualTo("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3");
        // Binance reads HMAC signatures case-insensitively: decoding accepts upper case
        assertThat(new BinanceScheme().decode("E1353EC6B14D888F1164AE9AF8228A3DBD508BC82EB867DB8AB6046442F33EF3"))
                .isEqualTo(new BinanceScheme().decode("e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3"));
    }

    // Kraken spot REST authentication, "Examples" (buy 1.25 XBTUSD at $37,500):
    // https://docs.kraken.com/api/docs/guides/spot-rest-auth
    private static final String KRAKEN_SECRET =
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";

    @Test
    void krakenAddOrderExample() {
        String postData = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
        String expected = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";
        KrakenScheme scheme = new KrakenScheme();
        byte[] message = scheme.message(new SignatureInput("POST", "/0/private/AddOrder", "", utf8(postData),
                "1616492376594", null));
        byte[] key = java.util.Base64.getDecoder().decode(KRAKEN_SECRET);
        assertThat(scheme.encode(hmac("HmacSHA512", key, message))).isEqualTo(expected);
        assertThat(SignTool.sign("kraken", utf8(KRAKEN_SECRET), utf8(postData), "1616492376594", "/0/private/AddOrder",
                null, null)).isEqualTo(expected);
        assertThatThrownBy(() -> scheme.message(new SignatureInput("POST", "/0/private/AddOrder", "", null, null, null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nonce");
    }

    // Coinbase Exchange REST authentication, "Signing a Message": the prehash string is
    // timestamp + method + requestPath + body, HMAC-SHA256 with the base64-decoded secret, base64 output:
    // https://docs.cloud.coinbase.com/exchange/docs/rest-auth . Coinbase publishes code, not a test vector: the body
    // below is the one of its Node.js example, and the expected values were computed independently with
    // printf '%s' "$prehash" | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(base64 -d <<< $secret | xxd -p) -binary
    //   | base64
    private static final String COINBASE_SECRET = "c2VjcmV0LWtleS1mb3ItdGVzdGluZw==";

    @Test
    void coinbasePrehashAndSignature() {
        CoinbaseScheme scheme = new CoinbaseScheme();
        String body = "{\"price\":\"1.0\",\"size\":\"1.0\",\"side\":\"buy\",\"product_id\":\"BTC-USD\"}";
        SignatureInput order = new SignatureInput("POST", "/orders", "", utf8(body), null, "1700000000");
        assertThat(new String(scheme.message(order), StandardCharsets.UTF_8)).isEqualTo("1700000000POST/orders" + body);
        assertThat(SignTool.sign("coinbase", utf8(COINBASE_SECRET), utf8(body), null, "/orders", "1700000000", "POST"))
                .isEqualTo("2jrk3VOwxuiUcHTtKi1VqZzUOCP39SyVaS6GbWfZBTY=");
        assertThat(SignTool.sign("coinbase", utf8(COINBASE_SECRET), new byte[0], null, "/accounts", "1700000000",
                "GET")).isEqualTo("dgcz1T++XRhc5CRApfuPN0WYUe4852/vI9k8pDoKDvE=");
    }

    // The Cambist admin API recipe, worked example of docs/security.md ("Signing an admin request"); expected values
    // computed independently with sha256sum and openssl dgst -sha256 -hmac.
    static final String CAMBIST_SECRET = "demo-admin-secret-do-not-use-3f9a";
    static final String CAMBIST_BODY = "{\"overlap\":\"PT24H\"}";
    static final String CAMBIST_SIGNATURE = "0c14eb3a76f28ae08d7c9c2735e00397b8ddb2a634e51f1b55c5458d5e1f776c";

    @Test
    void cambistWorkedExample() {
        CambistScheme scheme = new CambistScheme();
        SignatureInput rotate = new SignatureInput("POST", "/api/v1/keys/binance-main/rotate", "", utf8(CAMBIST_BODY),
                "q7Ld0pX3vK9sT2mY5wZ8", "1767225600000");
        assertThat(new String(scheme.message(rotate), StandardCharsets.UTF_8)).isEqualTo("POST\n"
                + "/api/v1/keys/binance-main/rotate\n1767225600000\nq7Ld0pX3vK9sT2mY5wZ8\n"
                + "f142e4997697062f2ecbf36f69743824b055d6be1514a467932387f31cf7f5d7");
        assertThat(SignTool.sign("cambist", utf8(CAMBIST_SECRET), utf8(CAMBIST_BODY), "q7Ld0pX3vK9sT2mY5wZ8",
                "/api/v1/keys/binance-main/rotate", "1767225600000", "POST")).isEqualTo(CAMBIST_SIGNATURE);
        // a GET with a query and no body: the empty body hashes as e3b0c442...
        SignatureInput list = new SignatureInput("GET", "/api/v1/keys", "limit=10", null, "A1b2C3d4E5f6G7h8",
                "1767225600000");
        assertThat(new String(scheme.message(list), StandardCharsets.UTF_8)).endsWith(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(scheme.encode(hmac("HmacSHA256", utf8(CAMBIST_SECRET), scheme.message(list))))
                .isEqualTo("0a6c11e8565623a152a279d2ab689d0fef7f2ff29a9750e6622de07d6b4842ea");
    }

    @Test
    void signToolExplainsBadInput() {
        assertThatThrownBy(() -> SignTool.sign("bitfinex", utf8("s"), new byte[0], null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown scheme 'bitfinex': use one of binance, cambist, coinbase, kraken");
        assertThatThrownBy(() -> SignTool.sign("kraken", utf8(KRAKEN_SECRET + "\n"), new byte[0], "1", "/p", null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends with a newline")
                .hasMessageNotContaining(KRAKEN_SECRET);
        // raw bytes: a trailing newline in a UTF-8 secret is part of it (and changes the signature)
        assertThat(SignTool.sign("binance", utf8(BINANCE_SECRET + "\n"), utf8(BINANCE_PARAMS), null, null, null, null))
                .isNotEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    static byte[] hmac(String algorithm, byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

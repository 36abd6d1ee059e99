package io.cambist.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cambist sign} against the examples the venues publish (as the hmac bundle's own tests cite them). */
class SignCommandTest {

    // Binance spot API, "SIGNED (TRADE and USER_DATA) endpoint security", HMAC example (secretKey and query string)
    static final String BINANCE_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    static final String BINANCE_PAYLOAD = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1"
            + "&recvWindow=5000&timestamp=1499827319559";
    static final String BINANCE_SIGNATURE = "c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71";
    // Kraken spot REST authentication, "Examples" (buy 1.25 XBTUSD at $37,500)
    static final String KRAKEN_SECRET = "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==";
    static final String KRAKEN_POST = "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25";
    static final String KRAKEN_SIGNATURE = "4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==";

    @TempDir
    Path dir;

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static CommandRunner sign(Path secret, Path payload, String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "sign";
        args[1] = "--secret-file";
        args[2] = secret.toString();
        args[3] = "--payload-file";
        args[4] = payload.toString();
        System.arraycopy(more, 0, args, 5, more.length);
        return CommandRunner.run(args);
    }

    @Test
    void binanceAndKrakenDocumentedExamples() throws IOException {
        CommandRunner binance = sign(file("b.secret", BINANCE_SECRET), file("b.payload", BINANCE_PAYLOAD),
                "--scheme", "binance");
        assertThat(binance.exitCode).as(binance.err()).isZero();
        assertThat(binance.out()).isEqualTo(BINANCE_SIGNATURE + System.lineSeparator());

        CommandRunner kraken = sign(file("k.secret", KRAKEN_SECRET), file("k.payload", KRAKEN_POST), "--scheme", "kraken",
                "--nonce", "1616492376594", "--path", "/0/private/AddOrder");
        assertThat(kraken.exitCode).as(kraken.err()).isZero();
        assertThat(kraken.out()).isEqualTo(KRAKEN_SIGNATURE + System.lineSeparator());
    }

    @Test
    void theCambistSchemeIsTheAdminRecipe() throws IOException {
        // docs/security.md, "Signing an admin request": the worked example
        CommandRunner r = sign(file("c.secret", "demo-admin-secret-do-not-use-3f9a"), file("c.payload",
                "{\"overlap\":\"PT24H\"}"), "--scheme", "cambist", "--method", "POST", "--path",
                "/api/v1/keys/binance-main/rotate", "--timestamp", "1767225600000", "--nonce", "q7Ld0pX3vK9sT2mY5wZ8");
        assertThat(r.exitCode).as(r.err()).isZero();
        assertThat(r.out().strip()).isEqualTo("0c14eb3a76f28ae08d7c9c2735e00397b8ddb2a634e51f1b55c5458d5e1f776c");
    }

    @Test
    void aTrailingNewlineIsPartOfThePayloadAndNothingIsAddedOrRemoved() throws Exception {
        Path secret = file("s", BINANCE_SECRET);
        CommandRunner withNewline = sign(secret, file("p", BINANCE_PAYLOAD + "\n"), "--scheme", "binance");
        assertThat(withNewline.exitCode).isZero();
        String signature = withNewline.out().strip();
        assertThat(signature).isNotEqualTo(BINANCE_SIGNATURE).isEqualTo(hmacHex(BINANCE_SECRET, BINANCE_PAYLOAD + "\n"));

        // a secret file written with echo (trailing newline) is a different key, byte for byte
        CommandRunner echoed = sign(file("s2", BINANCE_SECRET + "\n"), file("p2", BINANCE_PAYLOAD), "--scheme", "binance");
        assertThat(echoed.out().strip()).isEqualTo(hmacHex(BINANCE_SECRET + "\n", BINANCE_PAYLOAD))
                .isNotEqualTo(BINANCE_SIGNATURE);
        // an empty payload signs the empty message
        CommandRunner empty = sign(secret, file("p3", ""), "--scheme", "binance");
        assertThat(empty.out().strip()).isEqualTo(hmacHex(BINANCE_SECRET, ""));
    }

    @Test
    void mistakesAreOneLine() throws IOException {
        Path secret = file("s", BINANCE_SECRET);
        Path payload = file("p", BINANCE_PAYLOAD);
        CommandRunner unknown = sign(secret, payload, "--scheme", "bitfinex");
        assertThat(unknown.exitCode).isEqualTo(2);
        assertThat(unknown.errLines()).containsExactly("cambist: unknown scheme 'bitfinex': use one of binance, cambist,"
                + " coinbase, kraken (see 'cambist sign --help')");
        CommandRunner noNonce = sign(file("k", KRAKEN_SECRET), payload, "--scheme", "kraken", "--path", "/0/private/x");
        assertThat(noNonce.exitCode).isEqualTo(2);
        assertThat(noNonce.err()).contains("nonce");
        CommandRunner notBase64 = sign(file("k2", KRAKEN_SECRET + "\n"), payload, "--scheme", "kraken", "--nonce", "1",
                "--path", "/0/private/x");
        assertThat(notBase64.exitCode).isEqualTo(2);
        assertThat(notBase64.err()).contains("ends with a newline");
        CommandRunner missing = sign(dir.resolve("nope"), payload, "--scheme", "binance");
        assertThat(missing.exitCode).isEqualTo(1);
        assertThat(missing.errLines()).containsExactly("cambist: secret file " + dir.resolve("nope") + " does not exist");
        assertThat(CommandRunner.run("sign", "--scheme", "binance").exitCode).isEqualTo(2);
    }

    private static String hmacHex(String secret, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    }
}

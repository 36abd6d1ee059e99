package io.cambist.launcher.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code cambist api} against a small admin API on 127.0.0.1 that checks every request with the signing recipe of
 * docs/admin-api.md, computed here independently (javax.crypto), and refuses a reused nonce as the real one does.
 */
class ApiCommandTest {

    static final String SECRET = "3q2-7wX1kPz0YbVn8cR4sT6uE9gH5jL2";

    @TempDir
    Path data;

    private HttpServer server;
    private String origin;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> nonces = ConcurrentHashMap.newKeySet();

    record Received(String method, String pathAndQuery, String contentType, byte[] body, String nonce) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        origin = "http://127.0.0.1:" + server.getAddress().getPort();
        Files.writeString(data.resolve("admin.key"), "{\"keyId\": \"admin\", \"secret\": \"" + SECRET + "\"}\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String pathAndQuery = x.getRequestURI().getRawPath()
                + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
        String key = x.getRequestHeaders().getFirst("X-Cambist-Key");
        String ts = x.getRequestHeaders().getFirst("X-Cambist-Timestamp");
        String nonce = x.getRequestHeaders().getFirst("X-Cambist-Nonce");
        String signature = x.getRequestHeaders().getFirst("X-Cambist-Signature");
        received.add(new Received(x.getRequestMethod(), pathAndQuery, x.getRequestHeaders().getFirst("Content-Type"),
                body, nonce));
        if (key == null || ts == null || nonce == null || signature == null) {
            respond(x, 401, "{\"error\":\"missing header\"}");
        } else if (!nonce.matches("[A-Za-z0-9_-]{16,64}")) {
            respond(x, 401, "{\"error\":\"malformed header X-Cambist-Nonce\"}");
        } else if (Math.abs(System.currentTimeMillis() - Long.parseLong(ts)) > 30_000) {
            respond(x, 401, "{\"error\":\"timestamp outside window\"}");
        } else if (!key.equals("admin") || !signature.equals(recipe(x.getRequestMethod(), pathAndQuery, ts, nonce, body))) {
            respond(x, 401, "{\"error\":\"signature mismatch\",\"detail\":\"the signature does not match the request\"}");
        } else if (!nonces.add(nonce)) {
            respond(x, 401, "{\"error\":\"nonce already used\"}");
        } else if (pathAndQuery.equals("/api/v1/boom")) {
            respond(x, 500, "{\"error\":\"internal error\",\"detail\":\"reference 42\"}");
        } else if (pathAndQuery.equals("/api/v1/empty")) {
            x.sendResponseHeaders(204, -1);
            x.close();
        } else {
            respond(x, 200, "{\"method\":\"" + x.getRequestMethod() + "\",\"path\":\"" + pathAndQuery.replace("\"", "")
                    + "\",\"bodyBytes\":" + body.length + ",\"price\":0.00000123,\"list\":[1,2],\"empty\":{}}");
        }
    }

    /** lowercase hex HMAC-SHA256 (secret as UTF-8) of METHOD \n PATH_AND_QUERY \n TIMESTAMP \n NONCE \n hex(SHA-256(body)). */
    static String recipe(String method, String pathAndQuery, String ts, String nonce, byte[] body) {
        try {
            String bodyHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String message = method + "\n" + pathAndQuery + "\n" + ts + "\n" + nonce + "\n" + bodyHash;
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private CommandRunner api(String... args) {
        return api(null, args);
    }

    private CommandRunner api(byte[] stdin, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "api";
        all[1] = "--data";
        all[2] = data.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return CommandRunner.run(cli -> {
            if (stdin != null) {
                ((ApiCommand) cli.getSubcommands().get("api").getCommand()).stdin = new ByteArrayInputStream(stdin);
            }
        }, all);
    }

    @Test
    void aSignedGetPrintsTheAnswerIndentedWithItsNumbersAsSent() {
        CommandRunner r = api("--url", origin, "GET", "/api/v1/orders?open=true&limit=5");
        assertThat(r.exitCode).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("""
                {
                  "method": "GET",
                  "path": "/api/v1/orders?open=true&limit=5",
                  "bodyBytes": 0,
                  "price": 0.00000123,
                  "list": [
                    1,
                    2
                  ],
                  "empty": {}
                }
                """);
        assertThat(r.err()).isEmpty();
        assertThat(received).singleElement().satisfies(q -> {
            assertThat(q.contentType()).isNull();
            assertThat(q.nonce()).matches("[0-9a-f]{32}");
        });
    }

    @Test
    void bodiesFromAFileStdinOrTheCommandLineAreSignedAsSent() throws IOException {
        Path json = Files.writeString(data.resolve("halt.json"), "{\"reason\":\"drill\"}\n");
        assertThat(api("--url", origin, "POST", "/api/v1/halt", "--body", json.toString()).exitCode).isZero();
        Path jar = Files.write(data.resolve("plugin.jar"), new byte[] { 'P', 'K', 3, 4, 0, (byte) 0xff });
        assertThat(api("--url", origin, "put", "/api/v1/bundles/72", "--body", jar.toString()).exitCode).isZero();
        assertThat(api("{\"a\":1}".getBytes(StandardCharsets.UTF_8), "--url", origin, "POST", "/api/v1/x", "--body", "-")
                .exitCode).isZero();
        assertThat(api("--url", origin, "POST", "/api/v1/strategies/demo/halt", "--json", "{\"reason\":\"é\"}").exitCode)
                .isZero();

        assertThat(received).hasSize(4);
        assertThat(received.get(0).body()).isEqualTo(Files.readAllBytes(json));
        assertThat(received.get(0).contentType()).isEqualTo("application/json");
        assertThat(received.get(1).method()).isEqualTo("PUT");
        assertThat(received.get(1).body()).isEqualTo(Files.readAllBytes(jar));
        assertThat(received.get(1).contentType()).isEqualTo("application/java-archive");
        assertThat(new String(received.get(2).body(), StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        assertThat(received.get(3).body()).isEqualTo("{\"reason\":\"é\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(received).extracting(Received::nonce).doesNotHaveDuplicates();
    }

    @Test
    void anErrorAnswerIsPrintedAndExitsWith1() throws IOException {
        CommandRunner boom = api("--url", origin, "GET", "/api/v1/boom");
        assertThat(boom.exitCode).isEqualTo(1);
        assertThat(boom.out()).contains("\"error\": \"internal error\"", "\"detail\": \"reference 42\"");
        assertThat(boom.errLines()).containsExactly("cambist: the admin API answered 500 to GET /api/v1/boom");

        Files.writeString(data.resolve("admin.key"), "{\"keyId\": \"admin\", \"secret\": \"not-the-secret\"}");
        CommandRunner refused = api("--url", origin, "GET", "/api/v1/strategies");
        assertThat(refused.exitCode).isEqualTo(1);
        assertThat(refused.out()).contains("\"error\": \"signature mismatch\"");

    }

    @Test
    void aNoContentAnswerPrintsNothingAndExitsWith0() {
        CommandRunner empty = api("--url", origin, "DELETE", "/api/v1/empty");
        assertThat(empty.exitCode).isZero();
        assertThat(empty.out()).isEmpty();
        assertThat(empty.err()).isEmpty();
    }

    @Test
    void theAddressComesFromUrlThenAdminUrlThenTheDefault() throws IOException {
        Files.writeString(data.resolve("admin.url"), origin + "\n");
        CommandRunner viaFile = api("GET", "/api/v1/strategies");
        assertThat(viaFile.exitCode).as(viaFile.err()).isZero();
        assertThat(received).hasSize(1);

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        CommandRunner nobody = api("--url", "http://127.0.0.1:" + closed + "/api/v1", "GET", "/api/v1/strategies");
        assertThat(nobody.exitCode).isEqualTo(1);
        assertThat(nobody.errLines()).containsExactly("cambist: cannot connect to the admin API at http://127.0.0.1:"
                + closed + "; is Cambist running? (start it with cambist run, or give its address with --url)");
        assertThat(received).hasSize(1);
    }

    @Test
    void usageMistakesAndAMissingKeyAreOneLine() throws IOException {
        assertThat(api("--url", origin, "GE T", "/api/v1/x").errLines())
                .containsExactly("cambist: 'GE T' is not an HTTP method such as GET or POST (see 'cambist api --help')");
        CommandRunner relative = api("--url", origin, "GET", "api/v1/x");
        assertThat(relative.exitCode).isEqualTo(2);
        assertThat(relative.errLines()).containsExactly("cambist: PATH must start with /, e.g. /api/v1/strategies"
                + " (see 'cambist api --help')");
        assertThat(api("--url", origin, "POST", "/api/v1/x", "--json", "{}", "--body", "-").exitCode).isEqualTo(2);
        assertThat(api("--url", "ftp://host", "GET", "/api/v1/x").exitCode).isEqualTo(2);
        assertThat(api("GET").exitCode).isEqualTo(2);

        Files.delete(data.resolve("admin.key"));
        CommandRunner noKey = api("--url", origin, "GET", "/api/v1/strategies");
        assertThat(noKey.exitCode).isEqualTo(1);
        assertThat(noKey.errLines()).containsExactly("cambist: no admin key at " + data.resolve("admin.key")
                + "; start Cambist once with this data directory (cambist run) to create it, or pass the right one"
                + " with --data");
        assertThat(received).isEmpty();
    }
}

package io.cambist.admin.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.cambist.admin.internal.testing.CambistSigning;
import io.cambist.admin.internal.testing.FakeVerifier;
import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;

/** The worked examples of docs/admin-api.md: the values printed there are the values the API signs and checks. */
class SigningExampleTest {

    static final String SECRET = "3q2-7wX1kPz0YbVn8cR4sT6uE9gH5jL2";
    static final String TIMESTAMP = "1767225600000";
    static final String NONCE = "4f1c2a9be07d43b8a6c5d2e1f0a9b8c7";

    @Test
    void theDocumentedMessagesAndSignatures() {
        assertThat(CambistSigning.message("GET", "/api/v1/orders?open=true", TIMESTAMP, NONCE, new byte[0])).isEqualTo(
                "GET\n/api/v1/orders?open=true\n1767225600000\n4f1c2a9be07d43b8a6c5d2e1f0a9b8c7\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(CambistSigning.sign(SECRET, CambistSigning.message("GET", "/api/v1/orders?open=true", TIMESTAMP, NONCE,
                new byte[0]))).isEqualTo("e801346c032724e6b5f65f30cd7ff9bbef768d99d923479ef2497b7776a116be");
        byte[] body = "{\"reason\":\"drill\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(CambistSigning.sha256Hex(body)).isEqualTo("6e73b03279e65cb47e4b429102e71b5afba44ab6734d75ba15677696dd866644");
        assertThat(CambistSigning.sign(SECRET, CambistSigning.message("POST", "/api/v1/halt", TIMESTAMP, NONCE, body)))
                .isEqualTo("2785a647882a36bcb5b8f8fc9260fc4c49c5f48b653c82f5340af170c47d168c");
    }

    @Test
    void theDocumentedHeadersPassTheFilter() {
        TestApi t = new TestApi();
        FakeVerifier verifier = new FakeVerifier(Map.of("admin", SECRET), Map.of("admin", Set.of(Scope.ADMIN, Scope.READ)));
        t.verifierSource.set(verifier);
        Reply r = t.api().signWith(null).send("POST", "halt", "application/json",
                "{\"reason\":\"drill\"}".getBytes(StandardCharsets.UTF_8),
                Map.of(SignedRequest.KEY, "admin", SignedRequest.TIMESTAMP, TIMESTAMP, SignedRequest.NONCE, NONCE,
                        SignedRequest.SIGNATURE, "2785a647882a36bcb5b8f8fc9260fc4c49c5f48b653c82f5340af170c47d168c"));
        // verified; the strategy runner is absent in this test, so the resource answers 503
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.json().get("error").asText()).isEqualTo("strategy runner unavailable");
        assertThat(verifier.required).isEqualTo(List.of(Scope.ADMIN));
    }
}

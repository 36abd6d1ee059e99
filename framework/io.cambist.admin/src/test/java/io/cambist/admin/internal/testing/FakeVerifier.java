package io.cambist.admin.internal.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cambist.api.security.RequestVerifier;
import io.cambist.api.security.Scope;
import io.cambist.api.security.SignedRequest;
import io.cambist.api.security.Verification;

/**
 * A request verifier that checks the real cambist recipe against known keys (so the filter must hand over exactly the
 * signed method, path, query and body), refuses replays, and records what it saw.
 */
public final class FakeVerifier implements RequestVerifier {

    private final Map<String, String> secrets;
    private final Map<String, Set<Scope>> scopes;
    private final Set<String> nonces = new HashSet<>();
    public final List<SignedRequest> seen = new ArrayList<>();
    public final List<Scope> required = new ArrayList<>();

    public FakeVerifier(Map<String, String> secrets, Map<String, Set<Scope>> scopes) {
        this.secrets = secrets;
        this.scopes = scopes;
    }

    /** One admin key {@code admin} with scopes admin and read. */
    public static FakeVerifier admin(String secret) {
        return new FakeVerifier(Map.of("admin", secret), Map.of("admin", Set.of(Scope.ADMIN, Scope.READ)));
    }

    @Override
    public synchronized Verification verify(SignedRequest request, Scope scope) {
        seen.add(request);
        required.add(scope);
        for (String h : List.of(SignedRequest.KEY, SignedRequest.TIMESTAMP, SignedRequest.NONCE, SignedRequest.SIGNATURE)) {
            if (request.header(h) == null) {
                return new Verification.Refused(401, "missing header " + h);
            }
        }
        String key = request.header(SignedRequest.KEY);
        String secret = secrets.get(key);
        if (secret == null) {
            return new Verification.Refused(401, "unknown key");
        }
        String expected = CambistSigning.sign(secret, CambistSigning.message(request.method(), request.pathAndQuery(),
                request.header(SignedRequest.TIMESTAMP), request.header(SignedRequest.NONCE), request.body()));
        if (!expected.equals(request.header(SignedRequest.SIGNATURE))) {
            return new Verification.Refused(401, "signature mismatch");
        }
        if (!nonces.add(key + ":" + request.header(SignedRequest.NONCE))) {
            return new Verification.Refused(401, "nonce already used");
        }
        if (!scopes.get(key).contains(scope)) {
            return new Verification.Refused(403, "key lacks scope " + scope.label());
        }
        return new Verification.Verified(key, 1, scopes.get(key));
    }

    public synchronized SignedRequest last() {
        return seen.get(seen.size() - 1);
    }
}

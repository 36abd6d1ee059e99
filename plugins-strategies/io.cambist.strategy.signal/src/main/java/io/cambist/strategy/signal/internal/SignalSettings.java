package io.cambist.strategy.signal.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.cambist.api.security.KeyAliases;
import io.cambist.api.strategy.Parameters;

/**
 * A signal bot's parameters, shared by the bot and by its webhook, checked with messages that say what to fix.
 *
 * @param defaultQuote  quote amount of a buy whose alert gives no size, or {@code null}
 * @param auth          which authentication the webhook accepts
 * @param webhookKey    vault alias of the secret alerts carry, or {@code null} when only signatures are accepted
 * @param signingKeys   key aliases allowed to sign alerts; empty for any key with the {@code webhook} scope
 * @param allowFrom     source networks alerts may come from; empty for anywhere
 * @param windowSeconds how far an alert's time may be from the server's clock
 */
record SignalSettings(BigDecimal defaultQuote, AuthMode auth, String webhookKey, List<String> signingKeys,
        List<Cidr> allowFrom, long windowSeconds) {

    static final long DEFAULT_WINDOW = 300;
    static final long MAX_WINDOW = 86_400;

    /** The settings for the webhook: authentication must be complete. */
    static SignalSettings from(Parameters p) {
        return from(p, true);
    }

    /**
     * The settings.
     *
     * @param forAlerts false in a backtest, where alerts come from a file and no key is needed
     */
    static SignalSettings from(Parameters p, boolean forAlerts) {
        BigDecimal quote = p.decimal("defaultQuote", null);
        if (quote != null && quote.signum() <= 0) {
            throw new IllegalArgumentException("defaultQuote " + quote.toPlainString() + " must be positive");
        }
        AuthMode auth = p.enumValue("auth", AuthMode.class, AuthMode.SECRET);
        String key = p.string("webhookKey", null);
        if (auth.allowsSecret() && (forAlerts || key != null)) {
            if (key == null) {
                throw new IllegalArgumentException("webhookKey is required with auth="
                        + auth.name().toLowerCase(java.util.Locale.ROOT) + ": create a key with the webhook scope in the "
                        + "vault (POST /api/v1/keys {\"alias\": \"...\", \"scopes\": [\"webhook\"]}) and name its "
                        + "alias here");
            }
            KeyAliases.check(key);
        }
        List<String> signers = new ArrayList<>();
        for (String s : p.string("signingKeys", "").split(",")) {
            if (!s.isBlank()) {
                signers.add(KeyAliases.check(s.trim()));
            }
        }
        List<Cidr> allow = new ArrayList<>();
        for (String s : p.string("allowFrom", "").split(",")) {
            if (!s.isBlank()) {
                allow.add(Cidr.parse(s));
            }
        }
        long window = p.integer("window", (int) DEFAULT_WINDOW);
        if (window < 1 || window > MAX_WINDOW) {
            throw new IllegalArgumentException("window " + window + " must be between 1 and " + MAX_WINDOW + " seconds");
        }
        return new SignalSettings(quote, auth, auth.allowsSecret() ? key : null, List.copyOf(signers), List.copyOf(allow),
                window);
    }

    /** True when the source address may send alerts. */
    boolean allows(String remote) {
        return allowFrom.isEmpty() || allowFrom.stream().anyMatch(c -> c.matches(remote));
    }
}

package io.cambist.strategy.signal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One signal bot: the reserved keys the core reads, position sizing, and how its webhook authenticates alerts. */
@ObjectClassDefinition(id = SignalStrategy.PID, name = "Signal bot",
        description = "Trades on alerts sent to POST /webhooks/signal/{botId} (TradingView, AI agents, any system that "
                + "can POST JSON), authenticated, replay-protected and audited.")
@interface SignalConfiguration {

    @AttributeDefinition(name = "Instrument", description = "The instrument to trade, BASE/QUOTE (read by the core).")
    String instrument();

    @AttributeDefinition(name = "Account", description = "The venue account to trade on (read by the core).")
    String account() default "paper";

    @AttributeDefinition(name = "Enabled", description = "False keeps the bot configured but stopped (read by the core).")
    boolean enabled() default true;

    @AttributeDefinition(name = "Default quote amount", required = false, description = "Quote amount of a buy whose "
            + "alert gives neither size nor sizeQuote; buys are capped by the free quote balance.")
    String defaultQuote();

    @AttributeDefinition(name = "Authentication", description = "secret: a secret in the alert body (TradingView); "
            + "signature: the admin signature headers with a webhook-scoped key; both: either.",
            options = {@Option(label = "Secret in the body", value = "secret"),
                @Option(label = "Signed request", value = "signature"), @Option(label = "Either", value = "both")})
    String auth() default "secret";

    @AttributeDefinition(name = "Webhook key", required = false, description = "Alias of the vault key whose secret "
            + "alerts carry (required with auth secret or both). The secret itself never goes in a configuration.")
    String webhookKey();

    @AttributeDefinition(name = "Signing keys", required = false, description = "Comma-separated aliases of the keys "
            + "allowed to sign alerts; empty: any key with the webhook scope.")
    String signingKeys();

    @AttributeDefinition(name = "Allowed sources", required = false, description = "Comma-separated IP addresses or "
            + "CIDR networks alerts may come from; empty: anywhere.")
    String allowFrom();

    @AttributeDefinition(name = "Time window (s)", description = "An alert whose time is further than this from the "
            + "server's clock is refused as stale.", min = "1", max = "86400")
    int window() default 300;
}

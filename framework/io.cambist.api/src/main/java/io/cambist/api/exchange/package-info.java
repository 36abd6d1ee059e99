/**
 * The exchange SPI: what a connector bundle implements to bring one venue account into Cambist
 * ({@link io.cambist.api.exchange.ExchangeConnector}), the callbacks through which it feeds market data and executions
 * to the core, connection status, the typed exceptions venue errors map to, and the simulated venues that backtests
 * and paper trading run on. A connector never sees a raw secret: it signs through
 * {@link io.cambist.api.security.Signer}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cambist.api.exchange;

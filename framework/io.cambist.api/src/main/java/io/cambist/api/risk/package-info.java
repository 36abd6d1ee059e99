/**
 * Pre-trade risk. Every order intent passes every registered {@link io.cambist.api.risk.RiskRule} before it is
 * journaled; a rule accepts it, shrinks it, rejects it with a reason the strategy receives as a REJECTED order event,
 * or halts the instance. The core ships rules for order notional, position size, open order count and daily loss;
 * plugins add their own as services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cambist.api.risk;

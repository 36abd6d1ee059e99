/**
 * The trading vocabulary shared by every Cambist bundle: instruments, market data events (tickers, trades, order
 * books, candles), sides, order types, time in force, order identifiers, balances and the trading rules of an
 * instrument. Everything here is an immutable value; quantities and prices are {@link java.math.BigDecimal} and times
 * are Unix epoch milliseconds (UTC).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cambist.api.model;

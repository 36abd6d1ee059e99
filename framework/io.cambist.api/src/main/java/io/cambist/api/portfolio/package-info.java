/**
 * The portfolio the core derives from fills: balances per venue account, positions per instrument (and per strategy
 * instance) with average entry price, realized and unrealized profit and loss and fees, and equity valued in a chosen
 * currency. Strategies and the admin API read it; only the core changes it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.cambist.api.portfolio;

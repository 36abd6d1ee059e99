package io.cambist.exchange.paper.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Currencies;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;

/**
 * A paper account's configuration, parsed and checked: every error names the setting and says what it should be.
 *
 * @param account     account id (safe as a directory name)
 * @param instrument  the instrument
 * @param synthetic   true for the synthetic market, false for a candle file
 * @param file        the candle file (absolute), or {@code null}
 * @param timeframe   candle width, or {@code null} to infer it from the file
 * @param seed        synthetic seed
 * @param startPrice  synthetic start price
 * @param volatility  synthetic volatility per candle, percent
 * @param speed       replay pace
 * @param makerFee    maker fee rate
 * @param takerFee    taker fee rate
 * @param balances    starting balances of a new account
 * @param tickSize    price increment, or {@code null} for the market's own
 * @param stepSize    quantity increment, 0 for none
 * @param minNotional smallest order notional, 0 for none
 * @param volumeLimit share of a candle's volume orders may fill, 0 for no limit
 */
public record PaperSettings(String account, Instrument instrument, boolean synthetic, Path file, Timeframe timeframe,
        long seed, BigDecimal startPrice, BigDecimal volatility, Speed speed, BigDecimal makerFee, BigDecimal takerFee,
        Map<String, BigDecimal> balances, BigDecimal tickSize, BigDecimal stepSize, BigDecimal minNotional,
        BigDecimal volumeLimit) {

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Starting quote balance when none is configured. */
    static final BigDecimal DEFAULT_QUOTE_BALANCE = new BigDecimal("10000");

    public PaperSettings {
        balances = Map.copyOf(new TreeMap<>(balances));
    }

    /**
     * Parses a configuration.
     *
     * @param home directory relative candle files are resolved against, or {@code null} for the working directory
     * @throws IllegalArgumentException naming the setting that is wrong
     */
    static PaperSettings from(PaperConfiguration c, Path home) {
        String account = c.account() == null ? "" : c.account().strip();
        if (!ACCOUNT.matcher(account).matches()) {
            throw new IllegalArgumentException("account '" + c.account()
                    + "' must be 1 to 64 letters, digits, '_' or '-' (it names the state directory)");
        }
        Instrument instrument;
        try {
            instrument = Instrument.parse(c.instrument());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("instrument: " + e.getMessage());
        }
        String source = c.source() == null ? "synthetic" : c.source().strip().toLowerCase(Locale.ROOT);
        if (!source.equals("synthetic") && !source.equals("file")) {
            throw new IllegalArgumentException("source '" + c.source() + "' must be synthetic or file");
        }
        boolean synthetic = source.equals("synthetic");
        Path file = null;
        if (!synthetic) {
            if (c.file() == null || c.file().isBlank()) {
                throw new IllegalArgumentException("source=file needs a file: set file to a JSON or CSV candle file");
            }
            Path p = Path.of(c.file().strip());
            file = (p.isAbsolute() || home == null ? p : home.resolve(p)).toAbsolutePath().normalize();
        }
        Timeframe timeframe = null;
        if (c.timeframe() != null && !c.timeframe().isBlank()) {
            try {
                timeframe = Timeframe.parse(c.timeframe().strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("timeframe: " + e.getMessage());
            }
        } else if (synthetic) {
            timeframe = Timeframe.M1;
        }
        BigDecimal start = decimal("startPrice", c.startPrice());
        if (start.signum() <= 0) {
            throw new IllegalArgumentException("startPrice " + start.toPlainString() + " must be positive");
        }
        BigDecimal volatility = nonNegative("volatility", c.volatility());
        Speed speed = Speed.parse(c.speed());
        BigDecimal tick = c.tickSize() == null || c.tickSize().isBlank() ? null : decimal("tickSize", c.tickSize());
        if (tick != null && tick.signum() <= 0) {
            throw new IllegalArgumentException("tickSize " + tick.toPlainString() + " must be positive (or empty for "
                    + "the market's own)");
        }
        BigDecimal step = c.stepSize() == null || c.stepSize().isBlank() ? BigDecimal.ZERO
                : nonNegative("stepSize", c.stepSize());
        return new PaperSettings(account, instrument, synthetic, file, timeframe, c.seed(), start, volatility, speed,
                rate("makerFee", c.makerFee()), rate("takerFee", c.takerFee()), balances(c.balances(), instrument), tick,
                step, nonNegative("minNotional", c.minNotional()), volumeLimit(c.volumeLimit()));
    }

    /** The market source; a synthetic market starts at {@code syntheticStart} (fixed when the account is created). */
    MarketSource source(long syntheticStart) {
        if (synthetic) {
            return new MarketSource.Synthetic(instrument, timeframe, seed, startPrice, volatility, syntheticStart, 0);
        }
        return new MarketSource.CandleFile(file, instrument, timeframe);
    }

    /** A text that changes when the market source changes, so a reconfigured account restarts its replay. */
    String fingerprint() {
        if (synthetic) {
            return "synthetic:seed=" + seed + ",start=" + startPrice.toPlainString() + ",volatility="
                    + volatility.toPlainString() + ",timeframe=" + timeframe + ",tick="
                    + (tickSize == null ? "auto" : tickSize.toPlainString());
        }
        return "file:" + file + ",timeframe=" + (timeframe == null ? "auto" : timeframe.label());
    }

    /** The candle width a new account aligns its synthetic start time to. */
    Timeframe syntheticTimeframe() {
        return timeframe == null ? Timeframe.M1 : timeframe;
    }

    static Map<String, BigDecimal> balances(String text, Instrument instrument) {
        Map<String, BigDecimal> out = new TreeMap<>();
        if (text == null || text.isBlank()) {
            out.put(instrument.quote(), DEFAULT_QUOTE_BALANCE);
            return out;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("balances '" + text + "': '" + part.strip()
                        + "' is not CURRENCY=AMOUNT; write e.g. USDT=10000,BTC=0");
            }
            String currency;
            try {
                currency = Currencies.check("balances", part.substring(0, eq));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("balances '" + text + "': " + e.getMessage());
            }
            BigDecimal amount;
            try {
                amount = new BigDecimal(part.substring(eq + 1).strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("balances '" + text + "': amount '" + part.substring(eq + 1).strip()
                        + "' of " + currency + " is not a number; write e.g. USDT=10000,BTC=0");
            }
            if (amount.signum() < 0) {
                throw new IllegalArgumentException("balances '" + text + "': amount of " + currency + " must not be negative");
            }
            out.put(currency, amount);
        }
        return out;
    }

    private static BigDecimal decimal(String name, String text) {
        try {
            return new BigDecimal(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text + "' must be a number");
        }
    }

    private static BigDecimal nonNegative(String name, String text) {
        BigDecimal v = decimal(name, text);
        if (v.signum() < 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString() + " must not be negative");
        }
        return v;
    }

    private static BigDecimal rate(String name, String text) {
        BigDecimal v = nonNegative(name, text);
        if (v.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(name + " " + v.toPlainString()
                    + " must be a rate below 1, e.g. 0.001 for 0.1 %");
        }
        return v;
    }

    private static BigDecimal volumeLimit(String text) {
        BigDecimal v = nonNegative("volumeLimit", text);
        if (v.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("volumeLimit " + v.toPlainString()
                    + " must be a share between 0 (no limit) and 1 (a whole candle)");
        }
        return v;
    }
}

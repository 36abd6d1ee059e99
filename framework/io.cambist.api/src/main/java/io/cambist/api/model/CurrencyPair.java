package io.cambist.api.model;

/**
 * A spot currency pair: buying it spends {@link #quote()} to receive {@link #base()}.
 *
 * @param base  the asset bought or sold, upper case letters and digits
 * @param quote the asset prices are expressed in, upper case letters and digits
 */
public record CurrencyPair(String base, String quote) implements Instrument {

    public CurrencyPair {
        base = Currencies.check("base", base);
        quote = Currencies.check("quote", quote);
        if (base.equals(quote)) {
            throw new IllegalArgumentException("instrument " + base + "/" + quote + " has the same base and quote currency");
        }
    }

    @Override
    public String toString() {
        return symbol();
    }
}

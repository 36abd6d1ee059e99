package io.cambist.exchange.paper.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One paper trading account: its market, pace, fees and starting balances. */
@ObjectClassDefinition(id = PaperConstants.PID, name = "Paper exchange account",
        description = "A simulated exchange account with its own matching engine, replaying a synthetic market or a "
                + "candle file at a chosen pace. Its orders, fills, balances and replay position survive restarts.")
@interface PaperConfiguration {

    @AttributeDefinition(name = "Account", description = "Account id, unique in the container (letters, digits, '_', '-'). "
            + "State lives under <data>/paper/<account>/.")
    String account() default "paper";

    @AttributeDefinition(name = "Instrument", description = "The one instrument the account trades, BASE/QUOTE.")
    String instrument() default "BTC/USDT";

    @AttributeDefinition(name = "Market source", description = "synthetic (a seeded random walk, needs no files) or file "
            + "(a JSON or CSV candle file).", options = {@Option(label = "Synthetic market", value = "synthetic"),
                @Option(label = "Candle file", value = "file")})
    String source() default "synthetic";

    @AttributeDefinition(name = "Candle file", description = "For source=file: a JSON array of [time, open, high, low, "
            + "close, volume] arrays or a CSV file with the header time,open,high,low,close,volume (gzip allowed). "
            + "A relative path is resolved against the distribution directory.")
    String file() default "";

    @AttributeDefinition(name = "Timeframe", description = "Candle width (1m, 5m, 1h, ...). Empty: inferred from a "
            + "file's spacing, 1m for a synthetic market.")
    String timeframe() default "";

    @AttributeDefinition(name = "Seed", description = "Seed of the synthetic market: the same seed gives the same market.")
    long seed() default 42;

    @AttributeDefinition(name = "Start price", description = "Price of the synthetic market's first candle.")
    String startPrice() default "30000";

    @AttributeDefinition(name = "Volatility", description = "Standard deviation of the synthetic market's return per "
            + "candle, in percent.")
    String volatility() default "0.5";

    @AttributeDefinition(name = "Speed", description = "Replay pace: a number of candles per second (e.g. 2), or a "
            + "factor over real time written x<factor> (x1 = real time, x60 = a 1m candle every second).")
    String speed() default "1";

    @AttributeDefinition(name = "Maker fee", description = "Fee rate of fills at a resting order's own limit, e.g. 0.001 "
            + "= 0.1 %, charged in the quote currency.")
    String makerFee() default "0.001";

    @AttributeDefinition(name = "Taker fee", description = "Fee rate of market orders, triggered stops and limits "
            + "filled at the open, charged in the quote currency.")
    String takerFee() default "0.001";

    @AttributeDefinition(name = "Starting balances", description = "Balances of a new account, e.g. USDT=10000,BTC=0. "
            + "Empty: 10000 of the quote currency. Only used when the account is created.")
    String balances() default "";

    @AttributeDefinition(name = "Tick size", description = "Price increment. Empty: the finest price in the file, or six "
            + "significant digits of the synthetic start price.")
    String tickSize() default "";

    @AttributeDefinition(name = "Step size", description = "Quantity increment. Empty or 0: none (quantities derived "
            + "from quote amounts keep 18 decimals).")
    String stepSize() default "";

    @AttributeDefinition(name = "Minimum notional", description = "Smallest price x quantity of an order; 0 for none.")
    String minNotional() default "0";

    @AttributeDefinition(name = "Volume limit", description = "Share of a candle's volume that orders may fill in that "
            + "candle (e.g. 0.1); 0 for no limit. With a limit, large orders fill partially over several candles.")
    String volumeLimit() default "0";
}

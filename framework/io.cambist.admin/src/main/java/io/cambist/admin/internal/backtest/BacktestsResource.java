package io.cambist.admin.internal.backtest;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.auth.KeySecurityContext;
import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Params;
import io.cambist.admin.internal.trading.StrategyType;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.exchange.MarketSource;
import io.cambist.api.model.Currencies;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.Timeframe;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /backtests}: run a strategy over a candle file or a synthetic market, asynchronously, and fetch the reports. */
@jakarta.ws.rs.Path("backtests")
@Produces(MediaType.APPLICATION_JSON)
public class BacktestsResource {

    static final long MAX_SYNTHETIC = 10_000_000L;
    static final long DEFAULT_START = 1_700_000_000_000L;

    private final Logger logger = LoggerFactory.getLogger(BacktestsResource.class);
    private final BacktestJobs jobs;
    private final Supplier<List<StrategyType>> types;
    private final Path home;

    /**
     * @param home the directory relative candle paths are resolved in, or {@code null} for the working directory
     */
    public BacktestsResource(BacktestJobs jobs, Supplier<List<StrategyType>> types, Path home) {
        this.jobs = jobs;
        this.types = types;
        this.home = home;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response submit(BacktestBody body, @Context SecurityContext caller) {
        BacktestRequest request = toRequest(body);
        String market = body.candles() != null ? marketFile(body.candles()).toString() : "synthetic";
        BacktestStatus status = jobs.submit(request, market, body);
        logger.info("backtest {} of {} on {} submitted by {}", status.id(), request.strategyType(), market,
                KeySecurityContext.actor(caller));
        return Response.accepted(status).location(URI.create("backtests/" + status.id())).build();
    }

    @GET
    public List<BacktestStatus> list() {
        return jobs.list();
    }

    @GET
    @jakarta.ws.rs.Path("{id}")
    public BacktestStatus get(@PathParam("id") String id) {
        return jobs.status(Params.name("backtest id", id)).orElseThrow(() -> BacktestJobs.missing(id));
    }

    @GET
    @jakarta.ws.rs.Path("{id}/report.json")
    public Response reportJson(@PathParam("id") String id) {
        return file(id, BacktestJobs.REPORT_JSON, MediaType.APPLICATION_JSON_TYPE);
    }

    @GET
    @jakarta.ws.rs.Path("{id}/report.html")
    @Produces(MediaType.TEXT_HTML)
    public Response reportHtml(@PathParam("id") String id) {
        return file(id, BacktestJobs.REPORT_HTML, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    @DELETE
    @jakarta.ws.rs.Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        jobs.delete(Params.name("backtest id", id));
        logger.info("backtest {} deleted by {}", id, KeySecurityContext.actor(caller));
        return Response.noContent().build();
    }

    private Response file(String id, String name, MediaType type) {
        Path p = jobs.report(Params.name("backtest id", id), name);
        try {
            return Response.ok(Files.readAllBytes(p), type).build();
        } catch (IOException e) {
            throw new ApiException(500, "backtest store failed", "cannot read " + p + ": " + e.getMessage());
        }
    }

    BacktestRequest toRequest(BacktestBody body) {
        if (body == null) {
            throw ApiException.badRequest("send {\"strategy\": \"smacross\", \"instrument\": \"ETH/BTC\", \"candles\": "
                    + "\"/path/to/candles.json\", \"parameters\": {...}, \"balances\": {\"BTC\": 1}, \"fee\": 0.001}");
        }
        if (body.strategy() == null || body.strategy().isBlank()) {
            throw ApiException.badRequest("'strategy' is required: the strategy type, e.g. smacross");
        }
        List<String> installed = types.get().stream().map(StrategyType::type).toList();
        if (!installed.contains(body.strategy())) {
            throw ApiException.badRequest("unknown strategy type '" + Params.shorten(body.strategy()) + "'; installed types: "
                    + (installed.isEmpty() ? "none (no strategy bundle is active)" : String.join(", ", installed)));
        }
        Instrument instrument = Instrument.parse(body.instrument());
        if ((body.candles() == null) == (body.synthetic() == null)) {
            throw ApiException.badRequest("give exactly one market: 'candles' (a file on the server) or 'synthetic'");
        }
        MarketSource source;
        if (body.candles() != null) {
            Timeframe tf = body.timeframe() == null ? null : Timeframe.parse(body.timeframe());
            source = new MarketSource.CandleFile(marketFile(body.candles()), instrument, tf);
        } else {
            BacktestBody.Synthetic s = body.synthetic();
            long count = s.count() == null ? 0 : s.count();
            if (count < 1 || count > MAX_SYNTHETIC) {
                throw ApiException.badRequest("synthetic.count must be between 1 and " + MAX_SYNTHETIC + " candles");
            }
            source = new MarketSource.Synthetic(instrument, Timeframe.parse(s.timeframe() == null ? "1m" : s.timeframe()),
                    s.seed() == null ? 1L : s.seed(), s.startPrice(),
                    s.volatilityPercent() == null ? new BigDecimal("0.5") : s.volatilityPercent(),
                    s.startTime() == null ? DEFAULT_START : s.startTime(), count);
        }
        Map<String, String> parameters = new TreeMap<>();
        if (body.parameters() != null) {
            body.parameters().forEach((k, v) -> parameters.put(k, text(k, v)));
        }
        Map<String, BigDecimal> balances = new TreeMap<>();
        if (body.balances() != null) {
            body.balances().forEach((currency, amount) -> {
                if (amount == null || amount.signum() < 0) {
                    throw ApiException.badRequest("balance of " + currency + " must be a number of 0 or more");
                }
                balances.put(Currencies.check("balance", currency), amount);
            });
        }
        BigDecimal maker = fee("makerFee", body.makerFee() != null ? body.makerFee() : body.fee());
        BigDecimal taker = fee("takerFee", body.takerFee() != null ? body.takerFee() : body.fee());
        return new BacktestRequest(body.strategy(), source, parameters, balances, maker, taker, List.of());
    }

    private Path marketFile(String text) {
        Path p;
        try {
            p = Path.of(text);
        } catch (InvalidPathException e) {
            throw ApiException.badRequest("candle file '" + Params.shorten(text) + "' is not a valid path");
        }
        if (!p.isAbsolute() && home != null) {
            p = home.resolve(p);
        }
        p = p.normalize();
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw ApiException.badRequest("candle file " + p + " does not exist or cannot be read on the server");
        }
        return p;
    }

    private static String text(String key, Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw ApiException.badRequest("parameter '" + key + "' must be a string, number or boolean");
    }

    private static BigDecimal fee(String name, BigDecimal value) {
        if (value != null && (value.signum() < 0 || value.compareTo(BigDecimal.ONE) >= 0)) {
            throw ApiException.badRequest(name + " must be a rate from 0 to below 1, e.g. 0.001 for 0.1 %");
        }
        return value;
    }
}

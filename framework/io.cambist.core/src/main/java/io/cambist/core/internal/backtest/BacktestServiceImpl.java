package io.cambist.core.internal.backtest;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import io.cambist.api.backtest.BacktestProgress;
import io.cambist.api.backtest.BacktestReport;
import io.cambist.api.backtest.BacktestRequest;
import io.cambist.api.backtest.BacktestService;
import io.cambist.api.exchange.SimulatedVenue;
import io.cambist.api.exchange.SimulatedVenueFactory;
import io.cambist.api.exchange.SimulationSpec;
import io.cambist.core.internal.strategy.StrategyType;

/** The backtest service: a simulated venue from the venue factory, the strategy type by name, the {@link Backtester}. */
public final class BacktestServiceImpl implements BacktestService {

    /** The account id simulated venues report in backtests. */
    public static final String ACCOUNT = "backtest";

    private final Supplier<SimulatedVenueFactory> venues;
    private final Function<String, Optional<StrategyType>> types;
    private final Supplier<List<String>> typeNames;

    /**
     * @param venues    the simulated venue factory, or a supplier of {@code null} when none is available
     * @param types     strategy types by name
     * @param typeNames the available names (for error messages)
     */
    public BacktestServiceImpl(Supplier<SimulatedVenueFactory> venues, Function<String, Optional<StrategyType>> types,
            Supplier<List<String>> typeNames) {
        this.venues = venues;
        this.types = types;
        this.typeNames = typeNames;
    }

    @Override
    public BacktestReport run(BacktestRequest request, BacktestProgress progress) {
        StrategyType type = types.apply(request.strategyType()).orElseThrow(() -> new IllegalArgumentException(
                "unknown strategy type '" + request.strategyType() + "'; available: " + available()));
        SimulatedVenueFactory factory = venues.get();
        if (factory == null) {
            throw new IllegalStateException("no simulated venue is available: the paper exchange bundle"
                    + " (io.cambist.exchange.paper) is not active");
        }
        Map<String, BigDecimal> balances = request.balances().isEmpty()
                ? Map.of(request.source().instrument().quote(), BigDecimal.ONE) : request.balances();
        SimulatedVenue venue = factory.create(new SimulationSpec(ACCOUNT, request.source(), balances,
                request.makerFee(), request.takerFee()));
        return new Backtester().run(venue, type, request, progress);
    }

    private String available() {
        List<String> names = typeNames.get();
        return names.isEmpty() ? "none (no strategy bundle is active)" : String.join(", ", names);
    }

    @Override
    public String toJson(BacktestReport report) {
        return ReportJson.write(report);
    }

    @Override
    public String toHtml(BacktestReport report) {
        return ReportHtml.write(report);
    }
}

package io.cambist.testkit.strategy;

import java.util.List;
import java.util.Optional;

import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.Parameters;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.TradingMode;

/**
 * The engine's context for the strategy under test, passed through unchanged except that every submit and cancel is
 * recorded and, after a simulated hot swap or restart, {@link #savedState()} answers the snapshot handed over.
 */
final class RecordingContext implements StrategyContext {

    private final StrategyContext engine;
    private final RecordingStrategy recorder;
    private final StrategySnapshot handedOver;
    private final boolean swapped;

    RecordingContext(StrategyContext engine, RecordingStrategy recorder, StrategySnapshot handedOver, boolean swapped) {
        this.engine = engine;
        this.recorder = recorder;
        this.handedOver = handedOver;
        this.swapped = swapped;
    }

    @Override
    public Optional<StrategySnapshot> savedState() {
        if (!swapped) {
            return engine.savedState();
        }
        return handedOver == null || handedOver.isEmpty() && handedOver.version() == 0 ? Optional.empty()
                : Optional.of(handedOver);
    }

    @Override
    public Order submit(OrderRequest request) {
        Order result = engine.submit(request);
        recorder.submitted(request, result);
        return result;
    }

    @Override
    public Order cancel(ClientOrderId clientOrderId) {
        recorder.cancelled(clientOrderId);
        return engine.cancel(clientOrderId);
    }

    @Override
    public void closePosition(String reason) {
        recorder.closed(reason);
        engine.closePosition(reason);
    }

    @Override
    public void halt(String reason) {
        recorder.halted(reason);
        engine.halt(reason);
    }

    @Override
    public String instanceId() {
        return engine.instanceId();
    }

    @Override
    public String type() {
        return engine.type();
    }

    @Override
    public TradingMode mode() {
        return engine.mode();
    }

    @Override
    public String account() {
        return engine.account();
    }

    @Override
    public Instrument instrument() {
        return engine.instrument();
    }

    @Override
    public Parameters parameters() {
        return engine.parameters();
    }

    @Override
    public long now() {
        return engine.now();
    }

    @Override
    public void subscribe(Subscription subscription) {
        engine.subscribe(subscription);
    }

    @Override
    public List<Order> openOrders() {
        return engine.openOrders();
    }

    @Override
    public Optional<Order> order(ClientOrderId clientOrderId) {
        return engine.order(clientOrderId);
    }

    @Override
    public ClientOrderId newClientOrderId() {
        return engine.newClientOrderId();
    }

    @Override
    public Optional<InstrumentSpec> spec(Instrument instrument) {
        return engine.spec(instrument);
    }

    @Override
    public Balance balance(String currency) {
        return engine.balance(currency);
    }

    @Override
    public Position position() {
        return engine.position();
    }

    @Override
    public void setExits(ExitRules rules) {
        engine.setExits(rules);
    }

    @Override
    public ExitRules exits() {
        return engine.exits();
    }
}

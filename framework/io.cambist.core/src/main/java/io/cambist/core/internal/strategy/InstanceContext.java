package io.cambist.core.internal.strategy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Side;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.Parameters;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.TradingMode;

/** What a strategy instance sees: its own account, instrument, orders and position, through the core. */
final class InstanceContext implements StrategyContext {

    private final StrategyInstance instance;
    private final StrategyRunnerImpl runner;

    InstanceContext(StrategyInstance instance, StrategyRunnerImpl runner) {
        this.instance = instance;
        this.runner = runner;
    }

    @Override
    public String instanceId() {
        return instance.id();
    }

    @Override
    public String type() {
        return instance.typeName();
    }

    @Override
    public TradingMode mode() {
        return runner.modeOf(instance.settings().account());
    }

    @Override
    public String account() {
        return instance.settings().account();
    }

    @Override
    public Instrument instrument() {
        return instance.settings().instrument();
    }

    @Override
    public Parameters parameters() {
        return instance.settings().parameters();
    }

    @Override
    public Optional<StrategySnapshot> savedState() {
        StrategySnapshot s = instance.savedState();
        return s == null || s.isEmpty() && s.version() == 0 ? Optional.empty() : Optional.of(s);
    }

    @Override
    public long now() {
        return runner.clock().now();
    }

    @Override
    public void subscribe(Subscription subscription) {
        instance.subscribe(subscription);
    }

    @Override
    public Order submit(OrderRequest request) {
        return instance.submitInternal(request);
    }

    @Override
    public Order cancel(ClientOrderId clientOrderId) {
        Order o = ownOrder(clientOrderId)
                .orElseThrow(() -> new IllegalArgumentException("order " + clientOrderId + " is not an order of instance "
                        + instance.id()));
        return o.isOpen() ? runner.orders().cancel(clientOrderId) : o;
    }

    @Override
    public List<Order> openOrders() {
        return runner.orders().openOrdersOf(instance.id());
    }

    @Override
    public Optional<Order> order(ClientOrderId clientOrderId) {
        return ownOrder(clientOrderId);
    }

    private Optional<Order> ownOrder(ClientOrderId id) {
        return runner.orders().order(id).filter(o -> instance.id().equals(o.strategyId()));
    }

    @Override
    public ClientOrderId newClientOrderId() {
        return runner.orders().newClientOrderId();
    }

    @Override
    public Optional<InstrumentSpec> spec(Instrument instrument) {
        return Optional.ofNullable(instance.spec(instrument));
    }

    @Override
    public Balance balance(String currency) {
        return runner.portfolio().balance(account(), currency);
    }

    @Override
    public Position position() {
        return instance.position();
    }

    @Override
    public void setExits(ExitRules rules) {
        instance.setExits(rules);
    }

    @Override
    public ExitRules exits() {
        return instance.exitRules();
    }

    @Override
    public void closePosition(String reason) {
        runner.orders().cancelAllOf(instance.id());
        BigDecimal held = instance.positionState().core().quantity();
        if (held.signum() == 0) {
            return;
        }
        InstrumentSpec spec = instance.spec(instrument());
        BigDecimal q = spec == null ? held.abs() : spec.roundQuantityDown(held.abs());
        if (q.signum() > 0) {
            Side side = held.signum() > 0 ? Side.SELL : Side.BUY;
            instance.submitInternal(OrderRequest.market(instrument(), side, q)
                    .withTag("close" + (reason == null || reason.isBlank() ? "" : ":" + reason)));
        }
    }

    @Override
    public void halt(String reason) {
        instance.halt(reason == null || reason.isBlank() ? "halted by the strategy" : reason);
    }
}

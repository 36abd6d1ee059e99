package io.cambist.strategy.smacross.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.portfolio.Position;
import io.cambist.api.strategy.ExitRules;
import io.cambist.api.strategy.Parameters;
import io.cambist.api.strategy.StrategyContext;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.TradingMode;

/** A strategy context with one account's balances and position, recording what the strategy asks for. */
class FakeContext implements StrategyContext {

    final Instrument instrument;
    final Parameters parameters;
    final StrategySnapshot saved;
    final Map<String, BigDecimal> balances = new TreeMap<>();
    final List<Subscription> subscriptions = new ArrayList<>();
    final List<OrderRequest> submitted = new ArrayList<>();
    final List<Order> open = new ArrayList<>();
    BigDecimal held = BigDecimal.ZERO;
    private int ids;

    FakeContext(Instrument instrument, Map<String, String> parameters, StrategySnapshot saved) {
        this.instrument = instrument;
        this.parameters = Parameters.of(parameters);
        this.saved = saved;
    }

    @Override
    public String instanceId() {
        return "demo";
    }

    @Override
    public String type() {
        return SmaCrossStrategy.TYPE;
    }

    @Override
    public TradingMode mode() {
        return TradingMode.BACKTEST;
    }

    @Override
    public String account() {
        return "paper";
    }

    @Override
    public Instrument instrument() {
        return instrument;
    }

    @Override
    public Parameters parameters() {
        return parameters;
    }

    @Override
    public Optional<StrategySnapshot> savedState() {
        return Optional.ofNullable(saved);
    }

    @Override
    public long now() {
        return 0;
    }

    @Override
    public void subscribe(Subscription subscription) {
        subscriptions.add(subscription);
    }

    @Override
    public Order submit(OrderRequest request) {
        submitted.add(request);
        Order o = new Order(newClientOrderId(), null, "paper", "demo", request.instrument(), request.side(), request.type(),
                request.timeInForce(), request.quantity(), request.quoteQuantity(), request.limitPrice(),
                request.stopPrice(), OrderStatus.PENDING_NEW, null, null, null, null, request.tag(), null, 0, 0);
        open.add(o);
        return o;
    }

    @Override
    public Order cancel(ClientOrderId clientOrderId) {
        throw new UnsupportedOperationException("smacross never cancels");
    }

    @Override
    public List<Order> openOrders() {
        return List.copyOf(open);
    }

    @Override
    public Optional<Order> order(ClientOrderId clientOrderId) {
        return open.stream().filter(o -> o.clientOrderId().equals(clientOrderId)).findFirst();
    }

    @Override
    public ClientOrderId newClientOrderId() {
        return ClientOrderId.of("o" + ++ids);
    }

    @Override
    public Optional<InstrumentSpec> spec(Instrument i) {
        return Optional.of(InstrumentSpec.unrestricted(i));
    }

    @Override
    public Balance balance(String currency) {
        return Balance.of(currency, balances.getOrDefault(currency, BigDecimal.ZERO));
    }

    @Override
    public Position position() {
        return new Position("paper", "demo", instrument, held, null, null, null, null, null);
    }

    @Override
    public void setExits(ExitRules rules) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ExitRules exits() {
        return ExitRules.NONE;
    }

    @Override
    public void closePosition(String reason) {
        throw new UnsupportedOperationException("smacross sells with its own market order");
    }

    @Override
    public void halt(String reason) {
        throw new UnsupportedOperationException();
    }
}

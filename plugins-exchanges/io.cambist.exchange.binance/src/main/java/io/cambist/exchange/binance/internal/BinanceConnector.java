package io.cambist.exchange.binance.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeConnector;
import io.cambist.api.exchange.ExchangeUnavailableException;
import io.cambist.api.exchange.InvalidOrderException;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.security.Signer;
import io.cambist.connector.ConnectorLifecycle;
import io.cambist.connector.ServiceHolder;
import io.cambist.exchange.binance.internal.BinanceInstruments.Rules;
import io.cambist.exchange.binance.internal.dto.BinanceBalance;
import io.cambist.exchange.binance.internal.dto.BinanceMyTrade;
import io.cambist.exchange.binance.internal.dto.BinanceOrder;
import io.cambist.exchange.binance.internal.http.BinanceRestClient;

/**
 * One Binance spot account as an {@link ExchangeConnector} service: one component per factory configuration of
 * {@value BinanceConstants#PID}. Activation only validates the configuration; {@link #connect} starts the network
 * work on the framework's scheduler. Signs through the {@link Signer} service with the configured key alias and never
 * sees a secret; without a key alias it serves market data only.
 */
@Component(service = ExchangeConnector.class, configurationPid = BinanceConstants.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = ExchangeConnector.VENUE + "=" + BinanceConstants.VENUE)
@Designate(ocd = BinanceConfiguration.class, factory = true)
public final class BinanceConnector implements ExchangeConnector {

    private static final Set<Capability> MARKET_DATA = EnumSet.of(Capability.TICKER_STREAM, Capability.TRADE_STREAM,
            Capability.CANDLE_STREAM, Capability.ORDER_BOOK_STREAM);
    private static final Set<Capability> TRADING = EnumSet.of(Capability.MARKET_ORDER,
            Capability.MARKET_ORDER_BY_QUOTE, Capability.LIMIT_ORDER, Capability.IOC_FOK, Capability.POST_ONLY,
            Capability.CANCEL_ORDER, Capability.QUERY_ORDER, Capability.OPEN_ORDERS, Capability.ORDER_FILLS,
            Capability.BALANCES, Capability.EXECUTION_STREAM);

    private final Logger logger = LoggerFactory.getLogger(BinanceConnector.class);
    private final BinanceSettings settings;
    private final ServiceHolder<Signer> signers = new ServiceHolder<>();
    private final BinanceInstruments instruments = new BinanceInstruments();
    private final AtomicLong malformed = new AtomicLong();
    private final Set<Capability> capabilities;
    private final ConnectorLifecycle<BinanceSession> lifecycle;

    /** Activation by DS: validates the configuration (a bad value fails activation with the reason). */
    @Activate
    public BinanceConnector(BinanceConfiguration configuration) {
        this(BinanceSettings.from(configuration));
    }

    /** For tests and embedding: bind a signer with {@link #bindSigner} before trading. */
    public BinanceConnector(BinanceSettings settings) {
        this.settings = settings;
        EnumSet<Capability> caps = EnumSet.copyOf(MARKET_DATA);
        if (settings.hasKey()) {
            caps.addAll(TRADING);
        }
        this.capabilities = Set.copyOf(caps);
        this.lifecycle = new ConnectorLifecycle<>(BinanceConstants.VENUE, settings.account());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindSigner(Signer signer) {
        signers.bind(signer);
    }

    public void unbindSigner(Signer signer) {
        signers.unbind(signer);
    }

    @Deactivate
    void deactivate() {
        disconnect();
    }

    @Override
    public String account() {
        return settings.account();
    }

    @Override
    public String venue() {
        return BinanceConstants.VENUE;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public ConnectionStatus status() {
        return lifecycle.status();
    }

    @Override
    public void connect(VenueListener listener) {
        lifecycle.connect(() -> new BinanceSession(settings, signers, listener, instruments, malformed));
    }

    @Override
    public void disconnect() {
        lifecycle.disconnect();
    }

    @Override
    public List<InstrumentSpec> instruments() {
        BinanceSession s = session();
        if (!instruments.loaded()) {
            s.loaded(BinanceRestClient.await(s.rest.exchangeInfo()));
        }
        return instruments.specs();
    }

    @Override
    public List<Balance> balances() {
        List<Balance> out = new ArrayList<>();
        for (BinanceBalance b : session().rest.account().balances()) {
            Balance balance = BinanceAdapters.balance(b);
            if (balance.total().signum() > 0) {
                out.add(balance);
            }
        }
        return out;
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        BinanceSession s = session();
        if (request.clientOrderId() == null) {
            throw new InvalidOrderException("order for " + request.instrument() + " has no client order id; "
                    + "the core assigns one before sending");
        }
        instruments();
        Rules rules = instruments.check(request);
        String symbol = rules.symbol().symbol();
        BinanceOrder answer;
        try {
            answer = s.rest.newOrder(BinanceAdapters.orderParams(request, symbol));
        } catch (ExchangeUnavailableException e) {
            // the outcome is unknown: track the id so recovery reports whatever the venue did with it
            s.tracker.placed(new VenueOrder(request.clientOrderId(), null, rules.instrument(), request.side(),
                    request.type(), OrderStatus.PENDING_NEW, request.quantity(), BigDecimal.ZERO, null,
                    request.limitPrice(), null, System.currentTimeMillis()), symbol);
            throw e;
        }
        VenueOrder order = BinanceAdapters.order(answer, rules.instrument());
        s.tracker.placed(order, symbol);
        return order;
    }

    @Override
    public VenueOrder cancel(Instrument instrument, ClientOrderId clientOrderId) {
        BinanceSession s = session();
        instruments();
        Rules rules = instruments.require(instrument);
        return BinanceAdapters.order(s.rest.cancelOrder(rules.symbol().symbol(), clientOrderId.value()),
                rules.instrument());
    }

    @Override
    public Optional<VenueOrder> query(Instrument instrument, ClientOrderId clientOrderId) {
        BinanceSession s = session();
        instruments();
        Rules rules = instruments.require(instrument);
        return s.rest.queryOrder(rules.symbol().symbol(), clientOrderId.value())
                .map(o -> BinanceAdapters.order(o, rules.instrument()));
    }

    @Override
    public List<VenueOrder> openOrders() {
        BinanceSession s = session();
        instruments();
        List<VenueOrder> out = new ArrayList<>();
        for (BinanceOrder o : s.rest.openOrders()) {
            Optional<Rules> rules = instruments.bySymbol(o.symbol());
            try {
                rules.ifPresent(r -> out.add(BinanceAdapters.order(o, r.instrument())));
            } catch (IllegalArgumentException e) {
                logger.debug("binance account {}: skipped open order {} not placed by Cambist: {}", settings.account(),
                        o.clientOrderId(), e.getMessage());
            }
        }
        return out;
    }

    @Override
    public List<Fill> fills(Instrument instrument, ClientOrderId clientOrderId) {
        BinanceSession s = session();
        instruments();
        Rules rules = instruments.require(instrument);
        String symbol = rules.symbol().symbol();
        Optional<BinanceOrder> order = s.rest.queryOrder(symbol, clientOrderId.value());
        if (order.isEmpty()) {
            return List.of();
        }
        List<Fill> out = new ArrayList<>();
        for (BinanceMyTrade t : BinanceRestClient.await(s.rest.myTradesAsync(symbol, order.get().orderId()))) {
            out.add(BinanceAdapters.fill(t, clientOrderId, rules.instrument()));
        }
        return out;
    }

    @Override
    public void subscribe(Subscription subscription) {
        lifecycle.subscribe(subscription);
    }

    @Override
    public void unsubscribe(Subscription subscription) {
        lifecycle.unsubscribe(subscription);
    }

    @Override
    public long malformedMessages() {
        return malformed.get();
    }

    /** The settings in force (never logged whole). */
    BinanceSettings settings() {
        return settings;
    }

    BinanceSession currentSession() {
        return lifecycle.current();
    }

    private BinanceSession session() {
        return lifecycle.require();
    }
}

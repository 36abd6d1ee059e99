package io.cambist.exchange.kraken.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
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
import io.cambist.api.exchange.OrderNotFoundException;
import io.cambist.api.exchange.VenueListener;
import io.cambist.api.exchange.VenueOrder;
import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.InstrumentSpec;
import io.cambist.api.model.Subscription;
import io.cambist.api.model.VenueOrderId;
import io.cambist.api.order.Fill;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.security.NonceGenerator;
import io.cambist.api.security.Signer;
import io.cambist.connector.ConnectorLifecycle;
import io.cambist.connector.OrderTracker;
import io.cambist.connector.ServiceHolder;
import io.cambist.exchange.kraken.internal.KrakenInstruments.Rules;
import io.cambist.exchange.kraken.internal.dto.KrakenAddOrderResult;
import io.cambist.exchange.kraken.internal.dto.KrakenBalance;
import io.cambist.exchange.kraken.internal.dto.KrakenOrderInfo;
import io.cambist.exchange.kraken.internal.dto.KrakenTradeInfo;
import io.cambist.exchange.kraken.internal.http.KrakenRestClient;

/**
 * One Kraken spot account as an {@link ExchangeConnector} service: one component per factory configuration of
 * {@value KrakenConstants#PID}. Activation only validates the configuration; {@link #connect} starts the network work
 * on the framework's scheduler. Signs through the {@link Signer} service and takes nonces from the
 * {@link NonceGenerator} service with the configured key alias; never sees a secret. Without a key alias it serves
 * market data only.
 */
@Component(service = ExchangeConnector.class, configurationPid = KrakenConstants.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE,
        property = ExchangeConnector.VENUE + "=" + KrakenConstants.VENUE)
@Designate(ocd = KrakenConfiguration.class, factory = true)
public final class KrakenConnector implements ExchangeConnector {

    private static final Set<Capability> MARKET_DATA = EnumSet.of(Capability.TICKER_STREAM, Capability.TRADE_STREAM,
            Capability.CANDLE_STREAM, Capability.ORDER_BOOK_STREAM);
    private static final Set<Capability> TRADING = EnumSet.of(Capability.MARKET_ORDER, Capability.LIMIT_ORDER,
            Capability.IOC_FOK, Capability.POST_ONLY, Capability.CANCEL_ORDER, Capability.QUERY_ORDER,
            Capability.OPEN_ORDERS, Capability.ORDER_FILLS, Capability.BALANCES, Capability.EXECUTION_STREAM);

    private final Logger logger = LoggerFactory.getLogger(KrakenConnector.class);
    private final KrakenSettings settings;
    private final ServiceHolder<Signer> signers = new ServiceHolder<>();
    private final ServiceHolder<NonceGenerator> nonces = new ServiceHolder<>();
    private final KrakenInstruments instruments = new KrakenInstruments();
    private final AtomicLong malformed = new AtomicLong();
    private final Set<Capability> capabilities;
    private final ConnectorLifecycle<KrakenSession> lifecycle;

    /** Activation by DS: validates the configuration (a bad value fails activation with the reason). */
    @Activate
    public KrakenConnector(KrakenConfiguration configuration) {
        this(KrakenSettings.from(configuration));
    }

    /** For tests and embedding: bind a signer and a nonce generator before trading. */
    public KrakenConnector(KrakenSettings settings) {
        this.settings = settings;
        EnumSet<Capability> caps = EnumSet.copyOf(MARKET_DATA);
        if (settings.hasKey()) {
            caps.addAll(TRADING);
        }
        this.capabilities = Set.copyOf(caps);
        this.lifecycle = new ConnectorLifecycle<>(KrakenConstants.VENUE, settings.account());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindSigner(Signer signer) {
        signers.bind(signer);
    }

    public void unbindSigner(Signer signer) {
        signers.unbind(signer);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    public void bindNonceGenerator(NonceGenerator generator) {
        nonces.bind(generator);
    }

    public void unbindNonceGenerator(NonceGenerator generator) {
        nonces.unbind(generator);
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
        return KrakenConstants.VENUE;
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
        lifecycle.connect(() -> new KrakenSession(settings, signers, nonces, listener, instruments, malformed));
    }

    @Override
    public void disconnect() {
        lifecycle.disconnect();
    }

    @Override
    public List<InstrumentSpec> instruments() {
        KrakenSession s = session();
        if (!instruments.loaded()) {
            s.loaded(KrakenRestClient.await(s.rest.assetPairs()));
        }
        return instruments.specs();
    }

    @Override
    public List<Balance> balances() {
        KrakenSession s = session();
        instruments();
        List<Balance> out = new ArrayList<>();
        for (Map.Entry<String, KrakenBalance> e : KrakenRestClient.await(s.rest.balances()).entrySet()) {
            Optional<String> currency = instruments.currency(e.getKey());
            if (currency.isEmpty()) {
                continue;
            }
            Balance b = KrakenAdapters.balance(currency.get(), e.getValue());
            if (b.total().signum() > 0) {
                out.add(b);
            }
        }
        return out;
    }

    @Override
    public VenueOrder place(OrderRequest request) {
        KrakenSession s = session();
        if (request.clientOrderId() == null) {
            throw new InvalidOrderException("order for " + request.instrument() + " has no client order id; "
                    + "the core assigns one before sending");
        }
        instruments();
        Rules rules = instruments.check(request);
        VenueOrder asked = new VenueOrder(request.clientOrderId(), null, rules.instrument(), request.side(),
                request.type(), OrderStatus.PENDING_NEW, request.quantity(), BigDecimal.ZERO, null,
                request.limitPrice(), null, System.currentTimeMillis());
        KrakenAddOrderResult answer;
        try {
            answer = KrakenRestClient.await(s.rest.addOrder(KrakenAdapters.orderParams(request, rules)));
        } catch (ExchangeUnavailableException e) {
            // the outcome is unknown: track the id so recovery reports whatever the venue did with it
            s.tracker.placed(asked);
            throw e;
        }
        VenueOrderId txid = answer.txid().isEmpty() ? null : new VenueOrderId(answer.txid().get(0));
        VenueOrder ack = new VenueOrder(request.clientOrderId(), txid, rules.instrument(), request.side(),
                request.type(), OrderStatus.NEW, request.quantity(), BigDecimal.ZERO, null, request.limitPrice(), null,
                System.currentTimeMillis());
        s.tracker.placed(ack);
        return ack;
    }

    @Override
    public VenueOrder cancel(Instrument instrument, ClientOrderId clientOrderId) {
        KrakenSession s = session();
        instruments();
        Rules rules = instruments.require(instrument);
        int count = KrakenRestClient.await(s.rest.cancelOrder(clientOrderId.value())).count();
        if (count == 0) {
            throw new OrderNotFoundException("kraken cancelled no order with client order id " + clientOrderId,
                    null);
        }
        VenueOrder after = lookup(s, rules, clientOrderId).orElseThrow(() -> new OrderNotFoundException(
                "kraken cancelled order " + clientOrderId + " but no longer lists it", null));
        // the cancel is confirmed; Kraken may list the order as open for a moment while it completes
        return after.status().isOpen() ? OrderTracker.withStatus(after, OrderStatus.CANCELED) : after;
    }

    @Override
    public Optional<VenueOrder> query(Instrument instrument, ClientOrderId clientOrderId) {
        KrakenSession s = session();
        instruments();
        return lookup(s, instruments.require(instrument), clientOrderId);
    }

    private Optional<VenueOrder> lookup(KrakenSession s, Rules rules, ClientOrderId id) {
        return found(s, id).map(e -> KrakenAdapters.order(e.getKey(), e.getValue(), rules.instrument(), id));
    }

    /** The order by its txid when known, else by client order id among open and closed orders. */
    private Optional<Map.Entry<String, KrakenOrderInfo>> found(KrakenSession s, ClientOrderId id) {
        Optional<String> txid = s.tracker.venueOrderId(id);
        if (txid.isPresent()) {
            try {
                KrakenOrderInfo info = KrakenRestClient.await(s.rest.queryOrders(List.of(txid.get()))).get(txid.get());
                if (info != null) {
                    return Optional.of(Map.entry(txid.get(), info));
                }
            } catch (OrderNotFoundException e) {
                // fall through to the search by client order id
            }
        }
        return KrakenRestClient.await(s.recovery.findByClientId(id));
    }

    @Override
    public List<VenueOrder> openOrders() {
        KrakenSession s = session();
        instruments();
        List<VenueOrder> out = new ArrayList<>();
        KrakenRestClient.await(s.rest.openOrders(null)).forEach((txid, o) -> {
            if (o.clOrdId() == null || o.clOrdId().isEmpty()) {
                return;
            }
            Optional<Rules> rules = instruments.byPair(o.descr() == null ? null : o.descr().pair());
            try {
                rules.ifPresent(r -> out.add(KrakenAdapters.order(txid, o, r.instrument(), null)));
            } catch (IllegalArgumentException e) {
                logger.debug("kraken account {}: skipped open order {}: {}", settings.account(), txid, e.getMessage());
            }
        });
        return out;
    }

    @Override
    public List<Fill> fills(Instrument instrument, ClientOrderId clientOrderId) {
        KrakenSession s = session();
        instruments();
        Rules rules = instruments.require(instrument);
        Optional<Map.Entry<String, KrakenOrderInfo>> order = found(s, clientOrderId);
        if (order.isEmpty() || order.get().getValue().trades().isEmpty()) {
            return List.of();
        }
        List<String> trades = order.get().getValue().trades();
        List<Fill> out = new ArrayList<>();
        for (int i = 0; i < trades.size(); i += 20) {
            Map<String, KrakenTradeInfo> page = KrakenRestClient.await(
                    s.rest.queryTrades(trades.subList(i, Math.min(trades.size(), i + 20))));
            page.forEach((txid, t) -> out.add(KrakenAdapters.fill(txid, t, clientOrderId, rules.instrument())));
        }
        out.sort(Comparator.comparingLong(Fill::time));
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
    KrakenSettings settings() {
        return settings;
    }

    KrakenSession currentSession() {
        return lifecycle.current();
    }

    private KrakenSession session() {
        return lifecycle.require();
    }
}

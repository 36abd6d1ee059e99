package io.cambist.admin.internal.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.cambist.admin.internal.testing.InMemoryApi.Reply;
import io.cambist.admin.internal.testing.TestApi;
import io.cambist.api.exchange.AccountInfo;
import io.cambist.api.exchange.Capability;
import io.cambist.api.exchange.ConnectionState;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeRegistry;
import io.cambist.api.model.Balance;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.model.OrderType;
import io.cambist.api.model.Side;
import io.cambist.api.model.TimeInForce;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderRequest;
import io.cambist.api.order.OrderService;
import io.cambist.api.order.OrderStatus;
import io.cambist.api.portfolio.Portfolio;
import io.cambist.api.portfolio.Position;

/** Orders, positions, balances and exchanges: read from the core's services, numbers exactly as the core has them. */
public class MarketResourcesTest {

    private static final Instrument ETH_BTC = Instrument.parse("ETH/BTC");

    private final TestApi t = new TestApi();

    public static Order anOrder(String id, OrderStatus status) {
        return new Order(ClientOrderId.of(id), null, "paper", "bot1", ETH_BTC, Side.BUY, OrderType.LIMIT, TimeInForce.GTC,
                new BigDecimal("0.10000000"), null, new BigDecimal("0.00000123"), null, status, BigDecimal.ZERO, null,
                BigDecimal.ZERO, null, "grid:level-3", null, 1000L, 2000L);
    }

    static class Orders implements OrderService {
        final List<OrderQuery> queries = new ArrayList<>();
        final List<Order> all = new ArrayList<>(List.of(anOrder("c1", OrderStatus.NEW), anOrder("c2", OrderStatus.FILLED)));
        final List<String> cancelled = new ArrayList<>();

        @Override
        public Order submit(String strategyId, OrderRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Order cancel(ClientOrderId id) {
            cancelled.add(id.value());
            return anOrder(id.value(), OrderStatus.NEW);
        }

        @Override
        public Optional<Order> order(ClientOrderId id) {
            return all.stream().filter(o -> o.clientOrderId().equals(id)).findFirst();
        }

        @Override
        public List<Order> orders(OrderQuery query) {
            queries.add(query);
            return all;
        }

        @Override
        public ClientOrderId newClientOrderId() {
            return ClientOrderId.of("n1");
        }
    }

    @Test
    void ordersPassTheirFiltersToTheCoreAndKeepEveryDigit() {
        Orders orders = new Orders();
        t.orders.set(orders);
        Reply r = t.api().get("orders?account=paper&strategy=bot1&open=true&instrument=eth-btc&limit=7");
        assertThat(r.status()).isEqualTo(200);
        OrderQuery q = orders.queries.get(0);
        assertThat(q).isEqualTo(new OrderQuery("paper", "bot1", ETH_BTC, true, 7));
        assertThat(r.text()).contains("\"limitPrice\":0.00000123").contains("\"quantity\":0.10000000")
                .contains("\"clientOrderId\":\"c1\"").contains("\"instrument\":\"ETH/BTC\"");
        assertThat(t.api().get("orders").status()).isEqualTo(200);
        assertThat(orders.queries.get(1)).isEqualTo(new OrderQuery(null, null, null, false, 100));
    }

    @Test
    void badOrderFiltersAre400() {
        t.orders.set(new Orders());
        assertThat(t.api().get("orders?open=maybe").status()).isEqualTo(400);
        assertThat(t.api().get("orders?limit=0").status()).isEqualTo(400);
        assertThat(t.api().get("orders?limit=ten").status()).isEqualTo(400);
        assertThat(t.api().get("orders?instrument=ETHBTC").status()).isEqualTo(400);
    }

    @Test
    void oneOrderAndCancellingIt() {
        Orders orders = new Orders();
        t.orders.set(orders);
        assertThat(t.api().get("orders/c1").json().get("status").asText()).isEqualTo("NEW");
        assertThat(t.api().get("orders/zz").status()).isEqualTo(404);
        assertThat(t.api().get("orders/not%20valid").status()).isEqualTo(400);
        assertThat(t.api().delete("orders/c1").status()).isEqualTo(200);
        assertThat(orders.cancelled).containsExactly("c1");
        assertThat(t.api().delete("orders/c2").status()).isEqualTo(409);
    }

    static final class Book implements Portfolio {
        @Override
        public List<String> accounts() {
            return List.of("binance-main", "paper");
        }

        @Override
        public List<Balance> balances(String account) {
            return account.equals("paper") ? List.of(new Balance("BTC", new BigDecimal("0.90000000"), new BigDecimal("0.1")),
                    Balance.of("ETH", new BigDecimal("2.5"))) : List.of();
        }

        @Override
        public Balance balance(String account, String currency) {
            return Balance.of(currency, BigDecimal.ZERO);
        }

        @Override
        public Optional<Position> position(String account, Instrument instrument) {
            return Optional.empty();
        }

        @Override
        public Optional<Position> strategyPosition(String strategyId) {
            if (!strategyId.equals("bot1")) {
                return Optional.empty();
            }
            return Optional.of(new Position("paper", "bot1", ETH_BTC, new BigDecimal("2.5"), new BigDecimal("0.032"), null, null,
                    null, null));
        }

        @Override
        public List<Position> positions() {
            return List.of(new Position("paper", null, ETH_BTC, new BigDecimal("2.5"), new BigDecimal("0.032"),
                    new BigDecimal("0.001"), new BigDecimal("-0.0005"), new BigDecimal("0.0001"), new BigDecimal("0.0318")),
                    new Position("binance-main", null, Instrument.parse("BTC/USDT"), BigDecimal.ONE, null, null, null, null,
                            null));
        }

        @Override
        public Optional<BigDecimal> equity(String account, String currency) {
            return account.equals("paper") ? Optional.of(new BigDecimal("1.0800000")) : Optional.empty();
        }
    }

    @Test
    void positionsByAccountAndByStrategy() {
        t.portfolio.set(new Book());
        assertThat(t.api().get("positions").json()).hasSize(2);
        JsonNode paper = t.api().get("positions?account=paper").json();
        assertThat(paper).hasSize(1);
        assertThat(paper.get(0).get("unrealizedPnl").decimalValue()).isEqualByComparingTo("-0.0005");
        assertThat(t.api().get("positions?strategy=bot1").json().get(0).get("strategyId").asText()).isEqualTo("bot1");
        assertThat(t.api().get("positions?strategy=other").json()).isEmpty();
    }

    @Test
    void balancesPerAccountWithTotalsAndOptionalEquity() {
        t.portfolio.set(new Book());
        JsonNode all = t.api().get("balances").json();
        assertThat(all).hasSize(2);
        Reply valued = t.api().get("balances?account=paper&currency=btc");
        assertThat(valued.text()).contains("\"equity\":1.0800000");
        JsonNode paper = valued.json().get(0);
        assertThat(paper.get("account").asText()).isEqualTo("paper");
        assertThat(paper.get("balances").get(0).get("total").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(paper.get("currency").asText()).isEqualTo("BTC");
        Reply unknown = t.api().get("balances?account=kraken");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asText()).contains("binance-main, paper");
    }

    @Test
    void exchangesWithTheirConnectionStatus() {
        t.exchanges.set(new ExchangeRegistry() {
            final AccountInfo paper = new AccountInfo("paper", "paper", ConnectionStatus.online(5L),
                    Set.of(Capability.MARKET_ORDER, Capability.LIMIT_ORDER), 3, true, 0);
            final AccountInfo binance = new AccountInfo("binance-main", "binance",
                    ConnectionStatus.of(ConnectionState.DEGRADED, "rate limited until 12:00:05 (HTTP 429)", 9L), Set.of(), 0,
                    false, 4);

            @Override
            public List<AccountInfo> accounts() {
                return List.of(binance, paper);
            }

            @Override
            public Optional<AccountInfo> account(String account) {
                return accounts().stream().filter(a -> a.account().equals(account)).findFirst();
            }
        });
        JsonNode list = t.api().get("exchanges").json();
        assertThat(list.get(0).get("status").get("state").asText()).isEqualTo("DEGRADED");
        assertThat(list.get(0).get("status").get("reason").asText()).contains("429");
        JsonNode paper = t.api().get("exchanges/paper").json();
        assertThat(paper.get("capabilities").toString()).isEqualTo("[\"LIMIT_ORDER\",\"MARKET_ORDER\"]");
        assertThat(paper.get("reconciled").asBoolean()).isTrue();
        assertThat(t.api().get("exchanges/kraken").status()).isEqualTo(404);
    }

    @Test
    void eachResourceSays503WhenTheCoreIsAbsent() {
        for (String path : List.of("orders", "positions", "balances", "exchanges", "strategies")) {
            Reply r = t.api().get(path);
            assertThat(r.status()).as(path).isEqualTo(503);
            assertThat(r.json().get("detail").asText()).as(path).contains("io.cambist.core");
        }
        assertThat(Map.of()).isEmpty();
    }

    @Test
    void aServiceThatThrowsNoSuchElementIs404() {
        t.orders.set(new Orders() {
            @Override
            public Order cancel(ClientOrderId id) {
                throw new NoSuchElementException("order " + id + " vanished");
            }
        });
        assertThat(t.api().delete("orders/c1").status()).isEqualTo(404);
    }
}

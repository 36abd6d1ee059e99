package io.cambist.exchange.binance.internal.dto;

import java.util.List;

/**
 * One symbol of {@code exchangeInfo}.
 *
 * @param symbol                     venue symbol, e.g. {@code ETHBTC}
 * @param status                     {@code TRADING}, {@code BREAK}, {@code HALT}, ...
 * @param baseAsset                  e.g. {@code ETH}
 * @param quoteAsset                 e.g. {@code BTC}
 * @param orderTypes                 order types the symbol accepts, e.g. {@code LIMIT}, {@code MARKET}, {@code LIMIT_MAKER}
 * @param quoteOrderQtyMarketAllowed whether market orders may be sized by {@code quoteOrderQty}
 * @param filters                    the symbol's trading rules
 */
public record BinanceSymbol(String symbol, String status, String baseAsset, String quoteAsset, List<String> orderTypes,
        boolean quoteOrderQtyMarketAllowed, List<BinanceFilter> filters) {

    public BinanceSymbol {
        orderTypes = orderTypes == null ? List.of() : List.copyOf(orderTypes);
        filters = filters == null ? List.of() : List.copyOf(filters);
    }
}

package io.cambist.exchange.binance.internal.dto;

/** The body of every Binance error answer, e.g. {@code {"code":-1021,"msg":"Timestamp for this request ..."}}. */
public record BinanceError(int code, String msg) {
}

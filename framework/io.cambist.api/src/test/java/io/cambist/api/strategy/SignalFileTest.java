package io.cambist.api.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;

class SignalFileTest {

    @Test
    void aFileIsAnArrayOfSignalObjectsReturnedInTimeOrder() {
        List<Signal> signals = SignalFile.parse("""
                [
                  {"id": "b", "time": "2018-01-10T06:00:00Z", "action": "sell", "instrument": "ETH/BTC", "size": "0.5"},
                  {"id": "a", "time": 1515560100000, "action": "BUY", "instrument": "eth-btc", "sizeQuote": 0.01,
                   "price": 0.0984},
                  {"id": 7, "time": "2018-01-10T07:00:00+01:00", "action": "close", "instrument": "ETH/BTC", "price": ""}
                ]""");
        assertThat(signals).extracting(Signal::id).containsExactly("a", "b", "7");
        Signal a = signals.get(0);
        assertThat(a.time()).isEqualTo(1515560100000L);
        assertThat(a.action()).isEqualTo(SignalAction.BUY);
        assertThat(a.instrument()).isEqualTo(Instrument.of("ETH", "BTC"));
        assertThat(a.sizeQuote()).isEqualByComparingTo("0.01");
        assertThat(a.price()).isEqualByComparingTo("0.0984");
        assertThat(a.size()).isNull();
        assertThat(a.source()).isEqualTo("file");
        assertThat(a.clientOrderId()).isNull();
        assertThat(signals.get(1).time()).isEqualTo(1515564000000L);
        assertThat(signals.get(1).size()).isEqualByComparingTo("0.5");
        assertThat(signals.get(2).time()).isEqualTo(1515564000000L);
        assertThat(signals.get(2).price()).isNull();
    }

    @Test
    void numbersKeepEveryDigit() {
        Signal s = SignalFile.parse("[{\"id\":\"x\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\","
                + "\"size\":0.123456789012345678901234567890}]").get(0);
        assertThat(s.size()).isEqualTo(new BigDecimal("0.123456789012345678901234567890"));
    }

    @Test
    void errorsNameTheElementAndTheField() {
        assertThatThrownBy(() -> SignalFile.parse("{}")).hasMessageContaining("JSON array of signal objects");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"x\",\"time\":1,\"action\":\"hold\",\"instrument\":\"A/B\"}]"))
                .hasMessage("element 1: action 'hold' is not one of buy, sell, close");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"x\",\"time\":\"yesterday\",\"action\":\"buy\",\"instrument\":\"A/B\"}]"))
                .hasMessageStartingWith("element 1: 'time' must be epoch milliseconds or an ISO-8601 time");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"x\",\"time\":1,\"action\":\"buy\",\"instrument\":\"AB\"}]"))
                .hasMessageContaining("not of the form BASE/QUOTE");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"x\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\","
                + "\"secret\":\"s\"}]")).hasMessage("element 1: unknown field 'secret'; allowed: action, id, instrument, price, "
                        + "size, sizeQuote, time");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"x\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\","
                + "\"size\":-1}]")).hasMessage("element 1: field 'size' must be positive, not -1");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"x\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\","
                + "\"size\":\"lots\"}]")).hasMessage("element 1: field 'size' must be a number, not 'lots'");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"x\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\","
                + "\"size\":1,\"sizeQuote\":2}]")).hasMessage("element 1: give size or sizeQuote, not both");
        assertThatThrownBy(() -> SignalFile.parse("[{\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\"}]"))
                .hasMessageContaining("field 'id' is required");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"a\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\"},"
                + "{\"id\":\"a\",\"time\":2,\"action\":\"sell\",\"instrument\":\"A/B\"}]"))
                .hasMessageStartingWith("element 2: id 'a' was already used by element 1");
        assertThatThrownBy(() -> SignalFile.parse("[1]")).hasMessage("element 1 is not a JSON object");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> SignalFile.parse("[\n  {\"id\": \"a\",}\n]")).hasMessage(
                "line 2, column 14: a property name in double quotes was expected");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"a\"} x")).hasMessageContaining("',' or ']' was expected");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"a\",\"id\":\"b\"}]")).hasMessageContaining("appears twice");
        assertThatThrownBy(() -> SignalFile.parse("[\"abc")).hasMessageContaining("not closed");
        assertThatThrownBy(() -> SignalFile.parse("[01]")).hasMessageContaining("must not start with 0");
        assertThatThrownBy(() -> SignalFile.parse("[]  ]")).hasMessageContaining("after the end of the JSON value");
        assertThatThrownBy(() -> SignalFile.parse("[".repeat(100))).hasMessageContaining("nested more than 64");
        assertThat(SignalFile.parse(" [ ] ")).isEmpty();
    }

    @Test
    void stringsUnescape() {
        Signal s = SignalFile.parse("[{\"id\":\"tv\\u00e9\\\"1\\n\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\"}]")
                .get(0);
        assertThat(s.id()).isEqualTo("tvé\"1");
        assertThatThrownBy(() -> SignalFile.parse("[{\"id\":\"a\\u0001b\",\"time\":1,\"action\":\"buy\",\"instrument\":\"A/B\"}]"))
                .hasMessageContaining("control characters");
    }

    @Test
    void fieldsFromAJsonLibraryGiveTheSameSignal() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("id", "tv-1");
        fields.put("time", 1700000000000L);
        fields.put("action", "buy");
        fields.put("instrument", "BTC/USDT");
        fields.put("sizeQuote", new BigDecimal("25"));
        fields.put("price", null);
        Signal s = SignalFile.signal(fields, ClientOrderId.of("cb1"), "webhook:tv");
        assertThat(s.clientOrderId()).isEqualTo(ClientOrderId.of("cb1"));
        assertThat(s.source()).isEqualTo("webhook:tv");
        assertThat(s.sizeQuote()).isEqualByComparingTo("25");
        assertThat(SignalFile.time("1700000000000")).isEqualTo(1700000000000L);
        assertThat(SignalFile.time("2023-11-14T22:13:20Z")).isEqualTo(1700000000000L);
        assertThatThrownBy(() -> SignalFile.time(1.5)).hasMessageContaining("epoch milliseconds");
        assertThatThrownBy(() -> SignalFile.time(-1)).hasMessageContaining("epoch milliseconds");
    }

    @Test
    void readNamesTheFile(@TempDir Path dir) throws Exception {
        Path f = Files.writeString(dir.resolve("signals.json"), "[{\"id\":\"a\",\"time\":1}]");
        assertThatThrownBy(() -> SignalFile.read(f)).hasMessage("signal file " + f + ": element 1: field 'action' is required");
        assertThatThrownBy(() -> SignalFile.read(dir.resolve("missing.json"))).hasMessageStartingWith("signal file "
                + dir.resolve("missing.json") + " cannot be read");
    }
}

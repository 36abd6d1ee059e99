package io.cambist.distribution.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A paper account's state read straight from its files ({@code <data>/paper/<account>/snapshot.txt} and
 * {@code journal.log}, format in docs/paper-venue.md), independently of the paper bundle's code: the venue's side of
 * the crash test's comparison. Each record holds the full new state of one thing, so the last one wins.
 */
public final class PaperVenueFiles {

    /** An order as the venue has it. */
    public record VenueOrder(String clientOrderId, String status, BigDecimal filled, BigDecimal fees) {
    }

    /** A fill as the venue has it. */
    public record VenueFill(String tradeId, String clientOrderId, BigDecimal quantity) {
    }

    private final Map<String, VenueOrder> orders = new LinkedHashMap<>();
    private final Map<String, VenueFill> fills = new LinkedHashMap<>();
    private final Map<String, BigDecimal> balances = new LinkedHashMap<>();

    /** Reads a stopped account's directory. */
    public static PaperVenueFiles read(Path accountDir) {
        PaperVenueFiles state = new PaperVenueFiles();
        try {
            List<String> snapshot = Files.readAllLines(accountDir.resolve("snapshot.txt"));
            long after = Long.parseLong(snapshot.get(0).split(" ")[2]);
            for (String line : snapshot.subList(1, snapshot.size())) {
                if (!line.startsWith("END ")) {
                    state.apply(line);
                }
            }
            Path journal = accountDir.resolve("journal.log");
            if (Files.exists(journal)) {
                for (String line : Files.readAllLines(journal)) {
                    String[] parts = line.split(" ", 3);
                    if (parts.length == 3 && Long.parseLong(parts[0]) > after) {
                        for (String record : parts[2].split("\t")) {
                            state.apply(record);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return state;
    }

    private void apply(String record) {
        String[] f = record.split("\\|", -1);
        switch (f[0]) {
            // O|sequence|clientOrderId|venueOrderId|side|type|tif|qty|quoteQty|limit|stop|created|status|filled|notional|fees|...
            case "O" -> orders.put(f[2], new VenueOrder(f[2], f[12], decimal(f[13]), decimal(f[15])));
            // F|tradeId|clientOrderId|venueOrderId|side|price|quantity|...
            case "F" -> fills.put(f[1], new VenueFill(f[1], f[2], decimal(f[6])));
            // B|currency|free|locked
            case "B" -> balances.put(f[1], decimal(f[2]).add(decimal(f[3])));
            default -> {
                // header, counters, market position
            }
        }
    }

    private static BigDecimal decimal(String field) {
        return field.equals("~") ? BigDecimal.ZERO : new BigDecimal(field);
    }

    public Map<String, VenueOrder> orders() {
        return orders;
    }

    public Map<String, VenueFill> fills() {
        return fills;
    }

    /** Free plus locked. */
    public BigDecimal balance(String currency) {
        return balances.getOrDefault(currency, BigDecimal.ZERO);
    }
}

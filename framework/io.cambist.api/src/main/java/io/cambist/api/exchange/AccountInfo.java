package io.cambist.api.exchange;

import java.util.Objects;
import java.util.Set;

/**
 * What the core knows about one venue account, for the admin API.
 *
 * @param account      account id
 * @param venue        venue name
 * @param status       connection status
 * @param capabilities what the connector supports
 * @param instruments  number of instruments loaded
 * @param reconciled   true once open orders have been reconciled with the venue since the connector was bound;
 *                     until then no new order is sent to it
 * @param malformed    venue messages that could not be parsed and were skipped
 */
public record AccountInfo(String account, String venue, ConnectionStatus status, Set<Capability> capabilities,
        int instruments, boolean reconciled, long malformed) {

    public AccountInfo {
        Objects.requireNonNull(account, "account");
        capabilities = Set.copyOf(capabilities);
    }
}

package io.cambist.admin.internal.trading;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Params;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.model.Currencies;
import io.cambist.api.portfolio.Portfolio;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /balances}: balances per venue account, optionally valued in one currency. */
@Path("balances")
@Produces(MediaType.APPLICATION_JSON)
public class BalancesResource {

    /**
     * One account's balances.
     *
     * @param account  the account
     * @param balances its balances, sorted by currency
     * @param equity   the account's value in {@code currency}, when asked for and computable
     * @param currency the currency of {@code equity}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountBalances(String account, List<BalanceView> balances, BigDecimal equity, String currency) {
    }

    /**
     * One balance.
     *
     * @param currency the currency
     * @param free     available
     * @param locked   reserved by open orders
     * @param total    free + locked
     */
    public record BalanceView(String currency, BigDecimal free, BigDecimal locked, BigDecimal total) {
    }

    private final ServiceSource<Portfolio> portfolio;

    public BalancesResource(ServiceSource<Portfolio> portfolio) {
        this.portfolio = portfolio;
    }

    @GET
    public List<AccountBalances> list(@QueryParam("account") String account, @QueryParam("currency") String currency) {
        Portfolio p = portfolio.require();
        String valuedIn = currency == null ? null : Currencies.check("valuation", currency);
        List<String> accounts = p.accounts();
        if (account != null) {
            Params.name("account", account);
            if (!accounts.contains(account)) {
                throw ApiException.notFound("no balances for account '" + account + "'; known accounts: "
                        + (accounts.isEmpty() ? "none" : String.join(", ", accounts)));
            }
            accounts = List.of(account);
        }
        List<AccountBalances> result = new ArrayList<>();
        for (String a : accounts) {
            List<BalanceView> balances = p.balances(a).stream()
                    .map(b -> new BalanceView(b.currency(), b.free(), b.locked(), b.total())).toList();
            BigDecimal equity = valuedIn == null ? null : p.equity(a, valuedIn).orElse(null);
            result.add(new AccountBalances(a, balances, equity, equity == null ? null : valuedIn));
        }
        return result;
    }
}

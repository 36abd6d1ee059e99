package io.cambist.admin.internal.trading;

import java.util.List;

import io.cambist.admin.internal.rest.Params;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.portfolio.Portfolio;
import io.cambist.api.portfolio.Position;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /positions}: open positions per account, or the position one strategy instance built. */
@Path("positions")
@Produces(MediaType.APPLICATION_JSON)
public class PositionsResource {

    private final ServiceSource<Portfolio> portfolio;

    public PositionsResource(ServiceSource<Portfolio> portfolio) {
        this.portfolio = portfolio;
    }

    @GET
    public List<Position> list(@QueryParam("account") String account, @QueryParam("strategy") String strategy) {
        Portfolio p = portfolio.require();
        if (strategy != null) {
            return p.strategyPosition(Params.name("strategy", strategy)).stream().toList();
        }
        String acc = account == null ? null : Params.name("account", account);
        return p.positions().stream().filter(pos -> acc == null || acc.equals(pos.account())).toList();
    }
}

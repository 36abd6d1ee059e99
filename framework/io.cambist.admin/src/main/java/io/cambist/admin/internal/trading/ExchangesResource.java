package io.cambist.admin.internal.trading;

import java.util.List;

import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Params;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.exchange.AccountInfo;
import io.cambist.api.exchange.ConnectionStatus;
import io.cambist.api.exchange.ExchangeRegistry;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /exchanges}: the venue accounts the core has bound and their connection status. */
@Path("exchanges")
@Produces(MediaType.APPLICATION_JSON)
public class ExchangesResource {

    /**
     * A venue account.
     *
     * @param account      account id
     * @param venue        venue name
     * @param status       CONNECTING, ONLINE, DEGRADED or OFFLINE, with the reason and since when
     * @param capabilities what the connector supports, sorted
     * @param instruments  instruments loaded
     * @param reconciled   true once open orders were reconciled (no order flows before)
     * @param malformed    venue messages skipped as malformed
     */
    public record ExchangeView(String account, String venue, ConnectionStatus status, List<String> capabilities,
            int instruments, boolean reconciled, long malformed) {

        static ExchangeView of(AccountInfo a) {
            return new ExchangeView(a.account(), a.venue(), a.status(),
                    a.capabilities().stream().map(Enum::name).sorted().toList(), a.instruments(), a.reconciled(),
                    a.malformed());
        }
    }

    private final ServiceSource<ExchangeRegistry> registry;

    public ExchangesResource(ServiceSource<ExchangeRegistry> registry) {
        this.registry = registry;
    }

    @GET
    public List<ExchangeView> list() {
        return registry.require().accounts().stream().map(ExchangeView::of).toList();
    }

    @GET
    @Path("{id}")
    public ExchangeView get(@PathParam("id") String id) {
        Params.name("account", id);
        return registry.require().account(id).map(ExchangeView::of)
                .orElseThrow(() -> ApiException.notFound("no exchange account '" + id + "'; GET /api/v1/exchanges lists them"));
    }
}

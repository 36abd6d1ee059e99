package io.cambist.admin.internal.trading;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.auth.KeySecurityContext;
import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Params;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.model.ClientOrderId;
import io.cambist.api.model.Instrument;
import io.cambist.api.order.Order;
import io.cambist.api.order.OrderQuery;
import io.cambist.api.order.OrderService;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /orders}: the orders the core knows, newest first, and cancelling one. */
@Path("orders")
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    private final Logger logger = LoggerFactory.getLogger(OrdersResource.class);
    private final ServiceSource<OrderService> orders;

    public OrdersResource(ServiceSource<OrderService> orders) {
        this.orders = orders;
    }

    @GET
    public List<Order> list(@QueryParam("account") String account, @QueryParam("strategy") String strategy,
            @QueryParam("open") String open, @QueryParam("instrument") String instrument, @QueryParam("limit") String limit) {
        OrderQuery query = new OrderQuery(account == null ? null : Params.name("account", account),
                strategy == null ? null : Params.name("strategy", strategy),
                instrument == null ? null : Instrument.parse(instrument), Params.boolParam("open", open, false),
                (int) Params.longParam("limit", limit, 100, 1, 10_000));
        return orders.require().orders(query);
    }

    @GET
    @Path("{clientOrderId}")
    public Order get(@PathParam("clientOrderId") String clientOrderId) {
        ClientOrderId id = ClientOrderId.of(clientOrderId);
        return orders.require().order(id).orElseThrow(() -> missing(id));
    }

    @DELETE
    @Path("{clientOrderId}")
    public Order cancel(@PathParam("clientOrderId") String clientOrderId, @Context SecurityContext caller) {
        ClientOrderId id = ClientOrderId.of(clientOrderId);
        OrderService service = orders.require();
        Order order = service.order(id).orElseThrow(() -> missing(id));
        if (!order.isOpen()) {
            throw ApiException.conflict("order " + id + " is " + order.status() + " and can no longer be cancelled");
        }
        logger.info("order {} cancelled by {}", id, KeySecurityContext.actor(caller));
        return service.cancel(id);
    }

    private static ApiException missing(ClientOrderId id) {
        return ApiException.notFound("no order with client order id " + id + "; GET /api/v1/orders lists them");
    }
}

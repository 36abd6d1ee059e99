package io.cambist.admin.internal.trading;

import java.util.List;
import java.util.function.Supplier;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /strategy-types}: the strategy types the installed bundles offer, with their factory PIDs. */
@Path("strategy-types")
@Produces(MediaType.APPLICATION_JSON)
public class StrategyTypesResource {

    private final Supplier<List<StrategyType>> types;

    public StrategyTypesResource(Supplier<List<StrategyType>> types) {
        this.types = types;
    }

    @GET
    public List<StrategyType> list() {
        return types.get();
    }
}

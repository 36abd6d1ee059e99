package io.cambist.admin.internal.trading;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.auth.KeySecurityContext;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.strategy.StrategyRunner;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

/** {@code POST /halt}: the kill switch for everything: every instance HALTED, every open order cancelled. */
@Path("halt")
@Produces(MediaType.APPLICATION_JSON)
public class HaltResource {

    /**
     * Why the kill switch was pulled.
     *
     * @param reason free text, recorded with the halted instances
     */
    public record Reason(String reason) {
    }

    /**
     * What the kill switch did.
     *
     * @param halted    how many instances
     * @param instances each instance after the halt
     */
    public record Halted(int halted, List<StrategyView> instances) {
    }

    private final Logger logger = LoggerFactory.getLogger(HaltResource.class);
    private final ServiceSource<StrategyRunner> runner;
    private final StrategiesResource strategies;

    public HaltResource(ServiceSource<StrategyRunner> runner, StrategiesResource strategies) {
        this.runner = runner;
        this.strategies = strategies;
    }

    @POST
    public Halted haltAll(Reason body, @Context SecurityContext caller) {
        StrategyRunner r = runner.require();
        String actor = KeySecurityContext.actor(caller);
        String reason = reason(body, actor);
        logger.warn("kill switch: every strategy halted by {}: {}", actor, reason);
        List<StrategyView> halted = r.haltAll(reason).stream().map(strategies::view).toList();
        return new Halted(halted.size(), halted);
    }

    static String reason(Reason body, String actor) {
        String text = body == null || body.reason() == null || body.reason().isBlank() ? "kill switch" : body.reason().trim();
        if (text.length() > 500) {
            text = text.substring(0, 500);
        }
        return text + " (by " + actor + " via the admin API)";
    }
}

package io.cambist.admin.internal.trading;

import java.net.URI;
import java.util.Collections;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.osgi.service.cm.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.auth.KeySecurityContext;
import io.cambist.admin.internal.platform.ConfigurationStore;
import io.cambist.admin.internal.platform.Secrets;
import io.cambist.admin.internal.rest.ApiException;
import io.cambist.admin.internal.rest.Params;
import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.model.Instrument;
import io.cambist.api.strategy.StrategyRunner;
import io.cambist.api.strategy.StrategyState;
import io.cambist.api.strategy.StrategySnapshot;
import io.cambist.api.strategy.StrategyStatus;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code /strategies}: trading bots. One factory configuration of a strategy type's factory PID is one instance; this
 * resource creates, enables, disables and deletes those configurations, and asks the runner to pause, resume and halt.
 */
@Path("strategies")
@Produces(MediaType.APPLICATION_JSON)
public class StrategiesResource {

    /** Configuration keys the core reads besides the strategy's own parameters. */
    public static final Predicate<String> RESERVED = k -> k.equals("instrument") || k.equals("account") || k.equals("enabled")
            || k.startsWith("exit.") || k.startsWith("risk.");

    /**
     * A new bot.
     *
     * @param type       the strategy type (GET /api/v1/strategy-types)
     * @param id         the instance id, 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     * @param instrument BASE/QUOTE
     * @param account    the venue account (default {@code paper})
     * @param enabled    false to create it stopped (default true)
     * @param parameters the strategy's parameters, plus {@code exit.*} and {@code risk.*} keys
     */
    public record NewStrategy(String type, String id, String instrument, String account, Boolean enabled,
            Map<String, Object> parameters) {
    }

    /**
     * A requested state.
     *
     * @param state RUNNING, PAUSED or STOPPED
     */
    public record StateChange(String state) {
    }

    /**
     * The answer to a create.
     *
     * @param id               the instance id
     * @param type             its type
     * @param configurationPid its configuration
     * @param status           the runner's view, once it has picked the configuration up (else null)
     * @param warnings         parameters the strategy's metatype does not define
     */
    public record Created(String id, String type, String configurationPid, StrategyView status, List<String> warnings) {
    }

    private final Logger logger = LoggerFactory.getLogger(StrategiesResource.class);
    private final ServiceSource<StrategyRunner> runner;
    private final ConfigurationStore configurations;
    private final Supplier<List<StrategyType>> types;
    private final LongSupplier stateWaitMillis;

    public StrategiesResource(ServiceSource<StrategyRunner> runner, ConfigurationStore configurations,
            Supplier<List<StrategyType>> types, LongSupplier stateWaitMillis) {
        this.runner = runner;
        this.configurations = configurations;
        this.types = types;
        this.stateWaitMillis = stateWaitMillis;
    }

    @GET
    public List<StrategyView> list() {
        return runner.require().instances().stream().map(this::view).toList();
    }

    @GET
    @Path("{id}")
    public StrategyView get(@PathParam("id") String id) {
        return view(status(runner.require(), id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewStrategy body, @Context SecurityContext caller) {
        if (body == null) {
            throw ApiException.badRequest("send {\"type\": \"grid\", \"id\": \"my-bot\", \"instrument\": \"ETH/BTC\", "
                    + "\"account\": \"paper\", \"parameters\": {...}}");
        }
        if (body.type() == null || body.type().isBlank()) {
            throw ApiException.badRequest("'type' is required: one of " + typeNames());
        }
        String id = Params.name("strategy id", body.id());
        Instrument instrument = Instrument.parse(body.instrument());
        String account = Params.name("account", body.account() == null ? "paper" : body.account());
        StrategyType type = types.get().stream().filter(t -> t.type().equals(body.type())).findFirst()
                .orElseThrow(() -> ApiException.badRequest("unknown strategy type '" + Params.shorten(body.type())
                        + "'; installed types: " + typeNames()));
        StrategyRunner r = runner.get();
        if (r != null && r.instance(id).isPresent()) {
            throw ApiException.conflict("strategy '" + id + "' exists; change it with PUT /api/v1/configurations/"
                    + r.instance(id).get().configurationPid());
        }
        Map<String, Object> props = new LinkedHashMap<>();
        if (body.parameters() != null) {
            for (String key : body.parameters().keySet()) {
                if (key.equals("instrument") || key.equals("account") || key.equals("enabled")) {
                    throw ApiException.badRequest("'" + key + "' belongs at the top level of the body, not in 'parameters'");
                }
            }
            props.putAll(body.parameters());
        }
        props.put("instrument", instrument.symbol());
        props.put("account", account);
        if (body.enabled() != null) {
            props.put("enabled", body.enabled());
        }
        ConfigurationStore.Written w = configurations.create(type.factoryPid(), id, props, RESERVED);
        logger.info("strategy {} ({}) created by {}", id, type.type(), KeySecurityContext.actor(caller));
        Optional<StrategyStatus> status = waitFor(id, s -> true);
        return Response.created(URI.create("strategies/" + id)).entity(new Created(id, type.type(), w.view().pid(),
                status.map(this::view).orElse(null), w.view().warnings())).build();
    }

    @PUT
    @Path("{id}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response setState(@PathParam("id") String id, StateChange change, @Context SecurityContext caller) {
        StrategyRunner r = runner.require();
        StrategyStatus s = status(r, id);
        if (change == null || change.state() == null) {
            throw ApiException.badRequest("send {\"state\": \"RUNNING\"}, {\"state\": \"PAUSED\"} or {\"state\": \"STOPPED\"}");
        }
        String wanted = change.state().trim().toUpperCase(Locale.ROOT);
        String actor = KeySecurityContext.actor(caller);
        StrategyState target;
        switch (wanted) {
            case "PAUSED" -> {
                target = StrategyState.PAUSED;
                r.pause(id);
            }
            case "RUNNING" -> {
                target = StrategyState.RUNNING;
                switch (s.state()) {
                    case STOPPED -> setEnabled(s, true);
                    case PAUSED, HALTED -> r.resume(id);
                    // a failed instance starts again when its configuration is delivered anew
                    case FAILED -> setEnabled(s, true);
                    default -> {
                        // RUNNING already, or CREATED and waiting for its bundle or venue
                    }
                }
            }
            case "STOPPED" -> {
                target = StrategyState.STOPPED;
                setEnabled(s, false);
            }
            default -> throw ApiException.badRequest("state '" + Params.shorten(change.state())
                    + "' is not RUNNING, PAUSED or STOPPED (use POST /api/v1/strategies/" + id + "/halt for the kill switch)");
        }
        logger.info("strategy {} set to {} by {}", id, wanted, actor);
        Optional<StrategyStatus> after = waitFor(id, st -> st.state() == target);
        StrategyStatus now = after.orElseGet(() -> r.instance(id).orElse(s));
        return Response.status(now.state() == target ? 200 : 202).entity(view(now)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id, @Context SecurityContext caller) {
        Params.name("strategy id", id);
        String pid = configurationOf(id).orElseThrow(() -> missing(id));
        configurations.delete(pid);
        logger.info("strategy {} deleted by {} (configuration {})", id, KeySecurityContext.actor(caller), pid);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/halt")
    public StrategyView halt(@PathParam("id") String id, HaltResource.Reason body, @Context SecurityContext caller) {
        StrategyRunner r = runner.require();
        status(r, id);
        String actor = KeySecurityContext.actor(caller);
        String reason = HaltResource.reason(body, actor);
        logger.warn("kill switch: strategy {} halted by {}: {}", id, actor, reason);
        return view(r.halt(id, reason));
    }

    /** The view of an instance, with its strategy's PASSWORD parameters masked as well as secret-looking ones. */
    StrategyView view(StrategyStatus s) {
        String factoryPid = s.configurationPid() != null && s.configurationPid().contains("~")
                ? s.configurationPid().substring(0, s.configurationPid().indexOf('~'))
                : types.get().stream().filter(t -> t.type().equals(s.type())).map(StrategyType::factoryPid).findFirst()
                        .orElse(null);
        Set<String> passwords = factoryPid == null ? Set.of()
                : Secrets.passwordAttributes(configurations.ocds(), s.configurationPid(), factoryPid);
        StrategyRunner r = runner.get();
        Map<String, String> saved = r == null ? Map.of()
                : r.savedState(s.id()).map(StrategySnapshot::values).orElse(Map.of());
        return StrategyView.of(s, passwords, saved);
    }

    private StrategyStatus status(StrategyRunner r, String id) {
        Params.name("strategy id", id);
        return r.instance(id).orElseThrow(() -> missing(id));
    }

    private Optional<String> configurationOf(String id) {
        StrategyRunner r = runner.get();
        if (r != null) {
            Optional<StrategyStatus> s = r.instance(id);
            if (s.isPresent() && s.get().configurationPid() != null) {
                return Optional.of(s.get().configurationPid());
            }
        }
        // without the runner: a named factory configuration of any strategy type
        for (StrategyType t : types.get()) {
            String pid = t.factoryPid() + "~" + id;
            if (configurations.find(pid).isPresent()) {
                return Optional.of(pid);
            }
        }
        return Optional.empty();
    }

    private void setEnabled(StrategyStatus s, boolean enabled) {
        if (s.configurationPid() == null) {
            throw ApiException.conflict("strategy '" + s.id() + "' has no configuration to change");
        }
        Configuration c = configurations.find(s.configurationPid()).orElseThrow(() -> ApiException.conflict(
                "the configuration " + s.configurationPid() + " of strategy '" + s.id() + "' no longer exists"));
        Hashtable<String, Object> props = new Hashtable<>();
        if (c.getProperties() != null) {
            for (String key : Collections.list(c.getProperties().keys())) {
                props.put(key, c.getProperties().get(key));
            }
        }
        props.put("enabled", enabled);
        configurations.update(c, props);
    }

    private Optional<StrategyStatus> waitFor(String id, Predicate<StrategyStatus> condition) {
        long deadline = System.nanoTime() + stateWaitMillis.getAsLong() * 1_000_000L;
        while (true) {
            StrategyRunner r = runner.get();
            Optional<StrategyStatus> s = r == null ? Optional.empty() : r.instance(id);
            if (s.isPresent() && condition.test(s.get())) {
                return s;
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    private String typeNames() {
        List<String> names = types.get().stream().map(StrategyType::type).toList();
        return names.isEmpty() ? "none (no strategy bundle is active)" : String.join(", ", names);
    }

    private static ApiException missing(String id) {
        return ApiException.notFound("no strategy '" + id + "'; GET /api/v1/strategies lists them");
    }
}

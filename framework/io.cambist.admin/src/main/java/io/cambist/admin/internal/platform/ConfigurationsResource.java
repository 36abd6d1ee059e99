package io.cambist.admin.internal.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.cambist.admin.internal.auth.KeySecurityContext;
import io.cambist.admin.internal.rest.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/** {@code /configurations}: Configuration Admin over HTTP, validated against metatype, secrets never shown. */
@Path("configurations")
@Produces(MediaType.APPLICATION_JSON)
public class ConfigurationsResource {

    private final Logger logger = LoggerFactory.getLogger(ConfigurationsResource.class);
    private final ConfigurationStore store;

    public ConfigurationsResource(ConfigurationStore store) {
        this.store = store;
    }

    @GET
    public List<ConfigurationView> list(@QueryParam("factoryPid") String factoryPid) {
        if (factoryPid != null) {
            ConfigurationStore.checkPid("factoryPid", factoryPid);
        }
        return store.list(factoryPid);
    }

    @GET
    @Path("{pid}")
    public ConfigurationView get(@PathParam("pid") String pid) {
        ConfigurationStore.checkPid("pid", pid);
        return store.view(store.find(pid).orElseThrow(() -> missing(pid)), List.of());
    }

    @PUT
    @Path("{pid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("pid") String pid, Map<String, Object> properties, @Context SecurityContext caller) {
        ConfigurationStore.Written w = store.put(pid, properties, k -> false);
        logger.info("configuration {} {} by {}", w.view().pid(), w.created() ? "created" : "replaced",
                KeySecurityContext.actor(caller));
        return w.created() ? Response.created(URI.create("configurations/" + w.view().pid())).entity(w.view()).build()
                : Response.ok(w.view()).build();
    }

    @DELETE
    @Path("{pid}")
    public Response delete(@PathParam("pid") String pid, @Context SecurityContext caller) {
        ConfigurationStore.checkPid("pid", pid);
        if (!store.delete(pid)) {
            throw missing(pid);
        }
        logger.info("configuration {} deleted by {}", pid, KeySecurityContext.actor(caller));
        return Response.noContent().build();
    }

    @POST
    @Path("factories/{factoryPid}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@PathParam("factoryPid") String factoryPid, @QueryParam("name") String name,
            Map<String, Object> properties, @Context SecurityContext caller) {
        ConfigurationStore.Written w = store.create(factoryPid, name == null || name.isEmpty() ? null : name, properties,
                k -> false);
        logger.info("factory configuration {} created by {}", w.view().pid(), KeySecurityContext.actor(caller));
        return Response.created(URI.create("configurations/" + w.view().pid())).entity(w.view()).build();
    }

    private static ApiException missing(String pid) {
        return ApiException.notFound("no configuration with pid " + pid + "; GET /api/v1/configurations lists them");
    }
}

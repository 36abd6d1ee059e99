package io.cambist.admin.internal.security;

import java.util.List;

import io.cambist.admin.internal.services.ServiceSource;
import io.cambist.api.security.NonceStore;
import io.cambist.api.security.NonceStoreStats;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /nonces}: the counters of every nonce store (replays refused, nonces retained, ...). */
@Path("nonces")
@Produces(MediaType.APPLICATION_JSON)
public class NoncesResource {

    /**
     * The nonce stores, the one in use first.
     *
     * @param stores each store's counters
     */
    public record Stores(List<NonceStoreStats> stores) {
    }

    private final ServiceSource<NonceStore> stores;

    public NoncesResource(ServiceSource<NonceStore> stores) {
        this.stores = stores;
    }

    @GET
    public Stores stats() {
        List<NonceStore> all = stores.all();
        if (all.isEmpty()) {
            throw stores.unavailable();
        }
        return new Stores(all.stream().map(NonceStore::stats).toList());
    }
}

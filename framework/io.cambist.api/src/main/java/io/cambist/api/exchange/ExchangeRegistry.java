package io.cambist.api.exchange;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The core's register of the venue accounts it has bound. */
@ProviderType
public interface ExchangeRegistry {

    /** Every account, sorted by id. */
    List<AccountInfo> accounts();

    /** One account. */
    Optional<AccountInfo> account(String account);
}

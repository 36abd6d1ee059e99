package io.cambist.core.internal.portfolio;

import io.cambist.api.model.Instrument;

/** A map key: an instrument on an account. */
public record AccountInstrument(String account, Instrument instrument) {
}

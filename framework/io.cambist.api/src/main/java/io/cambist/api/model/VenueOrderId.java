package io.cambist.api.model;

/**
 * The identifier a venue assigned to an order.
 *
 * @param value the venue's id, as the venue writes it
 */
public record VenueOrderId(String value) {

    public VenueOrderId {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("venue order id is missing");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package io.cambist.api.model;

import java.util.Locale;

/** Validation of currency codes, shared by the values of this package. */
public final class Currencies {

    private Currencies() {
    }

    /**
     * Returns the currency code in upper case.
     *
     * @param what  the role of the code in the caller's value, used in the error message
     * @param value the code, 1 to 20 letters or digits
     * @throws IllegalArgumentException when the code is missing or malformed
     */
    public static String check(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " currency is missing");
        }
        String v = value.trim().toUpperCase(Locale.ROOT);
        if (v.length() > 20) {
            throw new IllegalArgumentException(what + " currency '" + value + "' is longer than 20 characters");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalArgumentException(what + " currency '" + value + "' may only hold letters and digits");
            }
        }
        return v;
    }
}

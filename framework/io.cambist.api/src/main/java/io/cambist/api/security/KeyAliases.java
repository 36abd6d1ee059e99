package io.cambist.api.security;

/** Validation of key aliases, shared by the values of this package. */
public final class KeyAliases {

    private KeyAliases() {
    }

    /**
     * Checks an alias.
     *
     * @throws IllegalArgumentException when it is not 1 to 64 characters of {@code [A-Za-z0-9_.-]}
     */
    public static String check(String alias) {
        if (alias == null || alias.isEmpty() || alias.length() > 64) {
            throw new IllegalArgumentException("key alias must have 1 to 64 characters: '" + alias + "'");
        }
        for (int i = 0; i < alias.length(); i++) {
            char c = alias.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-'
                    || c == '.')) {
                throw new IllegalArgumentException("key alias '" + alias + "' may only hold letters, digits, '_', '-' and '.'");
            }
        }
        return alias;
    }
}

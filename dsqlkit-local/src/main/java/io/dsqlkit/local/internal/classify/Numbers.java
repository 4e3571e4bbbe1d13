package io.dsqlkit.local.internal.classify;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Integer values of PostgreSQL 16 numeric literals ({@code 65_536}, {@code 0x10000}, {@code 1e5}). */
final class Numbers {

    private Numbers() {
    }

    /** The literal's value if it is an integer, else null. */
    static BigInteger integer(String literal) {
        String s = literal.replace("_", "");
        try {
            if (s.length() > 2 && s.charAt(0) == '0') {
                char r = Character.toLowerCase(s.charAt(1));
                if (r == 'x') {
                    return new BigInteger(s.substring(2), 16);
                }
                if (r == 'o') {
                    return new BigInteger(s.substring(2), 8);
                }
                if (r == 'b') {
                    return new BigInteger(s.substring(2), 2);
                }
            }
            BigDecimal d = new BigDecimal(s);
            if (d.precision() - d.scale() > 40) {
                return null; // far beyond any bigint; not worth materialising "1e999999999"
            }
            return d.stripTrailingZeros().scale() <= 0 ? d.toBigIntegerExact() : null;
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }
}

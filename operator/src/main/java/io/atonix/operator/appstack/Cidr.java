package io.atonix.operator.appstack;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 range in CIDR notation, read as Kubernetes reads a NetworkPolicy's ipBlock (Go's net.ParseCIDR:
 * an address literal, never a host name, and a prefix length), so that render refuses what the API server would.
 */
final class Cidr {
    private static final Pattern IPV4 = Pattern.compile("^(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}$");
    private static final Pattern IPV6 = Pattern.compile("^[0-9A-Fa-f:][0-9A-Fa-f:.]*$");
    private static final Pattern PREFIX = Pattern.compile("^\\d{1,3}$");
    private final byte[] address;
    private final int prefix;

    private Cidr(byte[] address, int prefix) {
        this.address = address;
        this.prefix = prefix;
    }

    static Optional<Cidr> parse(String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        if (slash < 0 || !PREFIX.matcher(text.substring(slash + 1)).matches()) {
            return Optional.empty();
        }
        String literal = text.substring(0, slash);
        Optional<byte[]> address = literal.contains(":") ? ipv6(literal) : ipv4(literal);
        int prefix = Integer.parseInt(text.substring(slash + 1));
        return address.filter(bytes -> prefix <= bytes.length * 8).map(bytes -> new Cidr(bytes, prefix));
    }

    /** Whether {@code inner} is a narrower range inside this one, as an ipBlock's except must be. */
    boolean strictlyContains(Cidr inner) {
        if (inner.address.length != address.length || inner.prefix <= prefix) {
            return false;
        }
        for (int bit = 0; bit < prefix; bit++) {
            int mask = 0x80 >>> (bit % 8);
            if ((address[bit / 8] & mask) != (inner.address[bit / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<byte[]> ipv4(String literal) {
        if (!IPV4.matcher(literal).matches()) {
            return Optional.empty();
        }
        String[] parts = literal.split("\\.");
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = Integer.parseInt(parts[i]);
            if (value > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) value;
        }
        return Optional.of(bytes);
    }

    private static Optional<byte[]> ipv6(String literal) {
        // Hex digits, colons and dots, led by a digit or colon: InetAddress reads it as a literal and never asks DNS.
        if (!IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            if (bytes.length == 4) {
                // An IPv4-mapped address (::ffff:a.b.c.d), which Java hands back as IPv4.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return Optional.of(mapped);
            }
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

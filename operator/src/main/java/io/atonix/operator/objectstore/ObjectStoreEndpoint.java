package io.atonix.operator.objectstore;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The address of an object store's endpoint, as a NetworkPolicy can name it: the port always, the host only when it
 * is an IP address. A host name is never resolved: its addresses may change at any time (S3 rotates them), render has
 * no network, and a NetworkPolicy written from today's answer would break tomorrow.
 *
 * @param ip the host as an IPv4 or IPv6 address, when it is one
 */
public record ObjectStoreEndpoint(String host, int port, Optional<String> ip) {
    private static final Pattern IPV4 =
            Pattern.compile("^(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}$");
    private static final Pattern IPV6 = Pattern.compile("^\\[([0-9a-fA-F:.]+)]$");

    /** The endpoint of the URL the CRD admitted (http or https, a host, an optional port). */
    public static ObjectStoreEndpoint of(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String authority = uri.getRawAuthority();
        String host = authority;
        int port = -1;
        int colon = authority.lastIndexOf(':');
        if (colon > authority.lastIndexOf(']')) {
            host = authority.substring(0, colon);
            port = Integer.parseInt(authority.substring(colon + 1));
        }
        if (port < 0) {
            port = "https".equals(scheme) ? 443 : 80;
        }
        Optional<String> ip = Optional.empty();
        if (IPV4.matcher(host).matches()) {
            ip = Optional.of(host);
        } else {
            var v6 = IPV6.matcher(host);
            if (v6.matches()) {
                ip = Optional.of(v6.group(1));
            }
        }
        return new ObjectStoreEndpoint(host, port, ip);
    }

    /** The CIDR of exactly this address, for a NetworkPolicy's ipBlock. */
    public Optional<String> cidr() {
        return ip.map(address -> address.contains(":") ? address + "/128" : address + "/32");
    }
}

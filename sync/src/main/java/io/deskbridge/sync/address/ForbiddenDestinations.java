package io.deskbridge.sync.address;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/**
 * The IP addresses sync never calls, whatever way the operator wrote them or a name resolves:
 * unspecified ({@code 0.0.0.0/8}, {@code ::}), link-local ({@code 169.254/16}, {@code fe80::/10}, where
 * cloud metadata services live), the cloud metadata addresses outside it ({@code fd00:ec2::254} on AWS,
 * {@code 100.100.100.200} on Alibaba Cloud), multicast and broadcast, and IPv6 forms that carry an
 * IPv4 address inside ({@code ::ffff:a.b.c.d}, {@code ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}): the
 * IPv4 address is to be written as such, so that it is classified as such.
 *
 * <p>Loopback and private ranges are not here: a desk next to sync is the point of loopback, and a
 * Zendesk-compatible server on a private network is allowed over https ({@link PlainHttp} decides
 * about plain http).
 */
final class ForbiddenDestinations {

    static final String LINK_LOCAL = "a link-local or unspecified IP address (where cloud metadata services live)";
    private static final byte[] AWS_METADATA_V6 = {
        (byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54
    };
    private static final byte[] ALIBABA_METADATA = {100, 100, 100, (byte) 200};

    private ForbiddenDestinations() {}

    /** Why sync does not call {@code ip}, as "a … address"; empty when it may. */
    static Optional<String> why(InetAddress ip) {
        byte[] bytes = ip.getAddress();
        if (ip instanceof Inet6Address v6) {
            if (Arrays.equals(bytes, AWS_METADATA_V6)) {
                return Optional.of("a cloud metadata address");
            }
            if (v6.isIPv4CompatibleAddress() && !ip.isAnyLocalAddress() && !ip.isLoopbackAddress()
                    || embedsIpv4(bytes)) {
                return Optional.of("an IPv6 address that carries an IPv4 address inside");
            }
        }
        if (ip.isAnyLocalAddress() || ip.isLinkLocalAddress() || (ip instanceof Inet4Address && bytes[0] == 0)) {
            return Optional.of(LINK_LOCAL);
        }
        if (Arrays.equals(bytes, ALIBABA_METADATA)) {
            return Optional.of("a cloud metadata address");
        }
        if (ip.isMulticastAddress() || Arrays.equals(bytes, new byte[] {-1, -1, -1, -1})) {
            return Optional.of("a multicast or broadcast address");
        }
        return Optional.empty();
    }

    /** {@code ::ffff:0:0/96} (Java turns a literal into IPv4, an address from elsewhere may not) and NAT64. */
    private static boolean embedsIpv4(byte[] v6) {
        boolean mapped = true;
        for (int i = 0; i < 10; i++) {
            mapped &= v6[i] == 0;
        }
        mapped &= v6[10] == -1 && v6[11] == -1;
        boolean nat64 = v6[0] == 0 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b;
        for (int i = 4; i < 12 && nat64; i++) {
            nat64 = v6[i] == 0;
        }
        return mapped || nat64;
    }
}

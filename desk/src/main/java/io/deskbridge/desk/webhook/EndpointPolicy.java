package io.deskbridge.desk.webhook;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Where webhooks may send requests (SSRF protection), checked when an endpoint is saved and again
 * before every attempt, against everything the host resolves to at that moment.
 *
 * <p>Link-local addresses and cloud metadata services are refused always; loopback and private
 * networks unless {@code desk.webhooks.allow-private-targets} is on; multicast, broadcast and
 * reserved ranges always. The HTTP client resolves the host again right after the check, through
 * the same JVM address cache (30 s by default), so a DNS answer cannot change in between unless it
 * expires in those milliseconds; redirects are never followed.
 */
@Component
class EndpointPolicy {

    /** What an address is, as far as webhooks are concerned. */
    enum AddressKind {
        PUBLIC,
        PRIVATE,
        LINK_LOCAL_OR_METADATA,
        NOT_UNICAST
    }

    /** Host names of cloud metadata services (the addresses are covered by {@link #classify}). */
    static final Set<String> METADATA_HOSTS = Set.of(
            "metadata",
            "metadata.google.internal",
            "metadata.goog",
            "instance-data",
            "instance-data.ec2.internal",
            "metadata.azure.com",
            "metadata.tencentyun.com");

    private final boolean allowPrivateTargets;

    @Autowired
    EndpointPolicy(WebhookProperties properties) {
        this(properties.allowPrivateTargets());
    }

    EndpointPolicy(boolean allowPrivateTargets) {
        this.allowPrivateTargets = allowPrivateTargets;
    }

    boolean allowsPrivateTargets() {
        return allowPrivateTargets;
    }

    /** The endpoint as a URI after every check, resolving its host now. */
    URI check(String endpoint) throws EndpointRefusedException {
        URI uri = parse(endpoint);
        String host = bareHost(uri);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new EndpointRefusedException("host " + host + " does not resolve", true);
        }
        checkAddresses(host, addresses);
        return uri;
    }

    /** The URL rules that need no DNS: absolute http(s), a host, no credentials, no metadata host name. */
    static URI parse(String endpoint) throws EndpointRefusedException {
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            throw new EndpointRefusedException("must be an absolute http or https URL", false);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new EndpointRefusedException("must be an absolute http or https URL with a host", false);
        }
        if (uri.getRawUserInfo() != null) {
            throw new EndpointRefusedException(
                    "must not contain credentials (user:password@host); use authentication instead", false);
        }
        String host = bareHost(uri).toLowerCase(Locale.ROOT);
        if (METADATA_HOSTS.contains(host.endsWith(".") ? host.substring(0, host.length() - 1) : host)) {
            throw new EndpointRefusedException(
                    "host " + host + " is a cloud metadata service; webhooks never call those", false);
        }
        return uri;
    }

    void checkAddresses(String host, InetAddress[] addresses) throws EndpointRefusedException {
        for (InetAddress address : addresses) {
            String shown = address.getHostAddress();
            switch (classify(address)) {
                case LINK_LOCAL_OR_METADATA:
                    throw new EndpointRefusedException(
                            "host " + host + " resolves to " + shown
                                    + ", a link-local or cloud metadata address; webhooks never call those",
                            false);
                case NOT_UNICAST:
                    throw new EndpointRefusedException(
                            "host " + host + " resolves to " + shown
                                    + ", a multicast, broadcast or reserved address; webhooks call unicast hosts only",
                            false);
                case PRIVATE:
                    if (!allowPrivateTargets) {
                        throw new EndpointRefusedException(
                                "host " + host + " resolves to " + shown
                                        + ", a loopback or private-network address; allowed only when"
                                        + " desk.webhooks.allow-private-targets is true",
                                false);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    static AddressKind classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet6Address) {
            if (isAwsMetadataV6(b)) {
                return AddressKind.LINK_LOCAL_OR_METADATA;
            }
            byte[] embedded = embeddedIpv4(b);
            if (embedded != null) {
                return classify4(embedded);
            }
            if (address.isLinkLocalAddress()) {
                return AddressKind.LINK_LOCAL_OR_METADATA;
            }
            if (address.isMulticastAddress()) {
                return AddressKind.NOT_UNICAST;
            }
            if (address.isLoopbackAddress()
                    || address.isAnyLocalAddress()
                    || address.isSiteLocalAddress()
                    || (b[0] & 0xfe) == 0xfc) {
                return AddressKind.PRIVATE;
            }
            return AddressKind.PUBLIC;
        }
        return classify4(b);
    }

    private static AddressKind classify4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if ((a0 == 169 && a1 == 254) || (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200)) {
            return AddressKind.LINK_LOCAL_OR_METADATA;
        }
        if (a0 >= 224) {
            return AddressKind.NOT_UNICAST;
        }
        boolean isPrivate = a0 == 0
                || a0 == 10
                || a0 == 127
                || (a0 == 100 && (a1 & 0xc0) == 64)
                || (a0 == 172 && (a1 & 0xf0) == 16)
                || (a0 == 192 && a1 == 168)
                || (a0 == 192 && a1 == 0 && a2 == 0)
                || (a0 == 198 && (a1 & 0xfe) == 18);
        return isPrivate ? AddressKind.PRIVATE : AddressKind.PUBLIC;
    }

    /** fd00:ec2::254, the IPv6 address of the AWS instance metadata service. */
    private static boolean isAwsMetadataV6(byte[] b) {
        byte[] metadata = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
        return Arrays.equals(b, metadata);
    }

    /**
     * The IPv4 address carried inside an IPv6 one, where routers or hosts would deliver to it:
     * IPv4-mapped (::ffff:0:0/96), IPv4-compatible (::/96), NAT64 (64:ff9b::/96), 6to4 (2002::/16).
     */
    private static byte[] embeddedIpv4(byte[] b) {
        boolean zeroPrefix = allZero(b, 0, 10);
        if (zeroPrefix && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (zeroPrefix && b[10] == 0 && b[11] == 0 && !allZero(b, 12, 15)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) {
            return Arrays.copyOfRange(b, 12, 16);
        }
        if (b[0] == 0x20 && b[1] == 0x02) {
            return Arrays.copyOfRange(b, 2, 6);
        }
        return null;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String bareHost(URI uri) {
        String host = uri.getHost();
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** An endpoint desk will not call, with the rule it broke. */
    static final class EndpointRefusedException extends Exception {

        private final boolean transientFailure;

        EndpointRefusedException(String rule, boolean transientFailure) {
            super(rule);
            this.transientFailure = transientFailure;
        }

        /** True when the same endpoint may pass later (DNS did not answer). */
        boolean isTransient() {
            return transientFailure;
        }
    }
}

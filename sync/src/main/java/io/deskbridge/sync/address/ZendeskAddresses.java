package io.deskbridge.sync.address;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Normalises what an operator types into a {@link ZendeskAddress}.
 *
 * <ul>
 *   <li>A bare label is a Zendesk subdomain: {@code acme} → {@code https://acme.zendesk.com}.
 *   <li>A host without scheme gets {@code https://}, except loopback hosts, which get {@code http://}
 *       (a desk on this machine does not serve TLS).
 *   <li>Path, query and fragment are dropped ({@code https://acme.zendesk.com/agent/tickets/5}); so is
 *       the scheme's default port; the host is lower-cased.
 *   <li>Plain {@code http://} only where {@link PlainHttp} allows it; never a user name or password in
 *       the address; never a link-local or unspecified IP (cloud metadata lives there).
 * </ul>
 */
public final class ZendeskAddresses {

    static final String EXAMPLES =
            "the subdomain (acme), the host (acme.zendesk.com) or the URL (https://acme.zendesk.com)";
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,15}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-f:.]+");
    /** What the C library's {@code inet_aton} reads as IPv4: 1 to 4 decimal, octal or hex numbers. */
    private static final Pattern NUMERIC_HOST = Pattern.compile("(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}");
    /** The one IPv4 notation sync accepts: four decimal numbers, no leading zeros (range checked later). */
    private static final Pattern CANONICAL_IPV4 = Pattern.compile("(0|[1-9]\\d{0,2})(\\.(0|[1-9]\\d{0,2})){3}");

    private static final List<String> LAN_SUFFIXES = List.of(".local", ".internal", ".lan", ".home.arpa");

    private ZendeskAddresses() {}

    /**
     * The base URL {@code input} names.
     *
     * @throws InvalidAddressException saying what is wrong and how to write it instead
     */
    public static ZendeskAddress normalise(String input, PlainHttp plainHttp) {
        if (input == null || input.isBlank()) {
            throw new InvalidAddressException("The Zendesk address is empty; enter " + EXAMPLES);
        }
        String text = input.strip();
        if (text.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidAddressException("The Zendesk address contains a space; enter one address: " + EXAMPLES);
        }
        String scheme = null;
        String rest = text;
        int separator = text.indexOf("://");
        if (separator >= 0) {
            scheme = text.substring(0, separator).toLowerCase(Locale.ROOT);
            rest = text.substring(separator + 3);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new InvalidAddressException((SCHEME.matcher(scheme).matches()
                                ? "The Zendesk address uses the scheme " + scheme + "://"
                                : "The Zendesk address does not start with https://")
                        + "; only https:// (or http:// for a desk on this machine) is supported");
            }
        } else if (text.contains(":/") || text.startsWith("/")) {
            throw new InvalidAddressException("The Zendesk address is not a host or URL; enter " + EXAMPLES);
        }
        String authority = rest.split("[/?#]", 2)[0];
        if (authority.contains("@")) {
            throw new InvalidAddressException("The Zendesk address contains a user name or password (before '@'); "
                    + "remove it: credentials are handed over through a request link, never in the address");
        }
        if (authority.isEmpty()) {
            throw new InvalidAddressException("The Zendesk address has no host name; enter " + EXAMPLES);
        }
        HostAndPort hostAndPort = split(authority);
        String host = hostAndPort.host().toLowerCase(Locale.ROOT);
        if (host.endsWith(".") && !hostAndPort.ipv6()) {
            host = host.substring(0, host.length() - 1);
        }
        // A bare label is a subdomain even when it is a number: it never reaches a resolver as it is.
        boolean subdomain = scheme == null && !hostAndPort.ipv6() && !host.contains(".") && hostAndPort.port() == null;
        Kind kind = classify(host, hostAndPort.ipv6(), subdomain);
        if (scheme == null && kind == Kind.NAME && !host.contains(".") && hostAndPort.port() == null) {
            host = host + ".zendesk.com";
        }
        if (scheme == null) {
            scheme = kind.loopback() ? "http" : "https";
        }
        int port = port(hostAndPort.port(), scheme);
        if (kind == Kind.FORBIDDEN_IP) {
            InetAddress ip = literal(host, hostAndPort.ipv6());
            throw new InvalidAddressException(host + " is "
                    + ForbiddenDestinations.why(ip).orElseThrow() + "; a Zendesk address cannot point there");
        }
        if (scheme.equals("http") && !kind.loopback()) {
            boolean allowed = plainHttp == PlainHttp.PRIVATE_NETWORKS && isPrivate(host, kind);
            if (!allowed) {
                throw new InvalidAddressException("http:// is allowed only for a desk on this machine (localhost, "
                        + "127.0.0.1, [::1])"
                        + (plainHttp == PlainHttp.PRIVATE_NETWORKS ? " or on a private network" : "")
                        + ": credentials would cross the network unencrypted; use https://"
                        + hostForUrl(host, hostAndPort.ipv6()));
            }
        }
        String base = scheme + "://" + hostForUrl(host, hostAndPort.ipv6()) + (port == -1 ? "" : ":" + port);
        boolean zendeskCloud = host.endsWith(".zendesk.com")
                && host.chars().filter(c -> c == '.').count() == 2;
        return new ZendeskAddress(URI.create(base), zendeskCloud);
    }

    /**
     * Resolves the address's host and refuses it when it, or any IP address it resolves to, is one
     * sync never calls ({@link ForbiddenDestinations}): the check {@link #normalise} makes on the text,
     * made again on what the network would really be asked. Every outbound call runs it just before
     * connecting; the JDK caches the lookup (30 s by default), so the HTTP client connects to the
     * addresses checked here. A host that does not resolve passes: the call reports that itself.
     *
     * @throws InvalidAddressException naming the host, what it resolves to and why sync does not go there
     */
    public static void requireCallable(ZendeskAddress address) {
        String host = address.host();
        if (NUMERIC_HOST.matcher(host).matches()
                && !CANONICAL_IPV4.matcher(host).matches()) {
            // Stored before this notation was refused: refuse it now, as a new address would be.
            throw alternateIpv4Notation(host);
        }
        InetAddress[] resolved;
        try {
            resolved = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return;
        }
        checkResolved(host, resolved);
    }

    /** {@link #requireCallable} after the lookup, for tests: {@code host} resolved to {@code resolved}. */
    static void checkResolved(String host, InetAddress... resolved) {
        for (InetAddress ip : resolved) {
            Optional<String> why = ForbiddenDestinations.why(ip);
            if (why.isPresent()) {
                throw new InvalidAddressException("The Zendesk address's host " + printable(host) + " resolves to "
                        + ip.getHostAddress() + ", " + why.get() + "; sync does not connect there. Point the "
                        + "connection at the Zendesk account's own address (https://<subdomain>.zendesk.com) or "
                        + "your Zendesk-compatible server's");
            }
        }
    }

    private record HostAndPort(String host, String port, boolean ipv6) {}

    private static HostAndPort split(String authority) {
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new InvalidAddressException("The Zendesk address opens an IPv6 address with '[' but never "
                        + "closes it with ']'; write it as http://[::1]:8080");
            }
            String after = authority.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw new InvalidAddressException(
                        "The Zendesk address has text after the IPv6 address's ']'; only :port may follow");
            }
            return new HostAndPort(authority.substring(1, close), after.isEmpty() ? null : after.substring(1), true);
        }
        int colon = authority.indexOf(':');
        if (colon < 0) {
            return new HostAndPort(authority, null, false);
        }
        if (authority.indexOf(':', colon + 1) >= 0) {
            throw new InvalidAddressException("The Zendesk address has more than one ':' in its host; "
                    + "write an IPv6 address in brackets (http://[::1]:8080)");
        }
        return new HostAndPort(authority.substring(0, colon), authority.substring(colon + 1), false);
    }

    private static int port(String port, String scheme) {
        if (port == null) {
            return -1;
        }
        if (port.isEmpty()) {
            throw new InvalidAddressException("The Zendesk address ends its host with ':' but gives no port");
        }
        int value;
        try {
            value = port.length() <= 5 && port.chars().allMatch(Character::isDigit) ? Integer.parseInt(port) : -1;
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 1 || value > 65535) {
            throw new InvalidAddressException("The Zendesk address's port "
                    + (port.chars().allMatch(Character::isDigit) && port.length() <= 10 ? port + " " : "")
                    + "is not a number from 1 to 65535");
        }
        int defaultPort = scheme.equals("https") ? 443 : 80;
        return value == defaultPort ? -1 : value;
    }

    private enum Kind {
        NAME,
        LOOPBACK_NAME,
        IP,
        LOOPBACK_IP,
        FORBIDDEN_IP;

        boolean loopback() {
            return this == LOOPBACK_NAME || this == LOOPBACK_IP;
        }
    }

    /** What kind of host this is; throws when it is no valid host at all. */
    private static Kind classify(String host, boolean ipv6, boolean subdomain) {
        if (!ipv6
                && !subdomain
                && NUMERIC_HOST.matcher(host).matches()
                && !CANONICAL_IPV4.matcher(host).matches()) {
            throw alternateIpv4Notation(host);
        }
        if (ipv6 || IPV4.matcher(host).matches()) {
            InetAddress ip = literal(host, ipv6);
            if (ipv6 && ip instanceof Inet4Address v4) {
                // Java reads ::ffff:a.b.c.d as the IPv4 address itself; the notation hides it.
                throw new InvalidAddressException("The Zendesk address's host [" + printable(host) + "] is the IPv4 "
                        + "address " + v4.getHostAddress() + " written as IPv6"
                        + ForbiddenDestinations.why(v4)
                                .map(why -> ", " + why + "; a Zendesk address cannot point there")
                                .orElse("; write it as " + v4.getHostAddress()));
            }
            if (ip.isLoopbackAddress()) {
                return Kind.LOOPBACK_IP;
            }
            return ForbiddenDestinations.why(ip).isPresent() ? Kind.FORBIDDEN_IP : Kind.IP;
        }
        if (host.isEmpty() || host.length() > 253) {
            throw new InvalidAddressException("The Zendesk address has no valid host name; enter " + EXAMPLES);
        }
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                throw new InvalidAddressException(
                        "The Zendesk address's host " + printable(host) + " is not a valid host name: "
                                + "use letters a-z, digits and hyphens, separated by dots (acme.zendesk.com)");
            }
        }
        return host.equals("localhost") || host.endsWith(".localhost") ? Kind.LOOPBACK_NAME : Kind.NAME;
    }

    /**
     * A host such as {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1} or {@code 127.1}: the
     * C library (and some Java versions) read it as an IPv4 address, so it would reach an address the
     * checks never saw. Refused, naming the address it stands for.
     */
    private static InvalidAddressException alternateIpv4Notation(String host) {
        Optional<InetAddress> decoded = Ipv4Notation.decode(host);
        if (decoded.isEmpty()) {
            return new InvalidAddressException(
                    "The Zendesk address's host " + printable(host) + " is not a valid IPv4 address");
        }
        String dotted = decoded.get().getHostAddress();
        return new InvalidAddressException("The Zendesk address's host " + printable(host) + " is the IPv4 address "
                + dotted + " in another notation"
                + ForbiddenDestinations.why(decoded.get())
                        .map(why -> ", " + why + "; a Zendesk address cannot point there")
                        .orElse("; write it as four decimal numbers without leading zeros: " + dotted));
    }

    private static InetAddress literal(String host, boolean ipv6) {
        boolean wellFormed = ipv6
                ? IPV6.matcher(host).matches() && host.contains(":")
                : Arrays.stream(host.split("\\.")).allMatch(part -> Integer.parseInt(part) <= 255);
        if (wellFormed) {
            try {
                // A literal: InetAddress parses it without any DNS lookup.
                return InetAddress.getByName(ipv6 ? "[" + host + "]" : host);
            } catch (UnknownHostException e) {
                // reported below
            }
        }
        throw new InvalidAddressException("The Zendesk address's host " + printable(host) + " is not a valid IP"
                + (ipv6 ? "v6" : "v4") + " address");
    }

    private static boolean isPrivate(String host, Kind kind) {
        if (kind == Kind.IP) {
            byte[] bytes = literal(host, host.contains(":")).getAddress();
            if (bytes.length == 16) {
                return (bytes[0] & 0xfe) == 0xfc;
            }
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            return a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168);
        }
        return !host.contains(".") || LAN_SUFFIXES.stream().anyMatch(host::endsWith);
    }

    private static String hostForUrl(String host, boolean ipv6) {
        return ipv6 ? "[" + host + "]" : host;
    }

    /** The host as typed, cut short and stripped of control characters: it goes into an error message. */
    private static String printable(String host) {
        String safe = host.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 80 ? safe.substring(0, 80) + "…" : safe;
    }
}

package io.deskbridge.common.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One written form for the client addresses desk and sync record and show: IPv6 in RFC 5952's
 * compressed form ({@code ::1}, not Tomcat's {@code 0:0:0:0:0:0:0:1}), IPv4-mapped IPv6 as plain
 * IPv4, IPv4 as it is. Pure text work on numeric literals: never a DNS lookup. Anything that is not
 * an address literal is returned unchanged.
 */
public final class IpAddresses {

    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:.]+");

    private IpAddresses() {}

    public static String canonical(String address) {
        if (address == null || address.isEmpty()) {
            return address;
        }
        String bare =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        int zone = bare.indexOf('%');
        String zoneSuffix = zone >= 0 ? bare.substring(zone) : "";
        String literal = zone >= 0 ? bare.substring(0, zone) : bare;
        // Only an IPv6 literal (hex digits, colons, an IPv4 tail) goes to InetAddress, which parses
        // such text itself and never resolves it: the first character is a hex digit or a colon.
        if (!literal.contains(":")
                || !IPV6_CHARS.matcher(literal).matches()
                || !(literal.charAt(0) == ':' || Character.digit(literal.charAt(0), 16) >= 0)) {
            return address;
        }
        InetAddress parsed;
        try {
            parsed = InetAddress.getByName(literal);
        } catch (UnknownHostException notALiteral) {
            return address;
        }
        if (parsed instanceof Inet4Address) {
            // ::ffff:a.b.c.d: an IPv4 client seen through a dual-stack socket.
            return parsed.getHostAddress();
        }
        byte[] bytes = parsed.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        return compress(groups) + zoneSuffix;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (≥ 2) of zero groups as "::". */
    private static String compress(int[] groups) {
        int bestStart = -1;
        int bestLength = 0;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength && j - i >= 2) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}

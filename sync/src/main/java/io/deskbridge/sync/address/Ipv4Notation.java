package io.deskbridge.sync.address;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Reads a host the way the C library's {@code inet_aton} does (what {@code getaddrinfo}, curl and
 * most HTTP stacks accept as IPv4): one to four parts separated by dots, each decimal, octal (a
 * leading {@code 0}) or hex ({@code 0x}); the last part fills the remaining bytes. So
 * {@code 2130706433}, {@code 0x7f000001}, {@code 0177.0.0.1} and {@code 127.1} are all 127.0.0.1.
 */
final class Ipv4Notation {

    private Ipv4Notation() {}

    /** The address {@code host} stands for; empty when it is not a valid number form. */
    static Optional<InetAddress> decode(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = number(parts[i]);
            boolean last = i == parts.length - 1;
            long max = last ? (1L << (8 * (4 - i))) - 1 : 255;
            if (part < 0 || part > max) {
                return Optional.empty();
            }
            value = last ? (value << (8 * (4 - i))) | part : (value << 8) | part;
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("four bytes are always an IPv4 address", e);
        }
    }

    /** The part's value, or -1 when it is not a number or exceeds 32 bits. */
    private static long number(String part) {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.startsWith("0")) {
            radix = 8;
            digits = part.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 11) {
            return -1;
        }
        try {
            long value = Long.parseLong(digits, radix);
            return value > 0xffff_ffffL ? -1 : value;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package io.deskbridge.common.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpAddressesTests {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0:0:0:0:0:0:0:1, ::1",
        "[0:0:0:0:0:0:0:1], ::1",
        "::1, ::1",
        "127.0.0.1, 127.0.0.1",
        "::ffff:10.1.2.3, 10.1.2.3",
        "0:0:0:0:0:ffff:a01:203, 10.1.2.3",
        "2001:0DB8:0000:0000:0000:0000:0002:0001, 2001:db8::2:1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "fe80:0:0:0:0:0:0:1%eth0, fe80::1%eth0",
        "0:0:0:0:0:0:0:0, ::",
        "example.com, example.com",
        "unknown, unknown",
        "abc:, abc:",
        "1:2:3:4:5:6:7:8:9, 1:2:3:4:5:6:7:8:9"
    })
    void oneWrittenForm(String given, String expected) {
        assertThat(IpAddresses.canonical(given)).isEqualTo(expected);
    }
}

package io.deskbridge.sync.address;

/** Where an address may use plain {@code http://}: credentials then cross the network unencrypted. */
public enum PlainHttp {
    /** Only to this machine: localhost, *.localhost, 127.0.0.0/8, [::1] (a desk started next to sync). */
    LOOPBACK_ONLY,
    /**
     * Also to private IP ranges (10/8, 172.16/12, 192.168/16, fc00::/7) and LAN host names (single-label
     * names such as a Docker service, *.local, *.internal, *.lan, *.home.arpa).
     */
    PRIVATE_NETWORKS
}

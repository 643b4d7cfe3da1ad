package io.deskbridge.sync.address;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sync.addresses.*}.
 *
 * @param plainHttp {@code SYNC_ADDRESSES_PLAIN_HTTP}: {@code loopback-only} (default) or {@code private-networks}
 */
@ConfigurationProperties("sync.addresses")
public record AddressProperties(PlainHttp plainHttp) {

    public AddressProperties {
        plainHttp = plainHttp == null ? PlainHttp.LOOPBACK_ONLY : plainHttp;
    }
}

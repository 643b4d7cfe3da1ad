package io.deskbridge.sync.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.sync.address.ZendeskAddress;
import io.deskbridge.sync.connection.ApiTokenCredential;
import io.deskbridge.sync.support.DeskAdmin;
import io.deskbridge.sync.support.DeskProcess;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The harness the end-to-end tests stand on: a real desk in its own JVM, and sync's client against it. */
class DeskProcessSmokeIntegrationTests {

    private final ZendeskHttp http = new ZendeskHttp(
            new ZendeskHttpProperties(Duration.ofSeconds(5), Duration.ofSeconds(30), DataSize.ofMegabytes(32)));

    @Test
    void shouldAuthenticateWithATokenTheAdminCreatedAndReadTheRateLimitHeaders() {
        DeskProcess desk = DeskProcess.shared();
        DeskAdmin admin = desk.admin();
        admin.apiAccess(true, false);
        DeskAdmin.IssuedDeskToken token = admin.createToken();
        ZendeskAddress address = ZendeskAddress.ofBaseUrl(desk.baseUrl());

        ZendeskResponse me = http.get(
                address, new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token.value()), "/api/v2/users/me.json");

        assertThat(me.status()).as(me.errorSummary()).isEqualTo(200);
        assertThat(me.body().path("user").path("email").asString()).isEqualTo(DeskProcess.ADMIN_EMAIL);
        assertThat(me.body().path("user").path("role").asString()).isEqualTo("admin");
        assertThat(me.rateLimits().account()).isNotNull();
        assertThat(me.rateLimits().account().limit()).isPositive();

        ZendeskResponse export = http.get(
                address,
                new ApiTokenCredential(DeskProcess.ADMIN_EMAIL, token.value()),
                "/api/v2/incremental/tickets/cursor.json?start_time=0&per_page=1");
        assertThat(export.status()).as(export.errorSummary()).isEqualTo(200);
        assertThat(export.rateLimits().endpoint(RateLimits.INCREMENTAL_EXPORTS)).isNotNull();
    }

    @Test
    void shouldSayWhyWhenNothingListens() {
        ZendeskAddress nowhere = ZendeskAddress.ofBaseUrl("http://127.0.0.1:1");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> http.get(nowhere, new ApiTokenCredential("a@b.test", "x"), "/api/v2/users/me.json"))
                .isInstanceOf(ZendeskUnreachableException.class)
                .hasMessageStartingWith("No answer from http://127.0.0.1:1: ");
    }
}

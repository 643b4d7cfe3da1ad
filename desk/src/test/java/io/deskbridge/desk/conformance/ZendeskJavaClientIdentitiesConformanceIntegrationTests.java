package io.deskbridge.desk.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.desk.apitoken.AuthenticatesAs;
import io.deskbridge.desk.apitoken.TokenScope;
import io.deskbridge.desk.support.DeskIntegrationTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.Zendesk;
import org.zendesk.client.v2.model.Identity;
import org.zendesk.client.v2.model.User;

/**
 * The unchanged zendesk-java-client 1.5.2's identity methods against desk. Its
 * {@code requestVerifyUserIdentity} is left out: it parses an {@code identity} from the answer, and
 * Zendesk (and desk) answer an empty 200.
 */
class ZendeskJavaClientIdentitiesConformanceIntegrationTests extends DeskIntegrationTest {

    private Zendesk zendesk;
    private User user;

    @BeforeEach
    void clientAndUser() {
        String token = issueToken(owner(), TokenScope.FULL, AuthenticatesAs.OWNER_ONLY);
        zendesk = new Zendesk.Builder(baseUrl())
                .setUsername(OWNER_EMAIL)
                .setToken(token)
                .build();
        user = zendesk.createUser(
                new User(true, "Client " + UUID.randomUUID(), "client-" + UUID.randomUUID() + "@example.com"));
    }

    @AfterEach
    void close() {
        zendesk.close();
    }

    @Test
    void shouldListTheUsersEmailIdentity() {
        List<Identity> identities = zendesk.getUserIdentities(user);
        assertThat(identities).hasSize(1);
        assertThat(identities.get(0).getType()).isEqualTo("email");
        assertThat(identities.get(0).getValue()).isEqualTo(user.getEmail());
        assertThat(identities.get(0).getPrimary()).isTrue();
        assertThat(identities.get(0).getUserId()).isEqualTo(user.getId());
        assertThat(identities.get(0).getCreatedAt()).isNotNull();
    }

    @Test
    void shouldCreateGetUpdateVerifyAndDeleteAnIdentity() {
        Identity created = zendesk.createUserIdentity(user, new Identity("phone_number", "+1 555 0200"));
        assertThat(created.getId()).isNotNull();
        assertThat(created.getPrimary()).isTrue();
        assertThat(zendesk.getUserIdentity(user, created.getId()).getValue()).isEqualTo("+1 555 0200");

        created.setValue("+1 555 0201");
        Identity updated = zendesk.updateUserIdentity(user, created);
        assertThat(updated.getValue()).isEqualTo("+1 555 0201");

        Identity verified = zendesk.verifyUserIdentity(user, created.getId());
        assertThat(verified.getVerified()).isTrue();

        zendesk.deleteUserIdentity(user, created.getId());
        assertThat(zendesk.getUserIdentities(user))
                .extracting(Identity::getType)
                .containsExactly("email");
    }

    @Test
    void shouldMakeAnotherEmailPrimary() {
        String second = "second-" + UUID.randomUUID() + "@example.com";
        Identity added = zendesk.createUserIdentity(user, new Identity("email", second));
        assertThat(added.getPrimary()).isFalse();
        List<Identity> after = zendesk.setUserPrimaryIdentity(user, added.getId());
        assertThat(after)
                .filteredOn(Identity::getPrimary)
                .extracting(Identity::getValue)
                .containsExactly(second);
        assertThat(zendesk.getUser(user.getId()).getEmail()).isEqualTo(second);
    }
}

package io.deskbridge.desk.talk;

import io.deskbridge.desk.api.ResourceRestrictedException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The Talk API of an account without Talk: 403 everywhere (see package-info). */
@RestController
class TalkController {

    @RequestMapping({"/api/v2/channels/voice", "/api/v2/channels/voice/**"})
    void withoutTalk() {
        throw new ResourceRestrictedException("This account has no Zendesk Talk: desk does not provide it");
    }
}

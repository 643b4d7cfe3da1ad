package io.deskbridge.sync.diagnostics;

/** 1. The address: a Zendesk account, or another Zendesk-compatible server (and why plain HTTP is allowed). */
final class AddressCheck implements ChecklistStep {

    @Override
    public CheckKey key() {
        return CheckKey.ADDRESS;
    }

    @Override
    public Check check(ChecklistRun run) {
        Subject subject = run.subject();
        String base = subject.address().toString();
        if (subject.address().zendeskCloud()) {
            String subdomain = subject.address()
                    .host()
                    .substring(0, subject.address().host().indexOf('.'));
            return Check.pass(CheckKey.ADDRESS, base + ": the Zendesk account " + subdomain + ".");
        }
        String scheme = subject.address().baseUrl().getScheme();
        return Check.pass(
                CheckKey.ADDRESS,
                base + ": a Zendesk-compatible server (not *.zendesk.com, so Zendesk's plan limits and token "
                        + "retirement dates are not assumed)"
                        + ("http".equals(scheme)
                                ? "; plain HTTP, allowed because the server is on this machine."
                                : "."));
    }
}

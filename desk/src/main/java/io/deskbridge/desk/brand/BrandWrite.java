package io.deskbridge.desk.brand;

import java.util.Optional;

/** A brand create or update; empty means not sent. */
record BrandWrite(
        Optional<String> name,
        Optional<String> subdomain,
        Optional<String> hostMapping,
        Optional<String> signatureTemplate,
        Optional<Boolean> active,
        Optional<Boolean> isDefault) {}

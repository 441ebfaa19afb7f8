package org.cmis.membership;

import org.jspecify.annotations.Nullable;

/** A firm as the supervision platform or an import states it (FIRM_UPSERT of API.md). */
public record FirmData(
    String firmNo, String name, @Nullable String creditCode, String instituteCode) {}

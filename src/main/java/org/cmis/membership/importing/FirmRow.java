package org.cmis.membership.importing;

import org.jspecify.annotations.Nullable;

/** One row of a firms file as read. */
record FirmRow(
    @Nullable String firmNo,
    @Nullable String name,
    @Nullable String creditCode,
    @Nullable String instituteCode) {}

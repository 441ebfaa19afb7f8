package org.cmis.training;

import org.jspecify.annotations.Nullable;

/** A registration as the training events name it: whose it is and the state it is in now. */
public record Registrant(
    long registrationId,
    String memberNo,
    String name,
    @Nullable String firmNo,
    RegistrationStatus status) {}

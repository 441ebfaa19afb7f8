package org.cmis.training.catalog;

import org.cmis.training.ClassStatus;
import org.cmis.training.RegistrationStatus;
import org.jspecify.annotations.Nullable;

/**
 * A class in a list, with its status today and the viewer's own state in it: a member's latest
 * registration, or how many of a firm's people hold a live registration.
 */
public record ClassListItem(
    TrainingClass trainingClass,
    ClassStatus status,
    @Nullable Long myRegistrationId,
    @Nullable RegistrationStatus myStatus,
    int myFirmCount) {}

/**
 * Training classes, notices and registration (F3, F4): the heart of the system. Depends on shared,
 * membership (people, firms and institutes), identity (only to find whom to tell) and notification
 * (to tell them).
 */
@NullMarked
@ApplicationModule(
    allowedDependencies = {"shared", "membership", "identity :: contacts", "notification"})
package org.cmis.training;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;

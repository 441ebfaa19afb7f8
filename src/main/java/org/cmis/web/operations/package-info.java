/**
 * What operators watch (F7, ADR 0033): the system's own meters beside Boot's JVM, HTTP and Hikari
 * ones on {@code /actuator/prometheus}. The counters are one-line increments where things happen
 * ({@code cmis.registrations}, {@code cmis.busy.answers}, {@code cmis.lock.waits}, {@code
 * cmis.signin.failures}, {@code cmis.signin.locks}); the backlog gauge lives here.
 */
@NullMarked
package org.cmis.web.operations;

import org.jspecify.annotations.NullMarked;

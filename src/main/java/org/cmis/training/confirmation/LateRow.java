package org.cmis.training.confirmation;

import java.io.Serializable;

/** One person's answer to a late registration, as the page lists it (kept in the flash). */
public record LateRow(String memberNo, String name, String outcome, boolean ok)
    implements Serializable {}

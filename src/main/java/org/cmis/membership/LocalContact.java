package org.cmis.membership;

/** The fields a member keeps itself (F2.3): where notices reach it. Blank clears a field. */
public record LocalContact(String mobile, String email, String address) {}

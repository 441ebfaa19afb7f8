package org.cmis.membership;

/** A local institute (注协) with its support contacts. */
public record Institute(String code, String name, String phone, String email) {}

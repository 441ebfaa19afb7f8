package org.cmis.shared;

/** One invalid field of a request: the field's name and a message for a person. */
public record FieldError(String field, String message) {}

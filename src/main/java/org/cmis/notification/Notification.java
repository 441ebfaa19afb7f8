package org.cmis.notification;

/**
 * One message to one account: what it is about ({@code sourceKey}, e.g. {@code
 * registration:42:CONFIRMED}, at most 200 characters), its subject and its plain-text body.
 */
public record Notification(String sourceKey, String subject, String body) {}

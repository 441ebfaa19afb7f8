package org.cmis.shared.web;

/**
 * The message bundles of the application, one per feature so that features can be worked on side by
 * side: web's message source reads them, and so does a module test that starts without web.
 */
public final class MessageBundles {

  public static final String[] BASENAMES = {
    "classpath:messages",
    "classpath:i18n/classes",
    "classpath:i18n/registration",
    "classpath:i18n/confirmation",
    "classpath:i18n/notices",
    "classpath:i18n/imports",
    "classpath:i18n/attendance",
    "classpath:i18n/noshows",
    "classpath:i18n/hours",
    "classpath:i18n/compliance",
    "classpath:i18n/certificates",
    "classpath:i18n/profile",
    "classpath:i18n/reset",
    "classpath:i18n/roster",
    "classpath:i18n/claims",
    "classpath:i18n/admin",
    "classpath:i18n/supervision",
    "classpath:i18n/controls",
    "classpath:i18n/pages",
    "classpath:i18n/audit"
  };

  private MessageBundles() {}
}

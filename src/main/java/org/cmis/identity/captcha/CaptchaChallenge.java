package org.cmis.identity.captcha;

/**
 * An arithmetic captcha challenge.
 *
 * @param expression the ASCII challenge shown to the user, such as {@code "7 + 3 = ?"}; the
 *     multiplication sign is written as {@code x}
 * @param answer the expected answer, never negative
 */
public record CaptchaChallenge(String expression, int answer) {}

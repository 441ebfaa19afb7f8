/**
 * The OpenAPI description of {@code /api/**} (issue 15, ADR 0033): title and version in Chinese and
 * English, the bearer scheme and each operation's security, its real success code, the {@code
 * Problem} schema with every {@link org.cmis.shared.ErrorCode} and the problem+json answers each
 * operation can give, and examples of the main bodies. Generic rules in {@link ApiDocumentation}
 * with the exceptions that matter in {@link OperationProblems}; controllers stay as they are.
 */
@NullMarked
package org.cmis.web.openapi;

import org.jspecify.annotations.NullMarked;

package org.cmis.membership.supervision;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code cmis.integration.supervision.secret}: the HMAC secret of the sync. The demo data set sets
 * it to {@code demo-sync-secret} (database.EmbeddedDatabaseEnvironment) unless it is configured;
 * unset or blank, every sync request is refused (API.md, Configuration keys).
 */
@ConfigurationProperties("cmis.integration.supervision")
record SupervisionProperties(@Nullable String secret) {}

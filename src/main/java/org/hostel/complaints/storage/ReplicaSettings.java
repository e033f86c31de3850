package org.hostel.complaints.storage;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * An optional PostgreSQL streaming replica for complaint lists and searches.
 *
 * @param url JDBC URL of the replica, e.g. {@code jdbc:postgresql://replica:5432/complaints}; empty
 *     sends every query to the primary ({@code COMPLAINTS_REPLICA_URL})
 * @param username replica login; the primary's when empty
 * @param password replica password; the primary's when empty
 * @param maximumPoolSize connections kept to the replica
 */
@Validated
@ConfigurationProperties("complaints.replica")
record ReplicaSettings(
    @DefaultValue("") String url,
    @DefaultValue("") String username,
    @DefaultValue("") String password,
    @DefaultValue("10") @Min(1) int maximumPoolSize) {}

package org.hostel.complaints.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings shared by every feature.
 *
 * @param dataDir folder of the embedded database, local photos and generated secrets
 * @param maxBodySize largest JSON or form body accepted; uploads have their own limit
 */
@ConfigurationProperties("complaints")
public record StorageSettings(
    @DefaultValue("./data") Path dataDir, @DefaultValue("64KB") DataSize maxBodySize) {}

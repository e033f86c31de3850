package org.hostel.complaints.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where this instance keeps its files.
 *
 * @param dataDir folder of the embedded database, local photos and generated secrets ({@code
 *     COMPLAINTS_DATA_DIR})
 */
@ConfigurationProperties("complaints")
public record StorageSettings(@DefaultValue("./data") Path dataDir) {}

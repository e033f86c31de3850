package org.hostel.complaints.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * What the web layer accepts.
 *
 * @param maxBodySize largest JSON or form body accepted ({@code COMPLAINTS_MAX_BODY_SIZE}); uploads
 *     have their own limit
 */
@ConfigurationProperties("complaints")
record WebSettings(@DefaultValue("64KB") DataSize maxBodySize) {}

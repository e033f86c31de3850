package org.hostel.complaints.web;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.StreamReadFeature;

@Configuration(proxyBeanMethods = false)
class WebConfig {

  /**
   * A body that names a field twice is refused: which of the two values counts differs between
   * parsers, so a proxy or an audit log could read another request than the one applied.
   */
  @Bean
  JsonMapperBuilderCustomizer strictDuplicates() {
    return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION);
  }
}

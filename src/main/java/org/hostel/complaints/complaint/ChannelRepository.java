package org.hostel.complaints.complaint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** How complaints came in ({@code complaints.channel}, written once by the insert). */
@Repository
class ChannelRepository {

  private final JdbcClient jdbc;

  ChannelRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Map<UUID, Channel> of(List<UUID> ids) {
    Map<UUID, Channel> channels = new HashMap<>();
    if (ids.isEmpty()) {
      return channels;
    }
    jdbc.sql("SELECT id, channel FROM complaints WHERE id IN (:ids)")
        .param("ids", ids.stream().map(UUID::toString).toList())
        .query(
            (RowCallbackHandler)
                rs ->
                    channels.put(
                        UUID.fromString(rs.getString(1)), Channel.fromValue(rs.getString(2))));
    return channels;
  }
}

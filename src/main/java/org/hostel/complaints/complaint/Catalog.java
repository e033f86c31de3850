package org.hostel.complaints.complaint;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hostel.complaints.storage.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The configured hostels, categories and room format. Hostels are written to the database at
 * start-up (so they have stable ids) and then served from memory.
 */
@Component
@EnableConfigurationProperties(CatalogSettings.class)
class Catalog {

  private static final Logger log = LoggerFactory.getLogger(Catalog.class);

  record Hostel(UUID id, String slug, String displayName) {}

  private final List<Hostel> hostels;
  private final Map<String, Hostel> byName = new LinkedHashMap<>();
  private final List<String> categories;
  private final Pattern roomPattern;
  private final String roomRule;
  private final String roomExample;

  Catalog(CatalogSettings settings, JdbcClient jdbc, TransactionTemplate tx) {
    List<Hostel> configured = new ArrayList<>();
    for (String entry : settings.hostels()) {
      int colon = entry.indexOf(':');
      String slug =
          (colon < 0 ? entry : entry.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
      String name = colon < 0 ? slug : entry.substring(colon + 1).strip();
      if (!slug.matches("[a-z0-9][a-z0-9-]{0,63}")) {
        throw new IllegalStateException(
            "Hostel slug '" + slug + "' must be lower-case letters, digits and dashes");
      }
      configured.add(new Hostel(Ids.newId(), slug, name));
    }
    this.hostels =
        tx.execute(
            status -> {
              List<Hostel> stored = new ArrayList<>();
              for (Hostel hostel : configured) {
                jdbc.sql(
                        """
                        INSERT INTO hostels (id, slug, display_name) VALUES (:id, :slug, :name)
                        ON CONFLICT (slug) DO UPDATE SET display_name = excluded.display_name
                        """)
                    .param("id", hostel.id().toString())
                    .param("slug", hostel.slug())
                    .param("name", hostel.displayName())
                    .update();
                stored.add(
                    jdbc.sql("SELECT id, slug, display_name FROM hostels WHERE slug = :slug")
                        .param("slug", hostel.slug())
                        .query(
                            (rs, n) ->
                                new Hostel(
                                    UUID.fromString(rs.getString(1)),
                                    rs.getString(2),
                                    rs.getString(3)))
                        .single());
              }
              return List.copyOf(stored);
            });
    for (Hostel hostel : hostels) {
      byName.put(hostel.slug(), hostel);
      byName.putIfAbsent(hostel.displayName().toLowerCase(Locale.ROOT), hostel);
    }
    this.categories =
        settings.categories().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
    this.roomPattern = Pattern.compile(settings.roomPattern());
    this.roomRule = roomRule(settings);
    this.roomExample = roomExample(settings);
  }

  private static String roomExample(CatalogSettings settings) {
    if (!settings.roomExample().isBlank()) {
      return settings.roomExample().strip();
    }
    String derived = RoomFormat.of(settings.roomPattern()).map(RoomFormat::example).orElse(null);
    return derived == null ? "" : derived;
  }

  private static String roomRule(CatalogSettings settings) {
    if (settings.roomDescription() != null && !settings.roomDescription().isBlank()) {
      return "Room must be " + settings.roomDescription().strip();
    }
    return RoomFormat.of(settings.roomPattern())
        .map(
            f -> "Room must be " + f.words() + (f.example() == null ? "" : ", e.g. " + f.example()))
        .orElseGet(
            () -> {
              log.warn(
                  "The room pattern {} cannot be put in words; set"
                      + " complaints.catalog.room-description so staff learn what a room looks"
                      + " like",
                  settings.roomPattern());
              return "Room is not a room number of this hostel";
            });
  }

  List<Hostel> hostels() {
    return hostels;
  }

  List<String> categories() {
    return categories;
  }

  /** The hostel named by its slug or display name, in any case. */
  Optional<Hostel> hostel(String slugOrName) {
    return Optional.ofNullable(byName.get(slugOrName.strip().toLowerCase(Locale.ROOT)));
  }

  Optional<String> category(String name) {
    String normal = name.strip().toLowerCase(Locale.ROOT);
    return categories.contains(normal) ? Optional.of(normal) : Optional.empty();
  }

  String roomExample() {
    return roomExample;
  }

  boolean roomMatches(String room) {
    return roomPattern.matcher(room).matches();
  }

  /** "Room must be a letter A–H followed by three digits, e.g. A312". */
  String roomRule() {
    return roomRule;
  }

  String hostelRule() {
    return "Hostel must be one of "
        + String.join(
            ", ", hostels.stream().map(h -> h.displayName() + " (" + h.slug() + ")").toList());
  }

  String categoryRule() {
    return "Category must be one of " + String.join(", ", categories);
  }
}

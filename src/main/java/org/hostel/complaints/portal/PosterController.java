package org.hostel.complaints.portal;

import io.swagger.v3.oas.annotations.Operation;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.web.AccessDenied;
import org.hostel.complaints.web.ValidationFailed;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Room posters for admins. The catalog knows the room format but not a list of rooms, so the office
 * names them: single rooms and ranges ({@code A101-A140}), narrowed to a wing when one is given.
 */
@RestController
class PosterController {

  static final int MAX_POSTERS = 1000;
  private static final Pattern RANGE = Pattern.compile("([A-Z]*)([0-9]+)-\\1?([0-9]+)");

  private final Reporting reporting;
  private final PortalKeys keys;

  private final String publicBaseUrl;

  /**
   * @param publicBaseUrl {@code COMPLAINTS_PUBLIC_BASE_URL}: printed posters outlive requests, so
   *     their links use the configured public origin when there is one, else the request's
   */
  PosterController(
      Reporting reporting,
      PortalKeys keys,
      @Value("${complaints.public-base-url:}") String publicBaseUrl) {
    this.reporting = reporting;
    this.keys = keys;
    this.publicBaseUrl = publicBaseUrl.strip().replaceAll("/+$", "");
  }

  @Operation(
      summary = "Room posters as PDF",
      description =
          "A4 pages with six posters each: a QR code that opens `/report?h=<hostel>&r=<room>&k=<signed code>` (hostel and room locked), and the hostel and room printed under it. `hostel` (slug or name) and `room` are required: `room` lists rooms and ranges separated by commas (`A101-A140,B201`), at most 1000; `wing` keeps the rooms of that wing. Admins only.")
  @GetMapping("/api/v1/posters.pdf")
  ResponseEntity<byte[]> pdf(Caller caller, @ParameterObject Selection selection) {
    List<Posters.Poster> posters = posters(caller, selection);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Posters.pdf(posters, out);
    return file(out.toByteArray(), MediaType.APPLICATION_PDF, "posters.pdf");
  }

  @Operation(
      summary = "One room poster as PNG",
      description =
          "The same poster as in the PDF, as an image at 200 dpi, for one room (`hostel` and `room`). Admins only.")
  @GetMapping("/api/v1/posters.png")
  ResponseEntity<byte[]> png(Caller caller, @ParameterObject Selection selection) {
    List<Posters.Poster> posters = posters(caller, selection);
    if (posters.size() != 1) {
      throw ValidationFailed.of("room", "A PNG holds one poster: give one room, or use the PDF");
    }
    return file(Posters.png(posters.getFirst()), MediaType.IMAGE_PNG, "poster.png");
  }

  /** Which posters: the query parameters {@code hostel}, {@code wing} and {@code room}. */
  record Selection(@Nullable String hostel, @Nullable String wing, @Nullable String room) {}

  private List<Posters.Poster> posters(Caller caller, Selection selection) {
    String hostel = selection.hostel();
    String wing = selection.wing();
    String room = selection.room();
    if (!caller.isAdmin()) {
      throw AccessDenied.because("Only admins make posters");
    }
    Reporting.Hostel h =
        reporting.hostels().stream()
            .filter(
                x -> x.slug().equals(hostel) || x.name().equalsIgnoreCase(String.valueOf(hostel)))
            .findFirst()
            .orElseThrow(
                () ->
                    ValidationFailed.of("hostel", "Hostel must be a known hostel's slug or name"));
    if (room == null || room.isBlank()) {
      throw ValidationFailed.of(
          "room", "Room is required: rooms and ranges separated by commas, e.g. A101-A140,B201");
    }
    String base =
        publicBaseUrl.isEmpty()
            ? ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
            : publicBaseUrl;
    List<Posters.Poster> posters = new ArrayList<>();
    for (String r : rooms(room)) {
      String stored =
          reporting
              .room(r)
              .orElseThrow(
                  () ->
                      ValidationFailed.of(
                          "room",
                          r + " is not a room number (e.g. " + reporting.roomExample() + ")"));
      if (wing != null
          && !wing.isBlank()
          && !stored.startsWith(wing.strip().toUpperCase(Locale.ROOT))) {
        continue;
      }
      String url =
          base
              + "/report?h="
              + h.slug()
              + "&r="
              + stored
              + "&k="
              + keys.posterCode(h.slug(), stored);
      posters.add(new Posters.Poster(h.name(), stored, url));
    }
    if (posters.isEmpty()) {
      throw ValidationFailed.of("wing", "None of the rooms is in this wing");
    }
    return posters;
  }

  /** The rooms named, in order, each once; ranges keep the width of their numbers. */
  static List<String> rooms(String given) {
    Set<String> rooms = new LinkedHashSet<>();
    for (String part : given.toUpperCase(Locale.ROOT).split(",")) {
      String item = part.strip();
      if (item.isEmpty()) {
        continue;
      }
      Matcher range = RANGE.matcher(item);
      if (range.matches()) {
        long from = Long.parseLong(range.group(2));
        long to = Long.parseLong(range.group(3));
        if (to < from || to - from >= MAX_POSTERS) {
          throw ValidationFailed.of("room", "The range " + item + " is empty or too long");
        }
        for (long n = from; n <= to && rooms.size() <= MAX_POSTERS; n++) {
          String digits = String.valueOf(n);
          rooms.add(
              range.group(1)
                  + "0".repeat(Math.max(0, range.group(2).length() - digits.length()))
                  + digits);
        }
      } else {
        rooms.add(item);
      }
      if (rooms.size() > MAX_POSTERS) {
        throw ValidationFailed.of("room", "At most " + MAX_POSTERS + " posters at once");
      }
    }
    return List.copyOf(rooms);
  }

  private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .cacheControl(CacheControl.noStore())
        .header(
            "Content-Disposition", ContentDisposition.inline().filename(name).build().toString())
        .body(bytes);
  }
}

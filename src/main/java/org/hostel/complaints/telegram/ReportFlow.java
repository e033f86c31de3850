package org.hostel.complaints.telegram;

import static org.hostel.complaints.telegram.Conversation.Step.CATEGORY;
import static org.hostel.complaints.telegram.Conversation.Step.DESCRIPTION;
import static org.hostel.complaints.telegram.Conversation.Step.EDIT;
import static org.hostel.complaints.telegram.Conversation.Step.HOSTEL;
import static org.hostel.complaints.telegram.Conversation.Step.PHOTOS;
import static org.hostel.complaints.telegram.Conversation.Step.ROOM;
import static org.hostel.complaints.telegram.Conversation.Step.SEVERITY;
import static org.hostel.complaints.telegram.Conversation.Step.SUMMARY;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.Reporting;
import org.hostel.complaints.complaint.Severity;
import org.hostel.complaints.incident.ActiveIncidents;
import org.hostel.complaints.telegram.Conversation.Draft;
import org.hostel.complaints.telegram.Conversation.Step;
import org.jspecify.annotations.Nullable;

/**
 * The /report conversation: hostel → room → category → description → severity → photos → summary,
 * each step with Cancel; Edit on the summary goes back to one step and returns. Wrong input is
 * answered and changes nothing. The submit is idempotent, keyed on the conversation.
 */
class ReportFlow {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Reporting reporting;
  private final Keyboards keys;
  private final Texts texts;
  private final ConversationStore store;
  private final ActiveIncidents incidents;
  private final int maxPhotos;

  ReportFlow(
      Reporting reporting,
      Keyboards keys,
      Texts texts,
      ConversationStore store,
      ActiveIncidents incidents,
      int maxPhotos) {
    this.reporting = reporting;
    this.incidents = incidents;
    this.keys = keys;
    this.texts = texts;
    this.store = store;
    this.maxPhotos = maxPhotos;
  }

  void start(Turn turn) {
    byte[] id = new byte[4];
    RANDOM.nextBytes(id);
    Conversation fresh =
        new Conversation(turn.chatId, HexFormat.of().formatHex(id), HOSTEL, Draft.empty());
    store.save(turn, fresh);
    prompt(turn, fresh);
  }

  void text(Turn turn, Conversation c, String text) {
    switch (c.step()) {
      case ROOM -> {
        var room = reporting.room(text);
        if (room.isEmpty()) {
          turn.say(texts.get("report.room.wrong", shorten(text), reporting.roomExample()));
        } else {
          advance(turn, c.with(c.draft().room(room.get())));
        }
      }
      case DESCRIPTION -> {
        String d = text.strip();
        if (d.length() < 10 || d.length() > 2000) {
          turn.say(texts.get("report.description.length", String.valueOf(d.length())));
        } else {
          advance(turn, c.with(c.draft().description(d)));
        }
      }
      default -> turn.say(texts.get("report.use.buttons." + c.step().name().toLowerCase()));
    }
  }

  void photo(Turn turn, Conversation c, Conversation.PhotoRef photo) {
    if (c.step() != PHOTOS) {
      turn.say(texts.get("report.photo.not.now"));
    } else if (c.draft().photos().size() >= maxPhotos) {
      turn.say(texts.get("report.photo.limit", String.valueOf(maxPhotos)));
    } else {
      Conversation next = c.with(c.draft().photo(photo));
      store.save(turn, next);
      turn.say(
          texts.get("report.photo.added", String.valueOf(next.draft().photos().size())),
          keys.photos(next));
    }
  }

  /** A button of this conversation: {@code action} and its argument. */
  void button(Turn turn, Conversation c, String action, String arg) {
    switch (action) {
      case "x" -> cancel(turn);
      case "h" ->
          pick(
              turn,
              c,
              HOSTEL,
              arg,
              reporting.hostels().size(),
              i -> c.draft().hostel(reporting.hostels().get(i).slug()));
      case "c" ->
          pick(
              turn,
              c,
              CATEGORY,
              arg,
              reporting.categories().size(),
              i -> c.draft().category(reporting.categories().get(i)));
      case "s" ->
          pick(
              turn,
              c,
              SEVERITY,
              arg,
              Severity.values().length,
              i -> c.draft().severity(Severity.values()[i].value()));
      case "d", "k" -> {
        if (c.step() != PHOTOS) {
          turn.say(texts.get("report.stale.button"));
        } else {
          advance(turn, action.equals("k") ? c.with(c.draft().withoutPhotos()) : c);
        }
      }
      case "E" -> onSummary(turn, c, () -> show(turn, c.at(EDIT)));
      case "e" -> edit(turn, c, arg);
      case "S" -> onSummary(turn, c, () -> submit(turn, c));
      default -> turn.say(texts.get("bot.unknown.button"));
    }
  }

  void cancel(Turn turn) {
    store.delete(turn);
    turn.say(texts.get("report.cancelled"));
  }

  /** Asks again for what the current step needs. */
  void prompt(Turn turn, Conversation c) {
    switch (c.step()) {
      case HOSTEL -> turn.say(texts.get("report.ask.hostel"), keys.hostels(c));
      case ROOM ->
          turn.say(texts.get("report.ask.room", reporting.roomExample()), keys.cancelOnly(c));
      case CATEGORY -> turn.say(texts.get("report.ask.category"), keys.categories(c));
      case DESCRIPTION -> {
        knownProblems(turn, c.draft().hostel());
        turn.say(texts.get("report.ask.description"), keys.cancelOnly(c));
      }
      case SEVERITY -> turn.say(texts.get("report.ask.severity"), keys.severities(c));
      case PHOTOS ->
          turn.say(texts.get("report.ask.photos", String.valueOf(maxPhotos)), keys.photos(c));
      case SUMMARY -> turn.say(summary(c.draft()), keys.summary(c));
      case EDIT -> turn.say(texts.get("report.ask.edit"), keys.editFields(c));
    }
  }

  /** The hostel's active incidents in one message, so nobody reports them again. */
  private void knownProblems(Turn turn, @Nullable String hostel) {
    if (hostel == null) {
      return;
    }
    List<String> items =
        incidents.in(hostel).stream()
            .map(
                n -> {
                  String message = n.message().strip().replaceAll("[.!]+$", "");
                  return n.eta() == null
                      ? texts.get("report.known.item", n.title(), message)
                      : texts.get("report.known.item.eta", n.title(), message, n.etaText());
                })
            .toList();
    if (items.size() == 1) {
      turn.say(texts.get("report.known.one", hostelName(hostel), items.getFirst()));
    } else if (items.size() > 1) {
      turn.say(texts.get("report.known.many", hostelName(hostel), String.join("\n", items)));
    }
  }

  private interface Choice {
    Draft apply(int index);
  }

  private void pick(Turn turn, Conversation c, Step step, String arg, int size, Choice choice) {
    int index = arg.matches("[0-9]{1,3}") ? Integer.parseInt(arg) : -1;
    if (c.step() != step || index < 0 || index >= size) {
      turn.say(texts.get("report.stale.button"));
      return;
    }
    advance(turn, c.with(choice.apply(index)));
  }

  private void onSummary(Turn turn, Conversation c, Runnable then) {
    if (c.step() != SUMMARY) {
      turn.say(texts.get("report.stale.button"));
    } else {
      then.run();
    }
  }

  private void edit(Turn turn, Conversation c, String field) {
    Step target =
        switch (field) {
          case "hostel" -> HOSTEL;
          case "room" -> ROOM;
          case "category" -> CATEGORY;
          case "description" -> DESCRIPTION;
          case "severity" -> SEVERITY;
          case "photos" -> PHOTOS;
          default -> null;
        };
    if (c.step() != EDIT || target == null) {
      turn.say(texts.get("report.stale.button"));
      return;
    }
    Draft draft = c.draft().editing(true);
    show(
        turn,
        new Conversation(
            c.chatId(), c.id(), target, target == PHOTOS ? draft.withoutPhotos() : draft));
  }

  /** The step after this one, or back to the summary when one answer was being edited. */
  private void advance(Turn turn, Conversation c) {
    Step next =
        c.draft().editing()
            ? SUMMARY
            : Step.values()[Math.min(c.step().ordinal() + 1, SUMMARY.ordinal())];
    Conversation moved = c.at(next);
    show(turn, next == SUMMARY ? moved.with(moved.draft().editing(false)) : moved);
  }

  private void show(Turn turn, Conversation c) {
    store.save(turn, c);
    prompt(turn, c);
  }

  private void submit(Turn turn, Conversation c) {
    Draft d = c.draft();
    Complaint stored =
        reporting.submit(
            new Reporting.Report(
                turn.userId,
                Objects.requireNonNull(d.hostel()),
                Objects.requireNonNull(d.room()),
                Objects.requireNonNull(d.category()),
                Objects.requireNonNull(d.description()),
                Severity.valueOf(Objects.requireNonNull(d.severity()).toUpperCase())),
            "telegram:" + c.chatId() + ":" + c.id());
    store.delete(turn);
    turn.dedupKey = "telegram:submitted:" + c.chatId() + ":" + c.id();
    turn.say(texts.get("report.submitted", stored.reference()));
    turn.submitted = new Turn.Submitted(stored.id(), stored.reference(), d.photos());
  }

  String summary(Draft d) {
    return texts.get(
        "report.summary",
        hostelName(d.hostel()),
        String.valueOf(d.room()),
        Keyboards.label(String.valueOf(d.category())),
        texts.get("severity." + d.severity()),
        String.valueOf(d.photos().size()),
        String.valueOf(d.description()));
  }

  private String hostelName(String slug) {
    return reporting.hostels().stream()
        .filter(h -> h.slug().equals(slug))
        .map(Reporting.Hostel::name)
        .findFirst()
        .orElse(String.valueOf(slug));
  }

  static String shorten(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() > 20 ? line.substring(0, 20) + "…" : line;
  }

  static List<String> editFields() {
    return List.of("hostel", "room", "category", "description", "severity", "photos");
  }
}

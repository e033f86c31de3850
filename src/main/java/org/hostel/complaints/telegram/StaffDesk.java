package org.hostel.complaints.telegram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintPolicy;
import org.hostel.complaints.complaint.ComplaintService;
import org.hostel.complaints.complaint.Status;
import org.hostel.complaints.staff.Caller;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.staff.StaffMember;
import org.hostel.complaints.staff.StaffService;
import org.hostel.complaints.telegram.Reply.Button;
import org.jspecify.annotations.Nullable;

/**
 * What staff do in the chat: link it with {@code /start link-<code>}, switch alerts with {@code
 * /alerts}, and press Start or Resolved on an alert. Every press is checked against the staff
 * member's rights as they are now: a deactivated account's buttons do nothing.
 */
class StaffDesk {

  static final Duration CODE_TTL = Duration.ofMinutes(10);

  private final StaffLinks links;
  private final StaffService staff;
  private final ComplaintService complaints;
  private final ComplaintPolicy policy;
  private final Texts texts;

  StaffDesk(
      StaffLinks links,
      StaffService staff,
      ComplaintService complaints,
      ComplaintPolicy policy,
      Texts texts) {
    this.links = links;
    this.staff = staff;
    this.complaints = complaints;
    this.policy = policy;
    this.texts = texts;
  }

  void link(Turn turn, String code) {
    Optional<StaffMember> member = links.consume(code, turn.now).flatMap(staff::findActive);
    if (member.isEmpty()) {
      turn.say(texts.get("staff.link.invalid"));
      return;
    }
    links.link(member.get().id(), turn.chatId, turn.now);
    turn.say(texts.get("staff.linked", member.get().fullName()));
  }

  /** The alert switches, as a new message or in place of {@code edit}. */
  void alerts(Turn turn, @Nullable Integer edit) {
    Optional<StaffLinks.Link> link = active(turn);
    if (link.isEmpty()) {
      return;
    }
    List<List<Button>> rows = new ArrayList<>();
    for (StaffLinks.Alert alert : StaffLinks.Alert.values()) {
      String state = texts.get(link.get().wants(alert) ? "staff.alert.on" : "staff.alert.off");
      rows.add(
          List.of(
              new Button(
                  texts.get("staff.alert." + alert.name().toLowerCase()) + ": " + state,
                  "a:" + alert.name().toLowerCase())));
    }
    if (edit == null) {
      turn.say(texts.get("staff.alerts"), rows);
    } else {
      turn.edit(edit, texts.get("staff.alerts"), rows);
    }
  }

  void toggle(Turn turn, String alert, int messageId) {
    Optional<StaffLinks.Link> link = active(turn);
    StaffLinks.Alert which = parse(alert);
    if (link.isEmpty() || which == null) {
      return;
    }
    links.toggle(link.get().staffId(), which);
    alerts(turn, messageId);
  }

  /** Start or Resolved on an alert. */
  void work(Turn turn, String number, String target) {
    Optional<StaffLinks.Link> link = active(turn);
    if (link.isEmpty()) {
      return;
    }
    StaffMember member = staff.findActive(link.get().staffId()).orElseThrow();
    Caller caller =
        new Caller(
            member.role() == Role.ADMIN ? Caller.Kind.ADMIN : Caller.Kind.PORTER,
            member.id(),
            null,
            null);
    Status status =
        switch (target) {
          case "in_progress" -> Status.IN_PROGRESS;
          case "resolved" -> Status.RESOLVED;
          default -> null;
        };
    Optional<Complaint> complaint =
        number.matches("[0-9]{1,15}")
            ? complaints.findVisible(caller, Long.parseLong(number))
            : Optional.empty();
    if (status == null || complaint.isEmpty()) {
      turn.say(texts.get("bot.unknown.button"));
      return;
    }
    Complaint c = complaint.get();
    if (c.status() == status) {
      turn.say(texts.get("staff.already", c.reference(), texts.get("status." + status.value())));
    } else if (!policy.allowedTransitions(caller, c).contains(status)) {
      turn.say(
          texts.get("staff.not.allowed", c.reference(), texts.get("status." + c.status().value())));
    } else {
      Complaint moved = complaints.move(caller, c.id(), status);
      turn.say(texts.get("staff.moved", moved.reference(), texts.get("status." + status.value())));
    }
  }

  /** The chat's staff link if its owner is still active; otherwise says why not. */
  private Optional<StaffLinks.Link> active(Turn turn) {
    Optional<StaffLinks.Link> link = links.byChat(turn.chatId);
    if (link.isEmpty()) {
      turn.say(texts.get("staff.not.linked"));
      return Optional.empty();
    }
    if (staff.findActive(link.get().staffId()).isEmpty()) {
      turn.say(texts.get("staff.inactive"));
      return Optional.empty();
    }
    return link;
  }

  private static StaffLinks.@Nullable Alert parse(String alert) {
    for (StaffLinks.Alert a : StaffLinks.Alert.values()) {
      if (a.name().equalsIgnoreCase(alert)) {
        return a;
      }
    }
    return null;
  }
}

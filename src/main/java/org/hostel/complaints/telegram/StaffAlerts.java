package org.hostel.complaints.telegram;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hostel.complaints.complaint.AssignmentChanged;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.complaint.ComplaintSubmitted;
import org.hostel.complaints.complaint.NotAutoAssigned;
import org.hostel.complaints.complaint.RepeatFault;
import org.hostel.complaints.complaint.Severity;
import org.hostel.complaints.complaint.Status;
import org.hostel.complaints.complaint.StatusChanged;
import org.hostel.complaints.sla.SlaAlert;
import org.hostel.complaints.staff.Role;
import org.hostel.complaints.staff.StaffMember;
import org.hostel.complaints.staff.StaffService;
import org.hostel.complaints.telegram.Reply.Button;
import org.springframework.context.event.EventListener;

/**
 * Staff in Telegram: porters hear of new assignments (with Start and Resolved buttons), admins of
 * new high-urgency complaints and of reopenings, each as they switched on. Stored in the outbox in
 * the change's transaction. Only active staff get alerts.
 */
class StaffAlerts {

  private final StaffLinks links;
  private final StaffService staff;
  private final Texts texts;
  private final Clock clock;
  private final Outgoing out;

  /** Stores a turn's replies (the bot). */
  interface Outgoing {
    void store(Turn turn);
  }

  StaffAlerts(StaffLinks links, StaffService staff, Texts texts, Clock clock, Outgoing out) {
    this.links = links;
    this.staff = staff;
    this.texts = texts;
    this.clock = clock;
    this.out = out;
  }

  @EventListener
  void assigned(AssignmentChanged event) {
    UUID to = event.assignedTo();
    if (to == null || to.equals(event.assignedBy())) {
      return;
    }
    Complaint c = event.complaint();
    send(
        links.byStaff(to).stream().toList(),
        StaffLinks.Alert.ASSIGNMENTS,
        texts.get(
            "staff.assigned",
            c.reference(),
            c.roomNumber(),
            Keyboards.label(c.category()),
            c.description()),
        work(c),
        "assigned:" + c.id() + ":" + c.version());
  }

  @EventListener
  void submitted(ComplaintSubmitted event) {
    Complaint c = event.complaint();
    if (c.severity() != Severity.HIGH) {
      return;
    }
    send(
        admins(),
        StaffLinks.Alert.URGENT,
        texts.get(
            "staff.urgent",
            c.reference(),
            c.roomNumber(),
            Keyboards.label(c.category()),
            c.description()),
        List.of(),
        "urgent:" + c.id());
  }

  /** A repeat fault, to admins who take urgent alerts. */
  @EventListener
  void repeat(RepeatFault event) {
    Complaint c = event.complaint();
    send(
        admins(),
        StaffLinks.Alert.URGENT,
        texts.get(
            "staff.repeat",
            c.reference(),
            event.wing() ? "wing " + c.wing() : "room " + c.roomNumber(),
            Keyboards.label(c.category()),
            event.count(),
            event.days()),
        List.of(),
        "repeat:" + c.id());
  }

  @EventListener
  void reopened(StatusChanged event) {
    if (event.oldStatus() != Status.RESOLVED
        || event.newStatus() != Status.IN_PROGRESS
        || event.updatedBy() != null) {
      return;
    }
    Complaint c = event.complaint();
    List<StaffLinks.Link> to = new ArrayList<>(admins());
    if (c.assignedPorterId() != null) {
      links.byStaff(c.assignedPorterId()).filter(l -> !to.contains(l)).ifPresent(to::add);
    }
    send(
        to,
        StaffLinks.Alert.REOPENED,
        texts.get("staff.reopened", c.reference(), c.roomNumber()),
        work(c),
        "reopened:" + c.id() + ":" + c.version());
  }

  /**
   * SLA escalations: a warning to the assignee (with their assignment alerts), a breach to the
   * admins (with their urgent alerts); the escalation job records each once.
   */
  @EventListener
  void sla(SlaAlert event) {
    Complaint c = event.complaint();
    String key = "sla:" + c.id() + ":" + event.target() + ":" + event.level() + ":" + event.dueAt();
    if (event.isBreach()) {
      send(
          admins(),
          StaffLinks.Alert.URGENT,
          texts.get("staff.sla_breach", c.reference(), c.roomNumber(), event.target()),
          List.of(),
          key + ":" + clock.instant().toString().substring(0, 10));
    } else if (c.assignedPorterId() != null) {
      send(
          links.byStaff(c.assignedPorterId()).stream().toList(),
          StaffLinks.Alert.ASSIGNMENTS,
          texts.get("staff.sla_warning", c.reference(), c.roomNumber(), event.target()),
          work(c),
          key);
    }
  }

  /** A new complaint the assignment rules gave to nobody: admins, with their urgent alerts. */
  @EventListener
  void notAutoAssigned(NotAutoAssigned event) {
    Complaint c = event.complaint();
    send(
        admins(),
        StaffLinks.Alert.URGENT,
        texts.get("staff.unassigned", c.reference(), c.roomNumber(), event.reason()),
        List.of(),
        "unassigned:" + c.id());
  }

  /** Start and Resolved, carrying {@code w:<number>:<status>}; checked again when pressed. */
  List<List<Button>> work(Complaint c) {
    return List.of(
        List.of(
            new Button(texts.get("button.start"), "w:" + c.number() + ":in_progress"),
            new Button(texts.get("button.resolved"), "w:" + c.number() + ":resolved")));
  }

  private List<StaffLinks.Link> admins() {
    return links.all().stream()
        .filter(l -> staff.findActive(l.staffId()).map(m -> m.role() == Role.ADMIN).orElse(false))
        .toList();
  }

  private void send(
      List<StaffLinks.Link> to,
      StaffLinks.Alert alert,
      String text,
      List<List<Button>> buttons,
      String key) {
    for (StaffLinks.Link link : to) {
      Optional<StaffMember> member = staff.findActive(link.staffId());
      if (member.isEmpty() || !link.wants(alert)) {
        continue;
      }
      Turn alertTurn = new Turn(link.chatId(), "staff", clock.instant());
      alertTurn.say(text, buttons);
      alertTurn.dedupKey = "telegram:staff:" + link.staffId() + ":" + key;
      out.store(alertTurn);
    }
  }
}

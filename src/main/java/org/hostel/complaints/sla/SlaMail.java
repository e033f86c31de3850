package org.hostel.complaints.sla;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hostel.complaints.complaint.Complaint;
import org.hostel.complaints.mail.MailRequest;
import org.hostel.complaints.mail.Mailer;
import org.hostel.complaints.staff.StaffMember;
import org.hostel.complaints.staff.StaffService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** SLA escalations by e-mail, when mail is configured, to staff with an address. */
@Component
class SlaMail {

  private final Mailer mailer;
  private final StaffService staff;

  SlaMail(Mailer mailer, StaffService staff) {
    this.mailer = mailer;
    this.staff = staff;
  }

  @EventListener
  void alert(SlaAlert event) {
    if (!mailer.enabled()) {
      return;
    }
    Complaint c = event.complaint();
    List<StaffMember> to =
        event.isBreach()
            ? staff.activeAdmins()
            : c.assignedPorterId() == null
                ? List.of()
                : staff.findActive(c.assignedPorterId()).stream().toList();
    for (StaffMember member : to) {
      if (member.email() == null) {
        continue;
      }
      mailer.enqueue(
          new MailRequest(
              member.email(),
              "sla_" + event.level(),
              Locale.ENGLISH,
              Map.of(
                  "name", member.fullName(),
                  "reference", c.reference(),
                  "room", c.roomNumber(),
                  "target", event.target(),
                  "due", event.dueAt().toString()),
              null,
              "email:sla:"
                  + member.id()
                  + ":"
                  + c.id()
                  + ":"
                  + event.target()
                  + ":"
                  + event.level()
                  + ":"
                  + event.dueAt()
                  + ":"
                  + java.time.LocalDate.now()));
    }
  }
}

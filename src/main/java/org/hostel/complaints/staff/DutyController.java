package org.hostel.complaints.staff;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/profile/duty")
class DutyController {

  private final Duty duty;

  DutyController(Duty duty) {
    this.duty = duty;
  }

  record DutyRequest(@NotNull Boolean onDuty) {}

  record DutyResponse(boolean onDuty) {}

  @Operation(
      summary = "Own duty",
      description = "`{on_duty}`: whether assignment rules may give the caller new complaints.")
  @GetMapping
  DutyResponse read(Caller caller) {
    return new DutyResponse(duty.isOnDuty(caller));
  }

  @Operation(
      summary = "Go on or off duty",
      description =
          "`{on_duty: bool}` (staff): off duty, assignment rules skip the caller; complaints already assigned stay. The integration gets 403.")
  @PutMapping
  DutyResponse set(Caller caller, @Valid @RequestBody DutyRequest body) {
    duty.set(caller, body.onDuty());
    return new DutyResponse(body.onDuty());
  }
}

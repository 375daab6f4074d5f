package org.itops.drill;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/emergency-plans}: the emergency plans that drills exercise. */
@RestController
@RequestMapping("/api/emergency-plans")
class EmergencyPlanController {

  private final DrillService drills;

  EmergencyPlanController(DrillService drills) {
    this.drills = drills;
  }

  @GetMapping
  List<EmergencyPlan> list() {
    return drills.plans();
  }

  @GetMapping("/{id}")
  EmergencyPlan get(@PathVariable long id) {
    return drills.plan(id);
  }

  @PostMapping
  ResponseEntity<EmergencyPlan> create(@RequestBody PlanRequest plan) {
    EmergencyPlan created = drills.createPlan(plan);
    return ResponseEntity.created(URI.create("/api/emergency-plans/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  EmergencyPlan update(@PathVariable long id, @RequestBody PlanRequest plan) {
    return drills.updatePlan(id, plan);
  }
}

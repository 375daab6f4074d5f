package org.itops.oncall;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Times;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/rotas}: the on-call rotas of the support groups, their overrides, and who is on duty. */
@RestController
@RequestMapping("/api/rotas")
class RotaController {

  private final Rotas rotas;
  private final Clock clock;

  RotaController(Rotas rotas, Clock clock) {
    this.rotas = rotas;
    this.clock = clock;
  }

  @GetMapping
  List<Rota> list() {
    return rotas.list();
  }

  @GetMapping("/{group}")
  Rota get(@PathVariable String group) {
    return rotas.view(group);
  }

  /** Who is on duty at {@code at} (ISO-8601 with offset), now without it. */
  @GetMapping("/{group}/on-duty")
  Map<String, Object> onDuty(@PathVariable String group, @RequestParam(required = false) String at) {
    Instant instant;
    try {
      instant = at == null ? clock.instant() : Times.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidRequestException("at", "reason.requiredDateTime");
    }
    return Map.of("group", group, "at", instant, "person", rotas.view(group).whoIsOnDuty(instant));
  }

  @PutMapping("/{group}")
  Rota save(@PathVariable String group, @RequestBody RotaRequest rota) {
    return rotas.save(group, rota);
  }

  /** 201 with the new override, 200 with the same one when it was there already. */
  @PostMapping("/{group}/overrides")
  ResponseEntity<RotaOverride> addOverride(@PathVariable String group, @RequestBody OverrideRequest override) {
    Rotas.Added added = rotas.addOverride(group, override);
    return added.created()
        ? ResponseEntity.created(URI.create("/api/rotas/" + group + "/overrides/" + added.override().id()))
            .body(added.override())
        : ResponseEntity.ok(added.override());
  }

  @DeleteMapping("/{group}/overrides/{id}")
  ResponseEntity<Void> removeOverride(@PathVariable String group, @PathVariable long id) {
    rotas.removeOverride(group, id);
    return ResponseEntity.noContent().build();
  }
}

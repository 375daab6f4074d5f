package org.itops.cmdb;

import java.net.URI;
import java.util.Map;
import org.itops.platform.Csv;
import org.itops.platform.InvalidRequestException;
import org.itops.platform.Page;
import org.springframework.http.MediaType;
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

/** {@code /api/cis}: configuration items, their CSV import and export, and what a failing item affects. */
@RestController
@RequestMapping("/api/cis")
class CiController {

  static final int MAX_PAGE_SIZE = 200;
  static final String CSV = "text/csv";

  private final CmdbService cmdb;
  private final CmdbMaintenance maintenance;

  CiController(CmdbService cmdb, CmdbMaintenance maintenance) {
    this.cmdb = cmdb;
    this.maintenance = maintenance;
  }

  @GetMapping
  Map<String, Object> list(@RequestParam(required = false) String type,
      @RequestParam(required = false) String environment, @RequestParam(required = false) String service,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    InvalidRequestException.checkPage(page, size, MAX_PAGE_SIZE);
    Page<ConfigurationItem> found = cmdb.list(type, environment, service, page, size);
    return found.answer(page, size);
  }

  @GetMapping("/{id}")
  ConfigurationItem get(@PathVariable long id) {
    return cmdb.view(id);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<ConfigurationItem> create(@RequestBody CiInput item) {
    ConfigurationItem created = maintenance.create(item);
    return ResponseEntity.created(URI.create("/api/cis/" + created.id())).body(created);
  }

  @PutMapping("/{id}")
  ConfigurationItem update(@PathVariable long id, @RequestBody CiInput item) {
    return maintenance.update(id, item);
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> delete(@PathVariable long id) {
    maintenance.delete(id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/impact")
  CmdbService.Impact impact(@PathVariable long id) {
    return cmdb.impact(id);
  }

  /** A CSV file (header {@link CmdbMaintenance#CSV_COLUMNS}); all rows or none. */
  @PostMapping(path = "/import", consumes = CSV)
  CmdbMaintenance.ImportResult importCsv(@RequestBody String csv) {
    return maintenance.importCsv(Csv.withoutBom(csv));
  }

  @GetMapping(path = "/export", produces = CSV)
  ResponseEntity<String> exportCsv() {
    return ResponseEntity.ok().header("Content-Disposition", "attachment; filename=\"configuration-items.csv\"")
        .contentType(MediaType.parseMediaType(CSV + ";charset=UTF-8")).body(Csv.file(maintenance.exportCsv()));
  }
}

package org.itops.oncall;

import org.itops.incident.IncidentService;
import org.itops.platform.NotAllowedException;
import org.itops.platform.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/incidents/{number}/page}: the page of a P1 or major incident, and its acknowledgement. */
@RestController
@RequestMapping("/api/incidents/{number}/page")
class PageController {

  private final Pages pages;
  private final IncidentService incidents;

  PageController(Pages pages, IncidentService incidents) {
    this.pages = pages;
    this.incidents = incidents;
  }

  /** The page: who was paged when, and who acknowledged it; for whoever reads the incident. */
  @GetMapping
  Pages.Page get(@PathVariable String number) {
    incidents.view(number);
    return pages.find(number).orElseThrow(() -> new NotFoundException("detail.notFound.page", number));
  }

  /** Acknowledges the page as the logged-in user (the portal, scripts); once, however often it is called. */
  @PostMapping("/acknowledge")
  Pages.Page acknowledge(@PathVariable String number) {
    return pages.acknowledge(number);
  }

  /**
   * The link of the page's mail: signed, so that only a link the suite mailed acknowledges, and behind the login, so
   * that a mail scanner that follows links acknowledges nothing.
   */
  @GetMapping("/acknowledge")
  Pages.Page acknowledgeByLink(@PathVariable String number, @RequestParam(required = false) String signature) {
    if (!pages.isGenuine(number, signature)) {
      throw new NotAllowedException("detail.forbidden.pageLink");
    }
    return pages.acknowledge(number);
  }
}

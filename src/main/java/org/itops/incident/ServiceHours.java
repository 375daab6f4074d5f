package org.itops.incident;

import org.itops.calendar.BusinessCalendar;
import org.itops.catalog.ServiceCatalog;
import org.springframework.stereotype.Component;

/** The hours an incident's SLA clock counts: those of its published service, 24x7 without one. */
@Component
class ServiceHours {

  private final ServiceCatalog catalog;

  ServiceHours(ServiceCatalog catalog) {
    this.catalog = catalog;
  }

  BusinessCalendar of(Incident incident) {
    return ofService(incident.getService());
  }

  /** The hours of the published service of that name; 24x7 for none. */
  BusinessCalendar ofService(String service) {
    return catalog.hoursOf(service);
  }
}

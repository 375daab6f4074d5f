package org.itops.incident;

/**
 * An incident was registered (published in the transaction of its registration): other features may react in the
 * same transaction, e.g. problem management counts recurring incidents, without the incident knowing of them.
 */
public record IncidentRegistered(String number, String title, String category, String configurationItem,
    String service) {}

package org.itops.incident;

/** The root cause of a major incident was reviewed (published in the transaction of its review). */
public record RootCauseReviewed(String number, String title, String category, String configurationItem,
    String service, String rootCause) {}

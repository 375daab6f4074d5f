package org.itops.survey;

import java.time.Instant;

/** A survey as stored: the record it asks about, whom, until when, and the answer once given. */
public record Survey(String number, String token, String recordNumber, String title, String respondent,
    String service, Instant createdAt, Instant expiresAt, Instant answeredAt, Integer rating, String comment) {}

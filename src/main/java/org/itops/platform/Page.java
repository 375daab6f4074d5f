package org.itops.platform;

import java.util.List;

/** One page of a listing of records: the page's records, and how many the whole listing has. */
public record Page<T>(List<T> items, long total) {}

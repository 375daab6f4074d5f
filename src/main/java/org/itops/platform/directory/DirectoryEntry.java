package org.itops.platform.directory;

/** A user as the directory holds them: their DN and what the suite shows. */
record DirectoryEntry(String dn, String id, String firstName, String lastName, String email) {}

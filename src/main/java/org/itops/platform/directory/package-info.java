/**
 * The company directory (profile {@code ldap}): users, passwords and group memberships from LDAP or Active
 * Directory, read-only, as the engine's identity provider. The suite's groups are those of {@code itops.access};
 * {@code itops.directory.group-mapping} names the directory group behind each.
 */
package org.itops.platform.directory;

package org.itops.oncall;

/** An override as {@code POST /api/rotas/{group}/overrides} and the form of {@code rota-override} give it. */
record OverrideRequest(String person, String from, String to, String reason) {}

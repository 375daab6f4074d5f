/**
 * Decision tables as process owners change them: the inputs and outcome of each evaluation of the tables they tune
 * ({@link DecisionInputs}, kept 400 days), and the what-if ({@code POST /api/decisions/{key}/what-if}, its page
 * {@code /what-if/}) that re-evaluates a changed table on those inputs beside the table in force, deploying nothing.
 */
package org.itops.decision;

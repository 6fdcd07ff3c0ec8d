/**
 * Attack-path analysis: IAM policy evaluation, privilege escalation, network exposure, path search
 * and risk scoring. It reads the graph through the store port and the query catalog and writes
 * derived relationships ({@code CAN_REACH}, {@code CAN_ASSUME}, {@code CAN_ESCALATE_TO},
 * {@code CAN_ACCESS}) through sync sessions. The analyses arrive with the attack-path issue; this
 * module holds the place in the dependency order so that graphql and app can depend on it.
 */
package io.leeward.attackpaths;

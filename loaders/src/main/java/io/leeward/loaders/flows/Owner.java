package io.leeward.loaders.flows;

import io.leeward.graph.schema.NodeLabel;

/**
 * A workload or resource traffic is attributed to: a task, a service (the roll-up of its tasks), a
 * load balancer, a NAT gateway, an EC2 instance, or a network interface nothing else owns.
 * {@code service} is the task's service, null otherwise. {@code ordinal} numbers the owners of one
 * index densely, for compact aggregation keys.
 */
record Owner(int ordinal, NodeLabel label, String id, String account, String region, Owner service) {}

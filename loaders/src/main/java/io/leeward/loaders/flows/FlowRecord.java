package io.leeward.loaders.flows;

/**
 * One VPC flow log record. Fields the format does not have, or that the record gives as {@code -},
 * are null (text, addresses) or {@link #ABSENT} (numbers). Addresses are kept as written.
 */
public record FlowRecord(
        int version,
        String accountId,
        String interfaceId,
        String srcAddr,
        String dstAddr,
        int srcPort,
        int dstPort,
        int protocol,
        long packets,
        long bytes,
        long start,
        long end,
        Action action,
        LogStatus logStatus,
        String vpcId,
        String subnetId,
        String instanceId,
        int tcpFlags,
        String type,
        String pktSrcAddr,
        String pktDstAddr,
        String region,
        String azId,
        String sublocationType,
        String sublocationId,
        String pktSrcAwsService,
        String pktDstAwsService,
        String flowDirection,
        int trafficPath,
        String ecsClusterArn,
        String ecsClusterName,
        String ecsContainerInstanceArn,
        String ecsContainerInstanceId,
        String ecsContainerId,
        String ecsSecondContainerId,
        String ecsServiceName,
        String ecsTaskDefinitionArn,
        String ecsTaskArn,
        String ecsTaskId,
        String rejectReason) {

    /** A number the record does not give. */
    public static final int ABSENT = -1;

    /** Whether traffic was recorded: log status OK (or not in the format) rather than NODATA or SKIPDATA. */
    public boolean hasTraffic() {
        return logStatus == null || logStatus == LogStatus.OK;
    }

    /** What the security groups and network ACLs did with the flow. */
    public enum Action {
        ACCEPT,
        REJECT
    }

    /** Whether the capture window recorded traffic. */
    public enum LogStatus {
        /** Data is being recorded to the destination normally. */
        OK,
        /** No traffic to or from the interface during the capture window. */
        NODATA,
        /** Some records were skipped during the capture window (capacity or an internal error). */
        SKIPDATA
    }
}

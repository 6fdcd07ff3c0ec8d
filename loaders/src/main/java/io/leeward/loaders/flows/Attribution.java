package io.leeward.loaders.flows;

/**
 * Decides, for one flow record, which two ends it joins, which end is the server, and whether it is
 * counted at all. The ends are resolved at the record's start time through the {@link OwnershipIndex}.
 *
 * <ul>
 *   <li>The observing interface ({@code interface-id}) tells whose traffic it is. Each address is
 *       resolved on its own; an address that does not resolve is the interface owner's when the
 *       interface owner is neither end yet (its address was not in the inventory).
 *   <li>An address that resolves to no owner is an external host when it is public, and leaves the
 *       record unattributed when it is private (an address of something not in the inventory).
 *   <li>A record whose interface belongs to neither end is transit (a NAT gateway forwarding a
 *       task's packets): the endpoints' own interfaces record the flow, so it is not counted again.
 *   <li>A VPC-wide flow log records a flow between two owned ends at both interfaces. It is counted
 *       at the client's interface only; the server's record of it is skipped as a second sighting.
 *       Without {@code interface-id} nothing tells the two apart and both count.
 * </ul>
 *
 * <p>Direction: the server is the end with the lower port (on a tie, the destination), unless the TCP
 * flags say otherwise. Flow logs OR the flags of a window and report SYN (2) and SYN-ACK (18): a
 * source that sent SYN-ACK is the server, one that sent SYN without ACK is the client. The flow
 * direction field says which way packets crossed the interface, not who opened the connection, so
 * it does not decide. Not thread-safe: one per loading thread.
 */
final class Attribution {
    private static final int TCP = 6;
    private static final int SYN = 0x02;
    private static final int SYN_ACK = 0x12;

    /** Why a record gave no edge. */
    enum Outcome {
        ATTRIBUTED,
        NO_TIME,
        NO_ADDRESS,
        UNOWNED_PRIVATE,
        NO_WORKLOAD,
        TRANSIT,
        SECOND_SIGHTING
    }

    private final OwnershipIndex index;
    // the result of the last resolve(): ends as owners, or null with the external address
    Owner client;
    Owner server;
    String clientAddress;
    String serverAddress;
    int serverPort;
    long time;

    Attribution(OwnershipIndex index) {
        this.index = index;
    }

    Outcome resolve(FlowRecord r) {
        long t = r.start() != FlowRecord.ABSENT ? r.start() : r.end();
        if (t == FlowRecord.ABSENT) {
            return Outcome.NO_TIME;
        }
        String src = r.srcAddr();
        String dst = r.dstAddr();
        if (src == null || dst == null) {
            return Outcome.NO_ADDRESS;
        }
        Owner observer = r.interfaceId() == null ? null : index.at(r.interfaceId(), t);
        Owner srcOwner = index.at(src, t);
        Owner dstOwner = index.at(dst, t);
        if (observer != null && observer != srcOwner && observer != dstOwner) {
            if (srcOwner == null && Addresses.isPrivate(src)) {
                srcOwner = observer;
            } else if (dstOwner == null && Addresses.isPrivate(dst)) {
                dstOwner = observer;
            } else {
                return Outcome.TRANSIT;
            }
        }
        if (srcOwner == null && dstOwner == null) {
            return Outcome.NO_WORKLOAD;
        }
        if ((srcOwner == null && Addresses.isPrivate(src)) || (dstOwner == null && Addresses.isPrivate(dst))) {
            return Outcome.UNOWNED_PRIVATE;
        }
        boolean srcServes = srcIsServer(r);
        if (observer != null && srcOwner != null && dstOwner != null) {
            Owner serverSide = srcServes ? srcOwner : dstOwner;
            if (observer == serverSide && srcOwner != dstOwner) {
                return Outcome.SECOND_SIGHTING;
            }
        }
        time = t;
        if (srcServes) {
            set(dstOwner, dst, srcOwner, src, r.srcPort());
        } else {
            set(srcOwner, src, dstOwner, dst, r.dstPort());
        }
        return Outcome.ATTRIBUTED;
    }

    private void set(Owner c, String cAddress, Owner s, String sAddress, int port) {
        client = c;
        clientAddress = c == null ? cAddress : null;
        server = s;
        serverAddress = s == null ? sAddress : null;
        serverPort = Math.max(port, 0);
    }

    /** Whether the source end of the record is the server; see the class comment for the rule. */
    static boolean srcIsServer(FlowRecord r) {
        if (r.protocol() == TCP && r.tcpFlags() != FlowRecord.ABSENT) {
            if ((r.tcpFlags() & SYN_ACK) == SYN_ACK) {
                return true;
            }
            if ((r.tcpFlags() & SYN) != 0) {
                return false;
            }
        }
        if (r.srcPort() == FlowRecord.ABSENT || r.dstPort() == FlowRecord.ABSENT) {
            return false;
        }
        return r.srcPort() < r.dstPort();
    }
}

package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Ec2Instance;
import static io.leeward.graph.schema.NodeLabel.InternetGateway;
import static io.leeward.graph.schema.NodeLabel.NatGateway;
import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.RouteTable;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.ASSOCIATED_WITH;
import static io.leeward.graph.schema.RelType.IN_VPC;
import static io.leeward.graph.schema.RelType.ROUTES_TO;

import io.leeward.graph.schema.NodeLabel;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ec2 describe-route-tables}: a RouteTable per element of {@code RouteTables}, in its VPC,
 * {@code ASSOCIATED_WITH} each subnet of an explicit association (the main table, {@code main:
 * true}, applies to the VPC's subnets without one), and {@code ROUTES_TO} the internet gateway, NAT
 * gateway, network interface or instance of each route, keyed by destination. Routes to other
 * targets (local, VPC peering, transit and virtual private gateways, VPC endpoints, egress-only
 * internet gateways) are kept in {@code routes} (JSON) and {@code otherRoutes}. The target of a
 * {@code blackhole} route is usually gone; it is a placeholder when the input lacks it.
 */
final class RouteTableMapper implements RecordMapper {
    private static final String BLACKHOLE = "blackhole";
    /** Route target fields that no relationship is written for, as the EC2 API names them. */
    private static final List<String> OTHER_TARGETS = List.of(
            "TransitGatewayId",
            "VpcPeeringConnectionId",
            "EgressOnlyInternetGatewayId",
            "CarrierGatewayId",
            "LocalGatewayId",
            "CoreNetworkArn");

    @Override
    public void map(JsonFields table, RegionContext context, Emitter out) {
        String id = table.id("RouteTableId", "rtb-", "a route table id");
        String vpc = table.id("VpcId", "vpc-", "a VPC id");
        boolean main = false;
        var subnets = new LinkedHashMap<String, String>();
        for (JsonFields association : table.objects("Associations")) {
            if (!isAssociated(association)) {
                continue;
            }
            main |= Boolean.TRUE.equals(association.optionalBool("Main"));
            String subnet = association.optionalId("SubnetId", "subnet-", "a subnet id");
            if (subnet != null) {
                subnets.put(subnet, association.optionalString("RouteTableAssociationId"));
            }
        }
        var routes = new ArrayList<Route>();
        var others = new ArrayList<String>();
        for (JsonFields route : table.objects("Routes")) {
            route(route, routes, others);
        }
        var propagating = new ArrayList<String>();
        for (JsonFields gateway : table.objects("PropagatingVgws")) {
            propagating.add(gateway.string("GatewayId"));
        }
        var tags = Tags.ec2(table, "Tags");
        var p = Emitter.props();
        p.put("name", tags.name());
        p.put("vpcId", vpc);
        p.put("main", main);
        p.put("subnetIds", List.copyOf(subnets.keySet()));
        p.put("routes", table.json("Routes"));
        p.put("otherRoutes", others);
        p.put("associations", table.json("Associations"));
        p.put("propagatingVgws", propagating);
        p.put("ownerId", table.optionalString("OwnerId"));
        p.put("tags", tags.json());
        out.node(RouteTable, id, p);
        out.link(IN_VPC, RouteTable, id, Vpc, vpc);
        for (var subnet : subnets.entrySet()) {
            var rp = Emitter.props();
            rp.put("associationId", subnet.getValue());
            out.link(ASSOCIATED_WITH, RouteTable, id, Subnet, subnet.getKey(), null, rp);
        }
        for (Route route : routes) {
            var rp = Emitter.props();
            rp.put("destination", route.destination());
            rp.put("state", route.state());
            rp.put("origin", route.origin());
            if (BLACKHOLE.equals(route.state())) {
                // the target of a blackhole route is usually gone (a deleted NAT gateway or instance): keep the
                // route by pointing it at a placeholder when the target is not in the input
                out.reference(route.label(), route.target(), context.account(), context.region(), Map.of());
                out.rel(ROUTES_TO, RouteTable, id, route.label(), route.target(), route.destination(), rp);
            } else {
                out.link(ROUTES_TO, RouteTable, id, route.label(), route.target(), route.destination(), rp);
            }
        }
    }

    /** An association in effect: its state is {@code associated}, or not given. */
    private static boolean isAssociated(JsonFields association) {
        JsonFields state = association.optionalObject("AssociationState");
        String code = state == null ? null : state.optionalString("State");
        return code == null || code.equals("associated");
    }

    /**
     * Reads one route: a route to an internet gateway, NAT gateway, interface or instance (a route to
     * an instance names its interface too) becomes one {@link Route} per target; any other target is
     * described in {@code others} as {@code destination -> target (state)}.
     */
    private static void route(JsonFields route, List<Route> routes, List<String> others) {
        String destination = destination(route);
        String state = route.optionalString("State");
        String origin = route.optionalString("Origin");
        int before = routes.size();
        String gateway = route.optionalString("GatewayId");
        if (gateway != null && gateway.startsWith("igw-")) {
            routes.add(new Route(destination, InternetGateway, gateway, state, origin));
        }
        String nat = route.optionalId("NatGatewayId", "nat-", "a NAT gateway id");
        if (nat != null) {
            routes.add(new Route(destination, NatGateway, nat, state, origin));
        }
        String instance = route.optionalId("InstanceId", "i-", "an instance id");
        if (instance != null) {
            routes.add(new Route(destination, Ec2Instance, instance, state, origin));
        }
        String eni = route.optionalId("NetworkInterfaceId", "eni-", "a network interface id");
        if (eni != null) {
            routes.add(new Route(destination, NetworkInterface, eni, state, origin));
        }
        if (routes.size() > before) {
            return;
        }
        String target = gateway;
        for (String field : OTHER_TARGETS) {
            target = target != null ? target : route.optionalString(field);
        }
        others.add(destination + " -> " + (target == null ? "?" : target) + " (" + state + ")");
    }

    private static String destination(JsonFields route) {
        for (String field : List.of("DestinationCidrBlock", "DestinationIpv6CidrBlock", "DestinationPrefixListId")) {
            String destination = route.optionalString(field);
            if (destination != null && !destination.isBlank()) {
                return destination;
            }
        }
        throw route.invalid(
                "DestinationCidrBlock",
                "a destination (DestinationCidrBlock, DestinationIpv6CidrBlock or DestinationPrefixListId)");
    }

    private record Route(String destination, NodeLabel label, String target, String state, String origin) {}
}

package io.leeward.loaders.aws;

import static io.leeward.graph.schema.NodeLabel.Ec2Instance;
import static io.leeward.graph.schema.NodeLabel.InstanceProfile;
import static io.leeward.graph.schema.NodeLabel.NetworkInterface;
import static io.leeward.graph.schema.NodeLabel.SecurityGroup;
import static io.leeward.graph.schema.NodeLabel.Subnet;
import static io.leeward.graph.schema.NodeLabel.Vpc;
import static io.leeward.graph.schema.RelType.IN_SUBNET;
import static io.leeward.graph.schema.RelType.IN_VPC;
import static io.leeward.graph.schema.RelType.PROTECTED_BY;
import static io.leeward.graph.schema.RelType.USES_ENI;
import static io.leeward.graph.schema.RelType.USES_PROFILE;

import io.leeward.loaders.ingest.Arn;
import io.leeward.loaders.ingest.JsonFields;
import java.util.ArrayList;

/**
 * {@code ec2 describe-instances}: one record per element of {@code Reservations}, an Ec2Instance per
 * element of its {@code Instances}, in its subnet and VPC, protected by its groups, using its network
 * interfaces, and using its IAM instance profile: a global IAM resource, referenced without a region
 * (a placeholder until IAM is loaded). The instance metadata options are kept flat ({@code
 * httpTokens} {@code required} means IMDSv2 only).
 */
final class InstanceMapper implements RecordMapper {
    @Override
    public void map(JsonFields reservation, RegionContext context, Emitter out) {
        String reservationId = reservation.optionalString("ReservationId");
        String owner = reservation.optionalString("OwnerId");
        for (JsonFields instance : reservation.objects("Instances")) {
            instance(instance, reservationId, owner, out);
        }
    }

    private static void instance(JsonFields instance, String reservationId, String owner, Emitter out) {
        String id = instance.id("InstanceId", "i-", "an instance id");
        String subnet = instance.optionalId("SubnetId", "subnet-", "a subnet id");
        String vpc = instance.optionalId("VpcId", "vpc-", "a VPC id");
        var groups = new ArrayList<String>();
        for (JsonFields group : instance.objects("SecurityGroups")) {
            groups.add(group.id("GroupId", "sg-", "a security group id"));
        }
        var interfaces = new ArrayList<String>();
        for (JsonFields eni : instance.objects("NetworkInterfaces")) {
            interfaces.add(eni.id("NetworkInterfaceId", "eni-", "a network interface id"));
        }
        JsonFields profile = instance.optionalObject("IamInstanceProfile");
        Arn profileArn = profile == null ? null : profile.arn("Arn", AwsArns.IAM_INSTANCE_PROFILE);
        JsonFields state = instance.optionalObject("State");
        JsonFields metadata = instance.optionalObject("MetadataOptions");
        JsonFields placement = instance.optionalObject("Placement");
        JsonFields monitoring = instance.optionalObject("Monitoring");
        var tags = Tags.ec2(instance, "Tags");
        var p = Emitter.props();
        p.put("name", tags.name());
        p.put("state", state == null ? null : state.optionalString("Name"));
        p.put("stateTransitionReason", instance.optionalString("StateTransitionReason"));
        p.put("instanceType", instance.optionalString("InstanceType"));
        p.put("imageId", instance.optionalString("ImageId"));
        p.put("launchTime", instance.optionalTime("LaunchTime"));
        p.put("privateIp", instance.optionalString("PrivateIpAddress"));
        p.put("privateDnsName", instance.optionalString("PrivateDnsName"));
        p.put("publicIp", instance.optionalString("PublicIpAddress"));
        p.put("publicDnsName", instance.optionalString("PublicDnsName"));
        p.put("subnetId", subnet);
        p.put("vpcId", vpc);
        p.put("availabilityZone", placement == null ? null : placement.optionalString("AvailabilityZone"));
        p.put("platform", instance.optionalString("Platform"));
        p.put("platformDetails", instance.optionalString("PlatformDetails"));
        p.put("architecture", instance.optionalString("Architecture"));
        p.put("keyName", instance.optionalString("KeyName"));
        p.put("iamInstanceProfileArn", profileArn == null ? null : profileArn.toString());
        p.put("httpTokens", metadata == null ? null : metadata.optionalString("HttpTokens"));
        p.put("httpEndpoint", metadata == null ? null : metadata.optionalString("HttpEndpoint"));
        p.put("httpPutResponseHopLimit", metadata == null ? null : metadata.optionalInt("HttpPutResponseHopLimit"));
        p.put("instanceMetadataTags", metadata == null ? null : metadata.optionalString("InstanceMetadataTags"));
        p.put("securityGroupIds", groups);
        p.put("networkInterfaceIds", interfaces);
        p.put("sourceDestCheck", instance.optionalBool("SourceDestCheck"));
        p.put("monitoring", monitoring == null ? null : monitoring.optionalString("State"));
        p.put("reservationId", reservationId);
        p.put("ownerId", owner);
        p.put("tags", tags.json());
        out.node(Ec2Instance, id, p);
        if (subnet != null) {
            out.link(IN_SUBNET, Ec2Instance, id, Subnet, subnet);
        }
        if (vpc != null) {
            out.link(IN_VPC, Ec2Instance, id, Vpc, vpc);
        }
        for (String group : groups) {
            out.link(PROTECTED_BY, Ec2Instance, id, SecurityGroup, group);
        }
        for (String eni : interfaces) {
            out.link(USES_ENI, Ec2Instance, id, NetworkInterface, eni);
        }
        if (profileArn != null) {
            String resource = profileArn.resourceAfter("instance-profile/");
            var profileProps = Emitter.props();
            profileProps.put("name", resource.substring(resource.lastIndexOf('/') + 1));
            out.reference(InstanceProfile, profileArn.toString(), profileArn.account(), null, profileProps);
            out.rel(USES_PROFILE, Ec2Instance, id, InstanceProfile, profileArn.toString());
        }
    }
}

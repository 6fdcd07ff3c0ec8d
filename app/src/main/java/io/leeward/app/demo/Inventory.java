package io.leeward.app.demo;

import io.leeward.app.demo.AccountPlan.Eni;
import io.leeward.app.demo.AccountPlan.Subnet;
import io.leeward.app.demo.AccountPlan.Vpc;
import io.leeward.app.demo.CliJson.NameValue;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the account holds beyond ECS, EC2 and ELBv2 — IAM, S3, KMS, Secrets Manager, SSM, ECR and
 * the VPC plumbing (gateways, route tables, network ACLs) — planned from an {@link AccountPlan} so
 * that every role, secret, parameter, key, repository and image the workloads reference exists.
 * Like the plan, it holds ids, names, times and policy documents only, never a secret value.
 */
record Inventory(
        List<Role> roles,
        List<User> users,
        List<Group> groups,
        List<ManagedPolicy> policies,
        String canonicalUserId,
        List<Bucket> buckets,
        List<Key> keys,
        List<Alias> aliases,
        List<Secret> secrets,
        List<Parameter> parameters,
        List<Repository> repositories,
        List<Network> networks,
        String unhealthyTaskArn,
        DemoManifest.AccessRisks planted) {

    Inventory {
        roles = List.copyOf(roles);
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        policies = List.copyOf(policies);
        buckets = List.copyOf(buckets);
        keys = List.copyOf(keys);
        aliases = List.copyOf(aliases);
        secrets = List.copyOf(secrets);
        parameters = List.copyOf(parameters);
        repositories = List.copyOf(repositories);
        networks = List.copyOf(networks);
    }

    /** An inline policy: its name and document. */
    record NamedPolicy(String name, ObjectNode document) {}

    record InstanceProfile(String name, String id, Instant createdAt) {}

    /** A role; {@code boundaryArn}, {@code lastUsed} and {@code profile} may be null. */
    record Role(
            String name,
            String path,
            String id,
            Instant createdAt,
            ObjectNode trust,
            List<NamedPolicy> inline,
            List<String> attached,
            String boundaryArn,
            List<NameValue> tags,
            Instant lastUsed,
            InstanceProfile profile) {
        Role {
            inline = List.copyOf(inline);
            attached = List.copyOf(attached);
            tags = List.copyOf(tags);
        }
    }

    record User(
            String name,
            String id,
            Instant createdAt,
            List<String> groups,
            List<NamedPolicy> inline,
            List<String> attached,
            String boundaryArn,
            List<NameValue> tags) {
        User {
            groups = List.copyOf(groups);
            inline = List.copyOf(inline);
            attached = List.copyOf(attached);
            tags = List.copyOf(tags);
        }
    }

    record Group(String name, String id, Instant createdAt, List<NamedPolicy> inline, List<String> attached) {
        Group {
            inline = List.copyOf(inline);
            attached = List.copyOf(attached);
        }
    }

    record PolicyVersion(String id, ObjectNode document, Instant createdAt) {}

    /** A managed policy, AWS's or the account's; the last version is the default. */
    record ManagedPolicy(
            String name, String id, String arn, String path, Instant createdAt, List<PolicyVersion> versions) {
        ManagedPolicy {
            versions = List.copyOf(versions);
        }

        PolicyVersion defaultVersion() {
            return versions.getLast();
        }
    }

    /**
     * A bucket. {@code policy} null means get-bucket-policy fails (NoSuchBucketPolicy) and no file
     * is written; {@code blockPublicAccess} null likewise for the public access block; {@code
     * kmsKeyArn} null means SSE-S3.
     */
    record Bucket(
            String name,
            Instant createdAt,
            List<NameValue> tags,
            ObjectNode policy,
            Boolean blockPublicAccess,
            String kmsKeyArn,
            String versioning) {
        Bucket {
            tags = List.copyOf(tags);
        }
    }

    /** A customer managed key; {@code nextRotation} is null when rotation is off. */
    record Key(
            String id,
            String arn,
            String description,
            Instant createdAt,
            ObjectNode policy,
            boolean rotation,
            Instant nextRotation) {}

    /** An alias; AWS managed ones ({@code alias/aws/…}) point at keys without files of their own. */
    record Alias(String name, String targetKeyId, Instant createdAt) {}

    /** A Secrets Manager secret; rotation fields are null when rotation is off. */
    record Secret(
            String arn,
            String name,
            String description,
            String kmsKeyArn,
            Instant createdAt,
            Instant lastChanged,
            Instant lastAccessed,
            Instant lastRotated,
            Instant nextRotation,
            String rotationLambdaArn,
            String versionId,
            List<NameValue> tags,
            ObjectNode resourcePolicy) {
        Secret {
            tags = List.copyOf(tags);
        }

        boolean rotation() {
            return rotationLambdaArn != null;
        }
    }

    record Parameter(String name, String arn, String type, String keyId, Instant lastModified, int version) {}

    record Image(
            String digest,
            String tag,
            long size,
            Instant pushedAt,
            Instant lastPulled,
            Instant scannedAt,
            Map<String, Integer> findings) {
        Image {
            findings = findings == null ? null : Map.copyOf(findings);
        }
    }

    record Repository(
            String name,
            String arn,
            Instant createdAt,
            boolean mutable,
            boolean scanOnPush,
            ObjectNode policy,
            List<Image> images) {
        Repository {
            images = List.copyOf(images);
        }

        /** The file name suffix: the name with {@code /} percent-encoded, as file names cannot hold it. */
        String fileSuffix() {
            return name.replace("/", "%2F");
        }
    }

    /**
     * A VPC's plumbing: its internet gateway, NAT gateway (whose ENI the plan has), the main route
     * table (local route only), a public table (0.0.0.0/0 to the internet gateway) for the public
     * subnets and a private table (0.0.0.0/0 to the NAT gateway, S3 through a gateway endpoint) for
     * the private ones, and the default network ACL on every subnet. Association ids are keyed by
     * subnet id, in subnet order.
     */
    record Network(
            Vpc vpc,
            List<Subnet> publicSubnets,
            List<Subnet> privateSubnets,
            String internetGatewayId,
            String natGatewayId,
            Eni natEni,
            Instant natCreatedAt,
            String endpointId,
            String mainTableId,
            String mainAssociationId,
            String publicTableId,
            String privateTableId,
            Map<String, String> tableAssociations,
            String aclId,
            Map<String, String> aclAssociations) {
        Network {
            publicSubnets = List.copyOf(publicSubnets);
            privateSubnets = List.copyOf(privateSubnets);
        }
    }
}

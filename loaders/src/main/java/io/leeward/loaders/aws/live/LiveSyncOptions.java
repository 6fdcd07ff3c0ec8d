package io.leeward.loaders.aws.live;

import io.leeward.graph.store.Check;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * What {@code leeward sync aws} reads and how.
 *
 * @param regions the regions to read; empty for every region enabled in each account (EC2
 *     {@code DescribeRegions}, opt-in status other than {@code not-opted-in})
 * @param accounts the accounts to read through {@code roleName}; empty for the caller's own account
 * @param roleName the role to assume in each of {@code accounts}, or null
 * @param externalId the external id the role's trust policy asks for, or null
 * @param profile the named profile of the caller's credentials, or null for the default chain
 * @param homeRegion where STS and {@code DescribeRegions} are called
 * @param maxRequests how many HTTP requests may be in flight at once (the connection pool's size)
 * @param parallelRegions how many account-region pairs are fetched at once, ahead of the writer
 * @param endpoint every client's endpoint, for a local stand-in of AWS; null for AWS itself
 * @param credentials the caller's credentials, overriding the default chain and the profile; or null
 * @param organization whether to read every ACTIVE account of the caller's organization
 *     (Organizations {@code ListAccounts}) through {@code roleName}, rather than {@code accounts}
 */
public record LiveSyncOptions(
        List<String> regions,
        List<String> accounts,
        String roleName,
        String externalId,
        String profile,
        String homeRegion,
        int maxRequests,
        int parallelRegions,
        URI endpoint,
        AwsCredentialsProvider credentials,
        boolean organization) {
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

    public LiveSyncOptions {
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
        for (String region : regions) {
            Check.that(
                    REGION.matcher(region).matches(),
                    "not an AWS region name: " + region + " (expected e.g. eu-west-1)");
        }
        for (String account : accounts) {
            Check.that(
                    ACCOUNT.matcher(account).matches(), "not an AWS account id: " + account + " (expected 12 digits)");
        }
        Check.that(
                (accounts.isEmpty() && !organization) || roleName != null,
                "reading other accounts needs a role to assume in them");
        Check.that(!organization || accounts.isEmpty(), "read either the organization's accounts or named ones");
        Check.that(roleName == null || !roleName.isBlank(), "the role name must not be blank");
        Check.that(
                REGION.matcher(Check.notBlank(homeRegion, "home region")).matches(),
                "not an AWS region name: " + homeRegion);
        Check.positive(maxRequests, "max requests");
        Check.positive(parallelRegions, "parallel regions");
    }

    /** Every enabled region of the caller's account, 16 requests in flight, 4 regions at once. */
    public static LiveSyncOptions defaults() {
        return new LiveSyncOptions(List.of(), List.of(), null, null, null, "us-east-1", 16, 4, null, null, false);
    }

    public LiveSyncOptions withRegions(List<String> newRegions) {
        return new LiveSyncOptions(
                newRegions,
                accounts,
                roleName,
                externalId,
                profile,
                homeRegion,
                maxRequests,
                parallelRegions,
                endpoint,
                credentials,
                organization);
    }

    /** Reads {@code newAccounts} by assuming {@code role} (a role name, not an ARN) in each. */
    public LiveSyncOptions withAccounts(List<String> newAccounts, String role, String newExternalId) {
        return new LiveSyncOptions(
                regions,
                newAccounts,
                role,
                newExternalId,
                profile,
                homeRegion,
                maxRequests,
                parallelRegions,
                endpoint,
                credentials,
                organization);
    }

    public LiveSyncOptions withProfile(String newProfile) {
        return new LiveSyncOptions(
                regions,
                accounts,
                roleName,
                externalId,
                newProfile,
                homeRegion,
                maxRequests,
                parallelRegions,
                endpoint,
                credentials,
                organization);
    }

    public LiveSyncOptions withHomeRegion(String region) {
        return new LiveSyncOptions(
                regions,
                accounts,
                roleName,
                externalId,
                profile,
                region,
                maxRequests,
                parallelRegions,
                endpoint,
                credentials,
                organization);
    }

    public LiveSyncOptions withMaxRequests(int requests) {
        return new LiveSyncOptions(
                regions,
                accounts,
                roleName,
                externalId,
                profile,
                homeRegion,
                requests,
                parallelRegions,
                endpoint,
                credentials,
                organization);
    }

    public LiveSyncOptions withParallelRegions(int parallel) {
        return new LiveSyncOptions(
                regions,
                accounts,
                roleName,
                externalId,
                profile,
                homeRegion,
                maxRequests,
                parallel,
                endpoint,
                credentials,
                organization);
    }

    /**
     * Reads every ACTIVE account of the caller's organization (Organizations {@code ListAccounts}, from
     * the management account or a delegated administrator) by assuming {@code role} in each.
     */
    public LiveSyncOptions withOrganization(String role, String newExternalId) {
        return new LiveSyncOptions(
                regions,
                List.of(),
                role,
                newExternalId,
                profile,
                homeRegion,
                maxRequests,
                parallelRegions,
                endpoint,
                credentials,
                true);
    }

    /** Talks to a local stand-in of AWS at {@code uri} with these credentials. */
    public LiveSyncOptions withEndpoint(URI uri, AwsCredentialsProvider newCredentials) {
        return new LiveSyncOptions(
                regions,
                accounts,
                roleName,
                externalId,
                profile,
                homeRegion,
                maxRequests,
                parallelRegions,
                uri,
                newCredentials,
                organization);
    }
}

package io.leeward.loaders.aws.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * AWS Organizations' read API, called over AWS JSON 1.1 with the SDK's own building blocks, since no
 * Organizations SDK artifact is available to the build: each call is a POST of a JSON body with
 * {@code X-Amz-Target: AWSOrganizationsV20161128.<Operation>} to the global endpoint in us-east-1,
 * signed by the SDK's SigV4 signer ({@link AwsV4HttpSigner}) with the sync's credentials, sent on the
 * sync's shared HTTP client and retried by the SDK's adaptive retry strategy. Responses are already
 * the JSON the CLI prints (the model's member names, timestamps as epoch seconds, which the loader
 * reads as well); errors become {@link AwsServiceException}s with the {@code __type} code.
 */
final class OrganizationsApi {
    static final String TARGET_PREFIX = "AWSOrganizationsV20161128.";
    private static final URI ENDPOINT = URI.create("https://organizations.us-east-1.amazonaws.com");
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final AtomicLong requests;
    private final RetryStrategy retries = AwsRetryStrategy.adaptiveRetryStrategy();
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    OrganizationsApi(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint, AtomicLong requests) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint == null ? ENDPOINT : endpoint;
        this.requests = requests;
    }

    /** One call; {@code body} is the request's JSON members. */
    JsonNode call(String operation, ObjectNode body) {
        RetryToken token = retries.acquireInitialToken(AcquireInitialTokenRequest.create("organizations"))
                .token();
        while (true) {
            try {
                JsonNode response = send(operation, body);
                retries.recordSuccess(RecordSuccessRequest.create(token));
                return response;
            } catch (AwsServiceException | SdkClientException e) {
                Duration delay;
                try {
                    var refreshed = retries.refreshRetryToken(RefreshRetryTokenRequest.builder()
                            .token(token)
                            .failure(e)
                            .build());
                    token = refreshed.token();
                    delay = refreshed.delay();
                } catch (TokenAcquisitionFailedException notRetried) {
                    throw e;
                }
                sleep(delay);
            }
        }
    }

    /** Every page of a listing, following {@code NextToken}; each page to {@code page}. */
    void pages(String operation, ObjectNode body, Consumer<JsonNode> page) {
        ObjectNode request = body.deepCopy();
        while (true) {
            JsonNode response = call(operation, request);
            page.accept(response);
            JsonNode next = response.get("NextToken");
            if (next == null || next.isNull() || next.asString().isEmpty()) {
                return;
            }
            request.put("NextToken", next.asString());
        }
    }

    /** The elements of {@code field} of every page. */
    List<JsonNode> all(String operation, ObjectNode body, String field) {
        var items = new ArrayList<JsonNode>();
        pages(operation, body, page -> page.path(field).forEach(items::add));
        return items;
    }

    private JsonNode send(String operation, ObjectNode body) {
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpFullRequest request = SdkHttpFullRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", TARGET_PREFIX + operation)
                .build();
        AwsCredentialsIdentity identity = credentials.resolveIdentity().join();
        var signed = signer.sign(r -> r.identity(identity)
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "organizations")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        requests.incrementAndGet();
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                            .request(signed.request())
                            .contentStreamProvider(signed.payload().orElse(null))
                            .build())
                    .call();
            byte[] bytes;
            if (response.responseBody().isPresent()) {
                try (InputStream in = response.responseBody().get()) {
                    bytes = in.readAllBytes();
                }
            } else {
                bytes = new byte[0];
            }
            int status = response.httpResponse().statusCode();
            JsonNode json = bytes.length == 0 ? MAPPER.createObjectNode() : MAPPER.readTree(bytes);
            if (status / 100 == 2) {
                return json;
            }
            String type = json.path("__type")
                    .asString(response.httpResponse()
                            .firstMatchingHeader("x-amzn-ErrorType")
                            .orElse("HTTP " + status));
            String code = type.substring(type.indexOf('#') + 1);
            String message = json.has("message")
                    ? json.path("message").asString()
                    : json.path("Message").asString("");
            throw AwsServiceException.builder()
                    .statusCode(status)
                    .message(code + ": " + message)
                    .awsErrorDetails(AwsErrorDetails.builder()
                            .errorCode(code)
                            .errorMessage(message)
                            .serviceName("Organizations")
                            .build())
                    .build();
        } catch (IOException e) {
            throw SdkClientException.create("Organizations " + operation + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw SdkClientException.create("Organizations " + operation + ": " + e.getMessage(), e);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while waiting to retry", e);
        }
    }
}

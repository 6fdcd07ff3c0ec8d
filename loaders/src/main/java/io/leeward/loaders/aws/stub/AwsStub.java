package io.leeward.loaders.aws.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.leeward.graph.store.Check;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A local stand-in for the AWS APIs the live sync calls, for tests and {@code leeward bench sync}:
 * an HTTP server on 127.0.0.1 that speaks AWS JSON 1.1 (ECS, KMS, ECR, Secrets Manager, SSM,
 * Organizations), the EC2 query protocol, the AWS Query protocol (ELBv2, STS, IAM) and REST-XML
 * (S3 path-style, S3 Control) to the real SDK clients, and serves the inventory of a directory laid
 * out as the offline import reads it ({@code DIR/<account>/<region>/<operation>*.json}, the global
 * services' from {@code DIR/<account>/global/}). The account
 * of a request is the 12 digits in its access key id (or the directory's only account), its region
 * and service those of its SigV4 credential scope; signatures are not checked.
 *
 * <p>It paginates every list ({@link #pageSize}), can answer the first request of an operation
 * with a throttling error ({@link #throttleOnce}), deny a service in a region ({@link #deny}), list a
 * region as not opted in and refuse calls there ({@link #notOptedIn}), and add latency to every
 * request ({@link #latency}) while counting the requests in flight. Never used by the sync itself.
 *
 * <pre>{@code
 * try (var stub = AwsStub.serve(dir).pageSize(2).latency(Duration.ofMillis(50))) {
 *     options.withEndpoint(stub.endpoint(), StaticCredentialsProvider.create(
 *             AwsBasicCredentials.create("AKID111122223333", "secret")));
 * }
 * }</pre>
 */
public final class AwsStub implements AutoCloseable {
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final Pattern SCOPE = Pattern.compile("Credential=([^/]+)/[0-9]{8}/([^/]+)/([^/]+)/aws4_request");
    private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");
    private static final Set<String> GLOBAL_SERVICES = Set.of("iam", "s3", "s3control", "organizations");

    private final Path dir;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Map<String, JsonNode>> documents = new ConcurrentHashMap<>();
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Set<String> notOptedIn = ConcurrentHashMap.newKeySet();
    private final Set<String> throttled = ConcurrentHashMap.newKeySet();
    private final Set<String> throttleActions = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicLong> calls = new ConcurrentHashMap<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicLong requests = new AtomicLong();
    private final Operations operations;
    private volatile Duration latency = Duration.ZERO;
    private volatile int pageSize = 1000;

    private AwsStub(Path dir) throws IOException {
        this.dir = dir;
        this.operations = new Operations(this);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Serves the inventory under {@code dir} on a free port of 127.0.0.1. */
    public static AwsStub serve(Path dir) {
        Check.that(Files.isDirectory(dir), "not a directory: " + dir);
        try {
            return new AwsStub(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the AWS stub: " + e.getMessage(), e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, for every client's endpoint override. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Adds this much latency to every request. */
    public AwsStub latency(Duration value) {
        this.latency = Check.notNull(value, "latency");
        return this;
    }

    /** At most this many elements per page of every list (a smaller MaxResults wins). */
    public AwsStub pageSize(int size) {
        this.pageSize = Check.positive(size, "page size");
        return this;
    }

    /**
     * Answers the first request of each of these actions ({@code ecs:ListClusters}, {@code
     * ec2:DescribeVpcs}) in every account and region with the service's throttling error.
     */
    public AwsStub throttleOnce(String... actions) {
        throttleActions.addAll(List.of(actions));
        return this;
    }

    /**
     * Denies every call to {@code service} ({@code ecs}, {@code ec2}, {@code elasticloadbalancing},
     * {@code kms}) in a region; {@code global} for the global services ({@code iam}, {@code s3},
     * {@code organizations}).
     */
    public AwsStub deny(String region, String service) {
        denied.add(region + "|" + service);
        return this;
    }

    /** Lists {@code region} as not opted in and refuses every call there, as AWS does. */
    public AwsStub notOptedIn(String region) {
        notOptedIn.add(region);
        return this;
    }

    /** Requests received so far, retries included. */
    public long requests() {
        return requests.get();
    }

    /** The most requests that were in flight at once. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    /**
     * The target and Authorization header of the last request of an action ({@code
     * organizations:ListRoots}), as {@code X-Amz-Target: …\nAuthorization: …}; null when none came.
     */
    public String lastSignature(String action) {
        return authorizations.get(action);
    }

    /** Requests per action ({@code ecs:DescribeTasks}), in name order. */
    public Map<String, Long> calls() {
        var counts = new TreeMap<String, Long>();
        calls.forEach((action, count) -> counts.put(action, count.get()));
        return counts;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }

    int pageSize() {
        return pageSize;
    }

    /** The regions DescribeRegions lists, with their opt-in status: the directory's and the not opted in ones. */
    Map<String, String> regions(String account) {
        var regions = new TreeMap<String, String>();
        try (var entries = Files.list(dir.resolve(account))) {
            entries.filter(Files::isDirectory)
                    .map(path -> path.getFileName().toString())
                    .filter(name -> !name.equals("global"))
                    .forEach(name -> regions.put(name, "opt-in-not-required"));
        } catch (IOException e) {
            // an account without a directory has no regions of its own
        }
        notOptedIn.forEach(region -> regions.put(region, "not-opted-in"));
        return regions;
    }

    /**
     * The CLI documents of one operation in one account and region, by file name: {@code
     * ecs-describe-tasks} reads {@code ecs-describe-tasks*.json}; none when there are none.
     */
    Map<String, JsonNode> documents(String account, String region, String operation) {
        return documents.computeIfAbsent(
                account + "/" + region + "/" + operation, key -> read(account, region, operation));
    }

    private Map<String, JsonNode> read(String account, String region, String operation) {
        var found = new TreeMap<String, JsonNode>();
        Path regionDir = dir.resolve(account).resolve(region);
        if (!Files.isDirectory(regionDir)) {
            return found;
        }
        try (var entries = Files.list(regionDir)) {
            for (Path file : entries.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.startsWith(operation) && name.endsWith(".json") && !longerOperation(name, operation)) {
                    found.put(name, MAPPER.readTree(file.toFile()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** {@code ecs-describe-task-definition*} must not read {@code ecs-describe-task-definitions*}, and so on. */
    private static boolean longerOperation(String name, String operation) {
        return name.length() > operation.length()
                && Character.isLetter(name.charAt(operation.length()))
                && !name.startsWith(operation + "_");
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        requests.incrementAndGet();
        try (exchange) {
            sleep();
            Request request = request(exchange);
            calls.computeIfAbsent(request.service() + ":" + request.action(), k -> new AtomicLong())
                    .incrementAndGet();
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            authorizations.put(
                    request.service() + ":" + request.action(),
                    "X-Amz-Target: " + target + "\nAuthorization: "
                            + exchange.getRequestHeaders().getFirst("Authorization"));
            Response response = respond(request);
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", response.contentType());
            exchange.getResponseHeaders().add("x-amzn-RequestId", "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE");
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Response respond(Request request) {
        if (request.account() == null) {
            return Errors.of(
                    request, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
        }
        if (notOptedIn.contains(request.region()) && !request.service().equals("sts")) {
            return Errors.notEnabled(request);
        }
        String scope = GLOBAL_SERVICES.contains(request.service()) ? "global" : request.region();
        if (denied.contains(scope + "|" + request.service())) {
            return Errors.denied(request);
        }
        if (throttleActions.contains(request.service() + ":" + request.action())
                && throttled.add(request.account() + "|" + request.region() + "|" + request.action())) {
            return Errors.throttled(request);
        }
        return operations.respond(request);
    }

    private void sleep() {
        Duration pause = latency;
        if (!pause.isZero()) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Request request(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        Matcher scope = SCOPE.matcher(authorization == null ? "" : authorization);
        String accessKey = scope.find() ? scope.group(1) : "";
        String region = scope.groupCount() > 0 && !accessKey.isEmpty() ? scope.group(2) : "us-east-1";
        String service = !accessKey.isEmpty() ? scope.group(3) : "";
        if (service.equals("s3")) {
            return s3Request(exchange.getRequestURI(), account(accessKey), region);
        }
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (target != null) {
            String action = target.substring(target.indexOf('.') + 1);
            JsonNode json = body.isBlank() ? MAPPER.createObjectNode() : MAPPER.readTree(body);
            return new Request(account(accessKey), region, service, action, Map.of(), json);
        }
        Map<String, String> form = form(body);
        return new Request(account(accessKey), region, service, form.getOrDefault("Action", ""), form, null);
    }

    /** The S3 sub-resources the stub answers on a bucket ({@code GET /<bucket>?policy}), by action. */
    private static final Map<String, String> BUCKET_ACTIONS = Map.of(
            "location", "GetBucketLocation",
            "policy", "GetBucketPolicy",
            "policyStatus", "GetBucketPolicyStatus",
            "publicAccessBlock", "GetPublicAccessBlock",
            "acl", "GetBucketAcl",
            "encryption", "GetBucketEncryption",
            "versioning", "GetBucketVersioning",
            "tagging", "GetBucketTagging");

    /**
     * A REST-XML request of S3 (path-style: {@code /} lists the buckets, {@code /<bucket>?<sub-resource>}
     * reads one) or S3 Control ({@code /v20180820/configuration/publicAccessBlock}), both signed as
     * {@code s3}: its action from the path and query, the bucket and query parameters as its form.
     */
    private static Request s3Request(URI uri, String account, String region) {
        String path = uri.getRawPath();
        Map<String, String> form = form(uri.getRawQuery() == null ? "" : uri.getRawQuery());
        if (path.startsWith("/v20180820/")) {
            String action = path.equals("/v20180820/configuration/publicAccessBlock") ? "GetPublicAccessBlock" : "";
            return new Request(account, region, "s3control", action, form, null);
        }
        String bucket = path.replaceAll("^/+|/+$", "");
        if (bucket.isEmpty()) {
            return new Request(account, region, "s3", "ListBuckets", form, null);
        }
        var withBucket = new LinkedHashMap<>(form);
        withBucket.put("Bucket", URLDecoder.decode(bucket, StandardCharsets.UTF_8));
        String action = form.keySet().stream()
                .map(BUCKET_ACTIONS::get)
                .filter(java.util.Objects::nonNull)
                .findFirst()
                .orElse("");
        return new Request(account, region, "s3", action, withBucket, null);
    }

    private String account(String accessKey) {
        Matcher digits = ACCOUNT.matcher(accessKey);
        if (digits.find()) {
            return digits.group();
        }
        try (var entries = Files.list(dir)) {
            var accounts = entries.map(path -> path.getFileName().toString())
                    .filter(name -> ACCOUNT.matcher(name).matches())
                    .toList();
            return accounts.size() == 1 ? accounts.getFirst() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Map<String, String> form(String body) {
        var form = new LinkedHashMap<String, String>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 0 && !pair.isEmpty()) {
                form.put(URLDecoder.decode(pair, StandardCharsets.UTF_8), "");
            } else if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /**
     * One request: the account (null when the access key names none), the region and service of its
     * credential scope, its action, and its parameters (form fields for the query protocols, the JSON
     * body for AWS JSON).
     */
    record Request(
            String account, String region, String service, String action, Map<String, String> form, JsonNode json) {
        boolean isJson() {
            return json != null;
        }
    }

    /** A status, a body and its content type, and extra headers. */
    record Response(int status, String contentType, String body, Map<String, String> headers) {}
}

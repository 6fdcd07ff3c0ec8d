package io.leeward.loaders.aws.stub;

import io.leeward.loaders.aws.stub.AwsStub.Request;
import io.leeward.loaders.aws.stub.AwsStub.Response;
import java.util.Map;

/**
 * Error responses as each protocol sends them: AWS JSON 1.1 ({@code __type} and {@code
 * x-amzn-ErrorType}), EC2 ({@code <Response><Errors><Error>}) and AWS Query ({@code
 * <ErrorResponse><Error>}), with the codes AWS uses for access denied, a region not enabled and
 * throttling in each service.
 */
final class Errors {
    private Errors() {}

    static Response denied(Request request) {
        String message = "User: arn:aws:iam::" + request.account() + ":user/leeward is not authorized to perform: "
                + request.service() + ":" + request.action() + " because no identity-based policy allows the "
                + request.service() + ":" + request.action() + " action";
        if (request.isJson()) {
            return of(request, 400, "AccessDeniedException", message);
        }
        if (request.service().equals("ec2")) {
            return of(request, 403, "UnauthorizedOperation", "You are not authorized to perform this operation.");
        }
        return of(request, 403, "AccessDenied", message);
    }

    /** A call to a region the account has not opted in to: the region does not know the credentials. */
    static Response notEnabled(Request request) {
        if (request.isJson()) {
            return of(
                    request,
                    400,
                    "UnrecognizedClientException",
                    "The security token included in the request is invalid.");
        }
        if (request.service().equals("ec2")) {
            return of(request, 401, "AuthFailure", "AWS was not able to validate the provided access credentials");
        }
        return of(request, 403, "InvalidClientTokenId", "The security token included in the request is invalid.");
    }

    static Response throttled(Request request) {
        if (request.isJson()) {
            return of(request, 400, "ThrottlingException", "Rate exceeded");
        }
        if (request.service().equals("ec2")) {
            return of(request, 503, "RequestLimitExceeded", "Request limit exceeded.");
        }
        return of(request, 400, "Throttling", "Rate exceeded");
    }

    static Response of(Request request, int status, String code, String message) {
        if (request.isJson()) {
            String body = "{\"__type\":\"" + code + "\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}";
            return new Response(status, "application/x-amz-json-1.1", body, Map.of("x-amzn-ErrorType", code));
        }
        if (request.service().equals("s3control")) {
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse><Error><Code>" + code
                    + "</Code><Message>" + Wire.escape(message) + "</Message></Error>"
                    + "<RequestId>656c76696e6727732072657175657374</RequestId>"
                    + "<HostId>Uuag1LuByRx9e6j5Onimru9pO4ZVKnJ2Qz7/C1NPcfTWAtRPfTaOFg==</HostId></ErrorResponse>";
            return new Response(status, "application/xml", body, Map.of());
        }
        if (request.service().equals("s3")) {
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                    + Wire.escape(message) + "</Message>"
                    + (request.form().containsKey("Bucket")
                            ? "<BucketName>" + Wire.escape(request.form().get("Bucket")) + "</BucketName>"
                            : "")
                    + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>"
                    + "ZqEXAMPLEhostId+EXAMPLEb4ErqgmB5tUnlRM1tO4dP2f0u5RvqSA=</HostId></Error>";
            return new Response(status, "application/xml", body, Map.of());
        }
        if (request.service().equals("ec2")) {
            String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code
                    + "</Code><Message>" + Wire.escape(message) + "</Message></Error></Errors>"
                    + "<RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>";
            return new Response(status, "text/xml;charset=UTF-8", body, Map.of());
        }
        String body = "<ErrorResponse xmlns=\"https://" + request.service() + ".amazonaws.com/doc/\">"
                + "<Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + Wire.escape(message)
                + "</Message></Error><RequestId>8f9b4c2e-example</RequestId></ErrorResponse>";
        return new Response(status, "text/xml", body, Map.of());
    }
}

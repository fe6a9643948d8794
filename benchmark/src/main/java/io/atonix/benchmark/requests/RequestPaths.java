package io.atonix.benchmark.requests;

import java.util.Arrays;
import java.util.List;

/** Names an HTTP request to the Kubernetes API the way the API server's audit log does: verb, resource, namespace. */
final class RequestPaths {
    private static final String DISCOVERY = "(discovery)";

    private RequestPaths() {}

    static ApiRequest classify(long nanos, Caller caller, String method, String pathAndQuery) {
        int question = pathAndQuery.indexOf('?');
        String path = question < 0 ? pathAndQuery : pathAndQuery.substring(0, question);
        String query = question < 0 ? "" : pathAndQuery.substring(question + 1);
        List<String> segments =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        List<String> rest;
        if (segments.size() >= 2 && segments.get(0).equals("api")) {
            rest = segments.subList(2, segments.size());
        } else if (segments.size() >= 3 && segments.get(0).equals("apis")) {
            rest = segments.subList(3, segments.size());
        } else {
            return new ApiRequest(nanos, caller, "get", DISCOVERY, null);
        }
        if (rest.isEmpty()) {
            return new ApiRequest(nanos, caller, "get", DISCOVERY, null);
        }
        String namespace = null;
        if (rest.get(0).equals("namespaces") && rest.size() >= 3) {
            namespace = rest.get(1);
            rest = rest.subList(2, rest.size());
        }
        String resource = rest.get(0);
        boolean named = rest.size() >= 2;
        if (rest.size() >= 3) {
            resource += "/" + rest.get(2);
        }
        return new ApiRequest(nanos, caller, verb(method, named, query), resource, namespace);
    }

    private static String verb(String method, boolean named, String query) {
        return switch (method) {
            case "GET" -> query.contains("watch=true") || query.contains("watch=1") ? "watch" : named ? "get" : "list";
            case "POST" -> "create";
            case "PUT" -> "update";
            case "PATCH" -> "patch";
            case "DELETE" -> named ? "delete" : "deletecollection";
            default -> method.toLowerCase();
        };
    }
}

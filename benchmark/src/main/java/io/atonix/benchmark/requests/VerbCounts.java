package io.atonix.benchmark.requests;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Requests of one caller counted by verb, and by verb and resource. */
public record VerbCounts(Map<String, Long> byVerb, Map<String, Long> byVerbAndResource) {

    public static VerbCounts of(List<ApiRequest> requests, Caller caller) {
        Map<String, Long> byVerb = new TreeMap<>();
        Map<String, Long> byVerbAndResource = new TreeMap<>();
        for (ApiRequest request : requests) {
            if (request.caller() == caller) {
                byVerb.merge(request.verb(), 1L, Long::sum);
                byVerbAndResource.merge(request.verb() + " " + request.resource(), 1L, Long::sum);
            }
        }
        return new VerbCounts(byVerb, byVerbAndResource);
    }

    public long writes() {
        return byVerb.entrySet().stream()
                .filter(e -> ApiRequest.WRITING_VERBS.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long total() {
        return byVerb.values().stream().mapToLong(Long::longValue).sum();
    }
}

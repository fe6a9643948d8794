package io.atonix.operator.realcluster;

/** What FaultyApiServer does to a request instead of, or on top of, forwarding it to the API server. */
enum ApiFault {
    /** 429 with Retry-After, as the API server's priority and fairness answers when it sheds load. */
    TOO_MANY_REQUESTS,
    /** 500: the API server or etcd failed. */
    SERVER_ERROR,
    /** 409 Conflict on a write, as for a stale resourceVersion: the client must read again and retry. */
    CONFLICT,
    /** The request reaches the API server, which acts on it, but the answer comes later than the client waits. */
    TIMEOUT,
    /**
     * A Service create made and answered after 15 s, past fabric8's default timeout, or aborted if its client leaves
     * first (SlowCreates).
     */
    SLOW_ANSWER,
    /** The starting operator's first list of Secrets, closed unanswered whether or not faults have begun (FirstListCut). */
    FIRST_LIST_CUT,
    /** The connection is reset before the request is forwarded. */
    RESET,
    /** A watch answered with an ERROR event of status 410 Gone ("too old resource version"). */
    WATCH_GONE,
    /** A running watch's connection cut without a word, as a load balancer's idle timeout does. */
    WATCH_DROPPED
}

package io.atonix.operator.dataplane;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pod IPs from the loopback range: 127.&lt;block&gt;.y.z, one per pod, never reused in a run. The block is drawn at random
 * between 100 and 249, so that two runs on the same machine (other worktrees) rarely meet on one address.
 */
final class LoopbackAddresses {
    private final int block = 100 + ThreadLocalRandom.current().nextInt(150);
    private final AtomicInteger next = new AtomicInteger(1);

    String next() {
        int n = next.getAndIncrement();
        if (n >= 254 * 256) {
            throw new IllegalStateException("no pod addresses left in 127." + block + ".0.0/16");
        }
        return "127." + block + "." + (n / 254) + "." + (n % 254 + 1);
    }
}

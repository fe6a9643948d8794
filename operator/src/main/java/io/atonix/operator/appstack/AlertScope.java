package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AlertThresholds;

/** Where the alerts of one stack look, and with which thresholds. */
record AlertScope(String namespace, String stack, AlertThresholds thresholds) {
    String where() {
        return namespace + "/" + stack;
    }

    String selector(String label, String value) {
        return "{namespace=\"" + namespace + "\", " + label + "=\"" + value + "\"}";
    }

    String pods(String regex) {
        return "namespace=\"" + namespace + "\", pod=~\"" + regex + "\"";
    }
}

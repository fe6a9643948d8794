package io.atonix.operator.common;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;

/** Environment variables read from a key of a Secret: how pods get credentials, never as literal values. */
public final class SecretEnv {

    private SecretEnv() {}

    public static EnvVar of(String variable, String secret, String key) {
        return new EnvVarBuilder()
                .withName(variable)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }

    /** A variable the pod starts without when the Secret lacks the key. */
    public static EnvVar optional(String variable, String secret, String key) {
        return new EnvVarBuilder()
                .withName(variable)
                .withNewValueFrom()
                .withNewSecretKeyRef()
                .withName(secret)
                .withKey(key)
                .withOptional(true)
                .endSecretKeyRef()
                .endValueFrom()
                .build();
    }
}

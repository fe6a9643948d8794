package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.KafkaUse;
import io.atonix.api.v1beta1.appstack.PostgresUse;
import io.atonix.api.v1beta1.appstack.RedisUse;
import io.atonix.api.v1beta1.appstack.ServiceUse;
import io.atonix.api.v1beta1.common.Access;
import java.util.List;

/** Uses of a service as tests write them: a name and one store, without an envPrefix unless asked. */
public final class TestUses {

    private TestUses() {}

    public static ServiceUse postgres(String name, String database) {
        return postgres(name, database, null);
    }

    public static ServiceUse postgres(String name, String database, Access access) {
        return new ServiceUse(name, null, new PostgresUse(database, access), null, null);
    }

    public static ServiceUse redis(String name) {
        return redis(name, null, null);
    }

    public static ServiceUse redis(String name, Access access, String keyPrefix) {
        return new ServiceUse(name, null, null, new RedisUse(access, keyPrefix), null);
    }

    public static ServiceUse kafka(String name, List<String> produce, List<String> consume) {
        return new ServiceUse(name, null, null, null, new KafkaUse(produce, consume));
    }

    public static ServiceUse prefixed(ServiceUse use, String envPrefix) {
        return new ServiceUse(use.name(), envPrefix, use.postgres(), use.redis(), use.kafka());
    }
}

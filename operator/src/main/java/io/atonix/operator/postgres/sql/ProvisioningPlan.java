package io.atonix.operator.postgres.sql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the server must hold: databases with their owners and extensions, one login per service, and optionally the
 * login of the metrics exporter (a member of {@code pg_monitor}). A pure description: it is checked when built,
 * so a plan that exists can be provisioned.
 *
 * @param monitoring the exporter's login, or null for none
 */
public record ProvisioningPlan(List<DatabasePlan> databases, List<ServiceLogin> services, Login monitoring) {

    public ProvisioningPlan {
        databases = databases == null ? List.of() : List.copyOf(databases);
        services = services == null ? List.of() : List.copyOf(services);
        Set<String> names = new HashSet<>();
        for (DatabasePlan database : databases) {
            if (!names.add(database.name())) {
                throw new IllegalArgumentException("database '" + database.name() + "' is planned twice");
            }
        }
        for (ServiceLogin service : services) {
            if (!names.contains(service.database())) {
                throw new IllegalArgumentException("role '" + service.role() + "' uses database '" + service.database()
                        + "', which is not planned");
            }
        }
        Set<String> roles = new HashSet<>();
        for (Login login : logins(databases, services, monitoring)) {
            if (!roles.add(login.role())) {
                throw new IllegalArgumentException("role '" + login.role() + "' is planned twice");
            }
        }
    }

    /** Every login of the plan: owners, services, then the monitoring role. */
    public List<Login> logins() {
        return logins(databases, services, monitoring);
    }

    public List<ServiceLogin> servicesOf(String database) {
        return services.stream().filter(s -> s.database().equals(database)).toList();
    }

    private static List<Login> logins(List<DatabasePlan> databases, List<ServiceLogin> services, Login monitoring) {
        List<Login> logins = new ArrayList<>();
        databases.forEach(d -> logins.add(d.owner()));
        services.forEach(s -> logins.add(s.login()));
        if (monitoring != null) {
            logins.add(monitoring);
        }
        return logins;
    }
}

package io.atonix.operator.keda;

import io.atonix.api.v1beta1.appstack.AppStackSpec;
import io.atonix.api.v1beta1.appstack.AutoscaleTrigger;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.PrometheusSettings;
import io.atonix.operator.common.SpecProblem;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What the CRD cannot tell of a service's triggers: whether a cron trigger's time zone exists, and whether a Prometheus
 * trigger without its own server has the platform's to ask.
 */
public final class TriggersValidator {

    private TriggersValidator() {}

    /** The Prometheus triggers that name no server where the platform configured none either. */
    public static List<SpecProblem> prometheus(AppStackSpec spec, PrometheusSettings platform) {
        List<SpecProblem> problems = new ArrayList<>();
        if (platform.serverAddress() != null) {
            return problems;
        }
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec service = spec.services().get(i);
            List<AutoscaleTrigger> triggers = service.autoscale() == null
                    ? List.of()
                    : service.autoscale().triggers();
            for (int j = 0; j < triggers.size(); j++) {
                if (triggers.get(j).prometheus() != null
                        && triggers.get(j).prometheus().serverAddress() == null) {
                    problems.add(new SpecProblem(
                            "spec.services[" + i + "].autoscale.triggers[" + j + "].prometheus.serverAddress",
                            "the platform configured no Prometheus for KEDA (chart value keda.prometheus.serverAddress),"
                                    + " so trigger " + triggers.get(j).name()
                                    + " must name the server to ask, for example"
                                    + " http://prometheus-operated.monitoring.svc:9090"));
                }
            }
        }
        return problems;
    }

    public static void validate(AppStackSpec spec, List<SpecProblem> problems) {
        for (int i = 0; i < spec.services().size(); i++) {
            ServiceSpec service = spec.services().get(i);
            if (service.autoscale() == null) {
                continue;
            }
            List<AutoscaleTrigger> triggers = service.autoscale().triggers();
            for (int j = 0; j < triggers.size(); j++) {
                if (triggers.get(j).cron() == null) {
                    continue;
                }
                String zone = triggers.get(j).cron().timezone();
                try {
                    ZoneId.of(zone);
                } catch (DateTimeException e) {
                    problems.add(new SpecProblem(
                            "spec.services[" + i + "].autoscale.triggers[" + j + "].cron.timezone",
                            "unknown time zone '" + zone + "': name one of the IANA time zone database, such as"
                                    + " Europe/Berlin or UTC"));
                }
            }
        }
    }
}

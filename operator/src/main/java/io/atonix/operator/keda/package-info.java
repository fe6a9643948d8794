/**
 * Event-driven autoscaling through KEDA (keda.sh): small typed models of the ScaledObject and TriggerAuthentication
 * fields the operator writes (KEDA publishes no Java model), their pure builders, and whether KEDA is installed.
 */
package io.atonix.operator.keda;

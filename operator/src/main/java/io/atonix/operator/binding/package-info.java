/**
 * The binding contracts: the Secrets through which a service receives its connection details, one class per kind of
 * Secret, holding its type, its keys and its name. The side that writes a Secret and the side that reads it (a
 * Deployment's env, a StatefulSet's probes, the provisioning that logs in) both use these classes, so the two can
 * never disagree on a key. This package depends on no other package of the operator.
 */
package io.atonix.operator.binding;

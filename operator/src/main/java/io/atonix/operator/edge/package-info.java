/**
 * The edge's outside APIs: cert-manager's Certificate (a small typed model of the fields the operator writes and
 * reads, as no fabric8 model of it fits fabric8 7.5) and whether cert-manager and the Gateway API are installed.
 */
package io.atonix.operator.edge;

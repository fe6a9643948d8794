package io.atonix.api.v1beta1.appstack;

/** How the edge signs in the requests of a service's routes before they reach the service. */
public enum EdgeAuth {
    /** No sign-in at the edge: requests reach the service as they come. */
    None,
    /** People in a browser: without a session the edge redirects to the OIDC provider, then keeps a cookie session. */
    Browser,
    /** API clients: each request carries a JWT of the issuer for the client ID; without one the edge answers 401. */
    Bearer
}

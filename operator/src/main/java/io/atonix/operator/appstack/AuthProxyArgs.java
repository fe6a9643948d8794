package io.atonix.operator.appstack;

import io.atonix.api.v1beta1.appstack.AppStack;
import io.atonix.api.v1beta1.appstack.EdgeAuth;
import io.atonix.api.v1beta1.appstack.OidcProvider;
import io.atonix.api.v1beta1.appstack.ServiceSpec;
import io.atonix.operator.common.Names;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of the oauth2-proxy in front of a service: everything but the two secrets, which come from Secrets
 * as environment variables ({@link AuthProxies}).
 */
public final class AuthProxyArgs {
    public static final int PORT = 4180;
    /** Where the ConfigMap with the allowed email addresses is mounted, one address a line. */
    public static final String EMAILS_DIR = "/etc/oauth2-proxy";

    public static final String EMAILS_FILE = "emails";

    private AuthProxyArgs() {}

    public static List<String> of(AppStack stack, ServiceSpec service, OidcProvider oidc) {
        String name = stack.getMetadata().getName();
        List<String> args = new ArrayList<>();
        args.add("--http-address=0.0.0.0:" + PORT);
        args.add("--provider=oidc");
        args.add("--oidc-issuer-url=" + oidc.issuerURL());
        args.add("--client-id=" + oidc.clientID());
        args.add("--upstream=http://"
                + Names.serviceHost(
                        Names.service(name, service.name()), stack.getMetadata().getNamespace())
                + ":" + service.port() + "/");
        // Behind the edge: the scheme and host of the callback come from the edge's X-Forwarded-* headers.
        args.add("--reverse-proxy=true");
        args.add("--proxy-prefix=" + proxyPrefix(service));
        // One cookie per service: two protected services under one host keep their sessions apart.
        args.add("--cookie-name=_" + Names.authProxy(name, service.name()));
        args.add("--cookie-secure=true");
        if (oidc.allowedEmails().isEmpty()) {
            args.add("--email-domain=*");
        } else {
            args.add("--authenticated-emails-file=" + EMAILS_DIR + "/" + EMAILS_FILE);
        }
        oidc.allowedGroups().forEach(group -> args.add("--allowed-group=" + group));
        if (service.authOrDefault() == EdgeAuth.Bearer) {
            // A JWT of the issuer whose audience is the client ID passes; without one, 401 instead of a redirect.
            args.add("--skip-jwt-bearer-tokens=true");
            args.add("--api-route=^/");
        } else {
            args.add("--skip-provider-button=true");
        }
        return args;
    }

    /** Where the proxy's own pages are (sign-in, callback): per service, so two proxies under one host do not meet. */
    public static String proxyPrefix(ServiceSpec service) {
        return "/oauth2/" + service.name();
    }
}

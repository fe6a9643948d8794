// Command mockoidc runs the OpenID Connect provider of github.com/oauth2-proxy/mockoidc on a loopback address over
// HTTPS, as the identity provider of the operator's sign-in tests. An issuer must be https, so it makes a CA and a
// certificate for its address at start and writes the CA where the tests' oauth2-proxy trusts it. A second listener,
// plain HTTP on the same address, is the tests' side door: POST /token signs the JSON claims of its body with the provider's key (tokens
// of another audience, expired or without a group), POST /user queues the user the next sign-in returns. It prints
// "issuer <url>" and "control <url>" and serves until stdin closes.
package main

import (
	"crypto/rsa"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"

	"github.com/golang-jwt/jwt/v5"
	"github.com/oauth2-proxy/mockoidc"
)

func main() {
	clientID := flag.String("client-id", "", "the client ID the provider accepts")
	clientSecret := flag.String("client-secret", "", "the client secret the provider accepts")
	caFile := flag.String("ca-file", "", "where to write the PEM of the CA that signed the provider's certificate")
	address := flag.String("address", "127.0.0.1", "the loopback address to listen on, which its certificate names")
	flag.Parse()
	if *clientID == "" || *clientSecret == "" || *caFile == "" {
		fail(fmt.Errorf("usage: mockoidc -client-id ID -client-secret SECRET -ca-file PATH"))
	}
	ip := net.ParseIP(*address)
	if ip == nil || !ip.IsLoopback() {
		fail(fmt.Errorf("-address %q: a loopback address is needed", *address))
	}
	tlsConfig, err := loopbackTLS(*caFile, ip)
	if err != nil {
		fail(err)
	}
	provider, err := mockoidc.NewServer((*rsa.PrivateKey)(nil))
	if err != nil {
		fail(err)
	}
	provider.ClientID = *clientID
	provider.ClientSecret = *clientSecret
	listener, err := net.Listen("tcp", net.JoinHostPort(ip.String(), "0"))
	if err != nil {
		fail(err)
	}
	// Start serves the listener as it is (the configuration only makes its URLs https): the listener does TLS.
	if err := provider.Start(tls.NewListener(listener, tlsConfig), tlsConfig); err != nil {
		fail(err)
	}
	control, err := net.Listen("tcp", net.JoinHostPort(ip.String(), "0"))
	if err != nil {
		fail(err)
	}
	go func() { fail(http.Serve(control, sideDoor(provider))) }()
	fmt.Printf("issuer %s\ncontrol http://%s\n", provider.Issuer(), control.Addr())
	_, _ = io.Copy(io.Discard, os.Stdin)
}

func sideDoor(provider *mockoidc.MockOIDC) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /token", func(w http.ResponseWriter, r *http.Request) {
		var claims jwt.MapClaims
		if err := json.NewDecoder(r.Body).Decode(&claims); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		token, err := provider.Keypair.SignJWT(claims)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		_, _ = io.WriteString(w, token)
	})
	mux.HandleFunc("POST /user", func(w http.ResponseWriter, r *http.Request) {
		var user mockoidc.MockUser
		if err := json.NewDecoder(r.Body).Decode(&user); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		provider.QueueUser(&user)
		w.WriteHeader(http.StatusNoContent)
	})
	return mux
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "mockoidc:", err)
	os.Exit(1)
}

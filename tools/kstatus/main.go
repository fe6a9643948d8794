// Command kstatus prints the status Flux's kstatus library (sigs.k8s.io/cli-utils/pkg/kstatus/status) computes for
// Kubernetes objects. It reads a JSON array of objects on stdin and writes a JSON array of {"status","message"} in
// the same order. The operator's tests use it to check that the statuses it writes mean to Flux what they say.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	utiljson "k8s.io/apimachinery/pkg/util/json"
	"sigs.k8s.io/cli-utils/pkg/kstatus/status"
)

type result struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

func main() {
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	// apimachinery's decoder keeps integers as int64, which kstatus' field accessors insist on.
	var objects []interface{}
	if err := utiljson.Unmarshal(input, &objects); err != nil {
		fail(fmt.Errorf("stdin must be a JSON array of objects: %w", err))
	}
	results := make([]result, 0, len(objects))
	for i, item := range objects {
		object, ok := item.(map[string]interface{})
		if !ok {
			fail(fmt.Errorf("item %d is not an object", i))
		}
		computed, err := status.Compute(&unstructured.Unstructured{Object: object})
		if err != nil {
			fail(err)
		}
		results = append(results, result{Status: computed.Status.String(), Message: computed.Message})
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "kstatus:", err)
	os.Exit(1)
}

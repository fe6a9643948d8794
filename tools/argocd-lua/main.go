// Command argocd-lua runs an Argo CD resource health script the way Argo CD's application controller does: with
// gopher-lua (the Lua 5.1 in Go that Argo CD embeds), only the libraries Argo CD opens for a custom health check
// (package, base, table and an os reduced to time and date), a one-second limit, and the resource in the global
// `obj`. It reads a JSON array of objects on stdin, runs the script named by its argument once per object, and
// writes a JSON array of {"status","message"} in the same order.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"time"

	lua "github.com/yuin/gopher-lua"
)

type health struct {
	Status  string `json:"status"`
	Message string `json:"message"`
}

// The codes Argo CD accepts from a script; anything else it shows as Unknown.
var validStatuses = map[string]bool{
	"Unknown": true, "Progressing": true, "Suspended": true, "Healthy": true, "Degraded": true, "Missing": true,
}

func main() {
	if len(os.Args) != 2 {
		fail(fmt.Errorf("usage: argocd-lua SCRIPT < objects.json"))
	}
	script, err := os.ReadFile(os.Args[1])
	if err != nil {
		fail(err)
	}
	input, err := io.ReadAll(os.Stdin)
	if err != nil {
		fail(err)
	}
	var objects []interface{}
	if err := json.Unmarshal(input, &objects); err != nil {
		fail(fmt.Errorf("stdin must be a JSON array of objects: %w", err))
	}
	results := make([]health, 0, len(objects))
	for _, object := range objects {
		result, err := evaluate(string(script), object)
		if err != nil {
			fail(err)
		}
		results = append(results, result)
	}
	if err := json.NewEncoder(os.Stdout).Encode(results); err != nil {
		fail(err)
	}
}

func evaluate(script string, object interface{}) (health, error) {
	state := lua.NewState(lua.Options{SkipOpenLibs: true})
	defer state.Close()
	for _, library := range []struct {
		name string
		open lua.LGFunction
	}{{lua.LoadLibName, lua.OpenPackage}, {lua.BaseLibName, lua.OpenBase}, {lua.TabLibName, lua.OpenTable}, {lua.OsLibName, openTimeOnlyOs}} {
		if err := state.CallByParam(lua.P{Fn: state.NewFunction(library.open), Protect: true}, lua.LString(library.name)); err != nil {
			return health{}, err
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	state.SetContext(ctx)
	state.SetGlobal("obj", toLua(state, object))
	if err := state.DoString(script); err != nil {
		return health{}, err
	}
	table, ok := state.Get(-1).(*lua.LTable)
	if !ok {
		return health{}, fmt.Errorf("expect table output from Lua script, not %s", state.Get(-1).Type())
	}
	result := health{Status: field(table, "status"), Message: field(table, "message")}
	if !validStatuses[result.Status] {
		return health{Status: "Unknown", Message: "Lua returned an invalid health status"}, nil
	}
	return result, nil
}

func field(table *lua.LTable, name string) string {
	if value, ok := table.RawGetString(name).(lua.LString); ok {
		return string(value)
	}
	return ""
}

// Argo CD gives scripts os.time and os.date only: no files, no processes, no environment.
func openTimeOnlyOs(state *lua.LState) int {
	state.Push(state.NewFunction(lua.OpenOs))
	state.Call(0, 1)
	full := state.GetGlobal(lua.OsLibName).(*lua.LTable)
	reduced := state.NewTable()
	reduced.RawSetString("time", full.RawGetString("time"))
	reduced.RawSetString("date", full.RawGetString("date"))
	state.SetGlobal(lua.OsLibName, reduced)
	if loaded, ok := state.GetField(state.GetGlobal(lua.LoadLibName), "loaded").(*lua.LTable); ok {
		loaded.RawSetString(lua.OsLibName, reduced)
	}
	state.Push(reduced)
	return 1
}

// JSON values become Lua values as Argo CD converts them: null leaves the key out, numbers are Lua numbers.
func toLua(state *lua.LState, value interface{}) lua.LValue {
	switch v := value.(type) {
	case bool:
		return lua.LBool(v)
	case float64:
		return lua.LNumber(v)
	case string:
		return lua.LString(v)
	case []interface{}:
		array := state.CreateTable(len(v), 0)
		for _, item := range v {
			array.Append(toLua(state, item))
		}
		return array
	case map[string]interface{}:
		table := state.CreateTable(0, len(v))
		for key, item := range v {
			table.RawSetH(lua.LString(key), toLua(state, item))
		}
		return table
	}
	return lua.LNil
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "argocd-lua:", err)
	os.Exit(1)
}

package server

import (
	"encoding/json"
	"net/http"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// ginPath turns an OpenAPI path into the Gin pattern that serves it:
// {x} becomes :x, and a parameter followed by a suffix in its segment
// ({id}.json) is one Gin parameter whose handler checks the suffix.
func ginPath(p string) string {
	segs := strings.Split(p, "/")
	re := regexp.MustCompile(`^\{([a-z]+)\}`)
	for i, s := range segs {
		if m := re.FindStringSubmatch(s); m != nil {
			segs[i] = ":" + m[1]
		}
	}
	return strings.Join(segs, "/")
}

func TestOpenAPIMatchesRoutes(t *testing.T) {
	e := newEnv(t, "")
	w := e.Get("/openapi.json", http.StatusOK)
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Fatalf("openapi %q", doc.OpenAPI)
	}
	documented := map[string]bool{}
	for p, item := range doc.Paths {
		for method, op := range item {
			documented[strings.ToUpper(method)+" "+ginPath(p)] = true
			if op["operationId"] == nil || op["responses"] == nil {
				t.Errorf("%s %s lacks operationId or responses", method, p)
			}
		}
	}
	registered := map[string]bool{}
	for _, r := range e.srv.router.Routes() {
		registered[r.Method+" "+r.Path] = true
	}
	// Every GET is also served as HEAD (the same answer without its
	// body), which OpenAPI leaves implied.
	for k := range registered {
		if path, ok := strings.CutPrefix(k, "HEAD "); ok {
			if !registered["GET "+path] {
				t.Errorf("HEAD %s has no GET", path)
			}
			delete(registered, k)
		}
	}
	var missing, extra []string
	for k := range registered {
		if !documented[k] {
			missing = append(missing, k)
		}
	}
	for k := range documented {
		if !registered[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	if len(missing) > 0 {
		t.Errorf("routes missing from openapi.json: %v", missing)
	}
	if len(extra) > 0 {
		t.Errorf("openapi.json paths with no route: %v", extra)
	}
	if len(registered) < 15 {
		t.Errorf("only %d routes registered", len(registered))
	}
}

// TestOpenAPIStatusesAreServed checks that each documented error status
// is one the kind table can produce.
func TestOpenAPIStatusesAreServed(t *testing.T) {
	served := map[int]bool{}
	for _, s := range statusOf {
		served[s] = true
	}
	for _, op := range operations() {
		for _, code := range op.errors {
			if !served[code] || errorText[code] == "" {
				t.Errorf("%s %s documents %d, which no error kind gives or explains", op.method, op.path, code)
			}
		}
	}
}

// TestOpenAPIContentTypes requests every documented GET route with
// example parameters and checks that its 200 answer has a content type
// the document lists, so that the document says what clients (and
// browsers, for the pages) really get.
func TestOpenAPIContentTypes(t *testing.T) {
	e := newEnv(t, "")
	example := strings.NewReplacer("{plan}", "tiny", "{id}", "east", "{subdistrict}", "east", "{column}", "total", "{kind}", "components")
	queries := map[string]string{"compareJSON": "set.plan.capacity=58000000", "compareCSV": "set.plan.capacity=58000000", "solve": "target=min_capacity"}
	checked := 0
	for _, op := range operations() {
		if op.method != http.MethodGet || strings.Contains(op.path, "{name}") || op.write { // write: needs a token (records_test.go)
			continue
		}
		target := example.Replace(op.path)
		if q := queries[op.id]; q != "" {
			target += "?" + q
		}
		w := e.Get(target, http.StatusOK)
		ct, _, _ := strings.Cut(w.Header().Get("Content-Type"), ";")
		documented, _ := op.ok["200"]["content"].(obj)
		if _, ok := documented[ct]; !ok {
			t.Errorf("%s %s answers %s; documented: %v", op.method, op.path, ct, documented)
		}
		checked++
	}
	if checked < 15 {
		t.Errorf("only %d routes checked", checked)
	}
}

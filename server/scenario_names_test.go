package server

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/caili/caili/internal/app"
)

// TestScenarioByChineseName: a scenario is saved by a name in free text
// (病媒3元); it is kept under the id app.ScenarioID makes of the name, the
// list shows the name beside the id, and it is read, applied and deleted
// by either. A file whose [scenario] name is another is refused.
func TestScenarioByChineseName(t *testing.T) {
	e := newEnv(t, "secret")
	auth := []string{"Authorization", "Bearer secret", "Content-Type", "application/toml"}
	const name = "病媒3元"
	body := "[scenario]\nname = \"" + name + "\"\n[set]\n\"project.vector_control.unit_cost\" = \"3\"\n"
	byName := "/api/v1/plans/tiny/scenarios/" + url.PathEscape(name)
	id := app.ScenarioID(name)
	if !strings.HasPrefix(id, "s-") || !app.ValidName(id) || app.ScenarioID(" "+name+" ") != id {
		t.Fatalf("id %q", id)
	}
	w := e.do(http.MethodPut, byName, []byte(body), auth...)
	if w.Code != http.StatusCreated || w.Header().Get("Location") != "/api/v1/plans/tiny/scenarios/"+id {
		t.Fatalf("PUT by name: %d %s %s", w.Code, w.Header().Get("Location"), w.Body.String())
	}
	var list struct{ Scenarios []scenarioJSON }
	if err := json.Unmarshal(e.Get("/api/v1/plans/tiny/scenarios", http.StatusOK).Body.Bytes(), &list); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sj := range list.Scenarios {
		found = found || sj.Name == id && sj.Title == name
	}
	if !found {
		t.Errorf("the list lacks %s (%s): %+v", id, name, list.Scenarios)
	}
	for _, ref := range []string{byName, "/api/v1/plans/tiny/scenarios/" + id} {
		if got := e.Get(ref, http.StatusOK).Body.String(); got != body {
			t.Errorf("GET %s: %q", ref, got)
		}
	}
	e.Get("/api/v1/plans/tiny/allocations.json?scenario="+url.QueryEscape(name), http.StatusOK)
	other := strings.Replace(body, name, "另一个名字", 1)
	if w := e.do(http.MethodPut, "/api/v1/plans/tiny/scenarios/"+url.PathEscape("病媒4元"), []byte(other), auth...); w.Code != http.StatusBadRequest {
		t.Errorf("a file named otherwise: %d %s", w.Code, w.Body.String())
	}
	if w := e.do(http.MethodDelete, byName, nil, auth...); w.Code != http.StatusNoContent {
		t.Fatalf("DELETE by name: %d %s", w.Code, w.Body.String())
	}
	e.Get("/api/v1/plans/tiny/scenarios/"+id, http.StatusNotFound)
}

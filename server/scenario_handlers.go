package server

import (
	"net/http"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// scenarioJSON describes one scenario in the list and after a PUT.
type scenarioJSON struct {
	Plan        string        `json:"plan"`
	Name        string        `json:"name"`
	Title       string        `json:"title"` // [scenario] name
	Description string        `json:"description"`
	Builtin     bool          `json:"builtin"`
	Modified    *time.Time    `json:"modified,omitempty"`
	Overrides   int           `json:"overrides"`
	Status      string        `json:"status"` // ok, or error when the file does not parse
	Problems    []problemJSON `json:"problems"`
	URL         string        `json:"url"`
}

func describe(c *gin.Context, v *app.Scenario) scenarioJSON {
	sj := scenarioJSON{Plan: v.Plan, Name: v.Name, Builtin: v.Builtin, Status: "ok", Problems: []problemJSON{},
		URL: "/api/v1/plans/" + v.Plan + "/scenarios/" + v.Name}
	if !v.Builtin {
		t := v.Modified.UTC()
		sj.Modified = &t
	}
	if v.Parsed != nil {
		sj.Title, sj.Description, sj.Overrides = v.Parsed.Name, v.Parsed.Description, len(v.Parsed.Set)
	} else {
		sj.Status, sj.Problems = "error", body(c, app.Classify(v.Err)).Problems
	}
	return sj
}

// planExists answers 404 for an unknown plan.
func (s *Server) planExists(c *gin.Context) (string, bool) {
	id := c.Param("plan")
	if _, ok := s.app.Plans.Get(id); !ok {
		s.fail(c, app.Say(caili.KindNotFound, msg.AppNoPlan, msg.Clip(id)))
		return "", false
	}
	return id, true
}

func (s *Server) listScenarios(c *gin.Context) {
	plan, ok := s.planExists(c)
	if !ok {
		return
	}
	vs, err := s.app.Scenarios.List(plan)
	if err != nil {
		s.fail(c, err)
		return
	}
	out := make([]scenarioJSON, len(vs))
	for i, v := range vs {
		out[i] = describe(c, v)
	}
	c.Header("Cache-Control", "no-cache")
	s.writeJSON(c, http.StatusOK, gin.H{"plan": plan, "scenarios": out})
}

// getScenario returns the scenario file as it was saved (TOML).
func (s *Server) getScenario(c *gin.Context) {
	plan, ok := s.planExists(c)
	if !ok {
		return
	}
	v, err := s.app.Scenarios.Find(plan, c.Param("name")) // by id or name
	if err != nil {
		s.fail(c, err)
		return
	}
	tag := `"` + v.Hash[:40] + `"`
	c.Header("ETag", tag)
	c.Header("Cache-Control", "no-cache")
	if notModified(c.Request, tag) {
		c.Status(http.StatusNotModified)
		return
	}
	c.Data(http.StatusOK, typeTOML, v.Data)
}

// putScenario saves a scenario file (rules §4 TOML) after checking that it
// parses and that its overrides apply to the plan as it is now (400
// otherwise, with every problem). 201 when new, 200 when replaced. The
// scenario is named by its id or by a name in free text (病媒3元), kept
// under the id app.ScenarioID makes of it; the file's [scenario] name must
// then be that name.
func (s *Server) putScenario(c *gin.Context) {
	plan, ok := s.planExists(c)
	if !ok {
		return
	}
	name, title := c.Param("name"), ""
	if !app.ValidName(name) && app.ValidScenarioRef(name) {
		title, name = strings.TrimSpace(name), app.ScenarioID(name)
	}
	if err := s.app.Scenarios.CheckWritable(plan, name); err != nil {
		s.fail(c, err)
		return
	}
	v, err := s.app.Plan(plan)
	if err != nil {
		s.fail(c, err)
		return
	}
	data, err := readBody(c, app.MaxBody)
	if err != nil {
		s.fail(c, err)
		return
	}
	if err := s.app.CheckScenario(v, plan, name, data); err != nil {
		if ps := formula.ProblemsOf(err); ps != nil {
			err = msg.WithProblems(app.Say(caili.KindBadRequest, msg.ServerScenarioNotSaved), ps)
		}
		s.fail(c, err)
		return
	}
	if title != "" {
		if sc, err := standards.ParseScenario(name, data); err == nil && strings.TrimSpace(sc.Name) != title {
			s.fail(c, app.Say(caili.KindBadRequest, msg.AppScenarioTitle, title, sc.Name))
			return
		}
	}
	created, err := s.app.Scenarios.Put(actorOf(c), plan, name, data)
	if err != nil {
		s.fail(c, err)
		return
	}
	saved, err := s.app.Scenarios.Get(plan, name)
	if err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("scenario saved", "plan", plan, "scenario", name, "created", created)
	status := http.StatusOK
	if created {
		status = http.StatusCreated
		c.Header("Location", "/api/v1/plans/"+plan+"/scenarios/"+name)
	}
	c.Header("Cache-Control", "no-store")
	s.writeJSON(c, status, describe(c, saved))
}

// deleteScenario removes a saved scenario: 204, or 404 when there is none.
func (s *Server) deleteScenario(c *gin.Context) {
	plan, ok := s.planExists(c)
	if !ok {
		return
	}
	name := c.Param("name")
	if !app.ValidName(name) { // by its name: the id it is kept under
		v, err := s.app.Scenarios.Find(plan, name)
		if err != nil {
			s.fail(c, err)
			return
		}
		name = v.Name
	}
	if err := s.app.Scenarios.Remove(actorOf(c), plan, name); err != nil {
		s.fail(c, err)
		return
	}
	s.log.Info("scenario deleted", "plan", plan, "scenario", name)
	c.Status(http.StatusNoContent)
}

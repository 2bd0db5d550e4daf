package app

import (
	"encoding/hex"
	"errors"
	"strconv"
	"time"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/execution"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/standards"
)

// App is the application behind the server and the pages: the plans,
// the saved scenarios and the result cache. It knows nothing of HTTP;
// its errors are *Error with a Kind.
type App struct {
	version string
	// Plans are the plans being served.
	Plans *Plans
	// Scenarios are the saved and built-in scenarios.
	Scenarios *Scenarios
	// Records is the record store (versions, publications, tokens, audit
	// log); nil when the application runs without one.
	Records caili.Store
	// Cache keeps computed what-ifs.
	Cache *Cache
	// slots bounds how many what-ifs are computed at once (one per CPU):
	// more would only share the CPUs, make every one of them slower and
	// hold more garbage at a time. Requests beyond wait their turn in
	// order.
	slots chan struct{}
	// uploads bounds how many uploaded files (POST /calculate bodies, data
	// workbooks) are parsed and computed at once, at most half the CPUs,
	// and paces them (limitUpload), so that a client sending large or
	// hostile bodies as fast as it can never takes the computing from the
	// what-ifs of everyone else. An upload then also takes a computing
	// slot.
	uploads chan struct{}
	// singleUser waives four eyes (Config.SingleUser).
	singleUser bool
	// Budgets are the budgets in force execution is measured against,
	// when another part of the record knows them (adjustments); nil:
	// the imported budget column (execution.go).
	Budgets execution.Budgets
}

// Job is a resolved request for a result: a loaded plan version, perhaps
// a scenario, and the query's overrides.
type Job struct {
	PlanID   string
	Plan     *PlanVersion
	Scenario *Scenario // nil: none
	Sets     []standards.Override
	// keySets are Sets with names resolved to ids, for the result key
	// (nil: Sets have none).
	keySets []standards.Override
	// key and stamp are Key's and Stamp's answers, computed once per job
	// (a request asks for each several times).
	key   string
	stamp *report.Stamp
}

// WhatIf reports whether the job changes the plan.
func (j *Job) WhatIf() bool { return j.Scenario != nil || len(j.Sets) > 0 }

// Resolve finds the plan (404 when unknown, 422 when it has never
// loaded) and the scenario a query names (404 when unknown).
func (e *App) Resolve(planID string, q Query) (*Job, error) {
	v, err := e.Plan(planID)
	if err != nil {
		return nil, err
	}
	return e.JobFor(v, q)
}

// JobFor is the job of a query on one plan version, so that a page that
// shows a base and a what-if computes both from the same version even if
// the plan is reloaded meanwhile. An unknown scenario is 404. A scenario
// may be named by its [scenario] name, and the overrides' paths by names
// (docs/names.md): they are resolved here, to ids and file names.
func (e *App) JobFor(v *PlanVersion, q Query) (*Job, error) {
	j := &Job{PlanID: v.ID, Plan: v, Sets: q.Sets}
	if len(q.Sets) > 0 {
		// The key has the names resolved to ids: the same what-if is one
		// request (one cache entry) whichever names it uses. Sets stay as
		// written, so that problems quote them.
		sets, err := v.Doc.ResolveOverrides(q.Sets)
		if err != nil {
			return nil, err
		}
		j.keySets = sets
	}
	if q.Scenario != "" {
		var err error
		if j.Scenario, err = e.Scenarios.Find(v.ID, q.Scenario); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// Plan returns the version of a plan being served.
func (e *App) Plan(id string) (*PlanVersion, error) {
	st, ok := e.Plans.Get(id)
	if !ok {
		return nil, Say(caili.KindNotFound, msg.AppNoPlan, msg.Clip(id))
	}
	if st.Good == nil {
		return nil, withProblems(Say(caili.KindUnprocessable, msg.AppPlanNotLoad, id), st.Problems)
	}
	return st.Good, nil
}

// Key is the result key of a job: a hash over the caili version, the
// bytes of the plan and its standards file, the scenario file's bytes and
// the overrides in order. The same key always gives the same result.
func (e *App) Key(j *Job) string {
	switch {
	case j.key != "":
	case !j.WhatIf() && j.Plan != nil:
		j.key = e.base(j.Plan).key
	default:
		j.key = e.key(j)
	}
	return j.key
}

// key computes Key.
func (e *App) key(j *Job) string {
	var f standards.Fields
	f.Add("caili-result-v1")
	f.Add(e.version)
	f.Add(j.Plan.Hash)
	if pv := publishedVersion(j.Plan); pv != "" { // a baseline read from the record (published.go)
		f.Add("published")
		f.Add(pv)
	}
	if j.Scenario != nil {
		f.Add("scenario")
		f.Add(j.Scenario.Hash)
	} else {
		f.Add("")
		f.Add("")
	}
	sets := j.Sets
	if j.keySets != nil {
		sets = j.keySets
	}
	f.Add(strconv.Itoa(len(sets)))
	for _, o := range sets {
		f.AddOverride(o)
	}
	return f.Hex()
}

// ETag is the strong entity tag of one representation (rep: the route's
// format and its parameters, such as "cell/east/total") of the results
// with the given keys.
func ETag(rep string, keys ...string) string {
	var f standards.Fields
	f.Add("caili-etag-v1")
	f.Add(rep)
	for _, k := range keys {
		f.Add(k)
	}
	s := f.Sum()
	return `"` + hex.EncodeToString(s[:20]) + `"`
}

// Compute returns a job's result, from the plan's own result when nothing
// is overridden, else from the cache, computing it once on a miss. The
// error of a result that cannot be computed (bad overrides, a rejected
// plan) is in the computed value, and is cached like a result.
func (e *App) Compute(j *Job, key string) *Computed {
	if !j.WhatIf() {
		return j.Plan.Base
	}
	return e.Cache.Get(key, func() *Computed {
		var c Computed
		e.limit(func() { c.Res, c.Err = evaluate(j) })
		return &c
	})
}

// limit runs fn in one of the engine's computing slots, waiting for one
// to be free. Every evaluation a request causes goes through it.
func (e *App) limit(fn func()) {
	e.slots <- struct{}{}
	defer func() { <-e.slots }()
	fn()
}

// limitUpload runs the work of an uploaded file: in one of the upload
// slots, then in a computing slot. The upload slot is held, after the
// answer, for uploadRest times as long as the work took, so that uploads
// use at most a quarter of their share of the CPUs on average, however
// fast a client sends them.
func (e *App) limitUpload(fn func()) {
	e.uploads <- struct{}{}
	start := time.Now()
	e.limit(fn)
	rest := uploadRest * time.Since(start)
	go func() {
		time.Sleep(rest)
		<-e.uploads
	}()
}

// uploadRest is how many times its work an upload's slot rests after it.
const uploadRest = 3

// evaluate applies a job's scenario and overrides to its plan and
// evaluates it. Problems the overrides cause are override problems (400)
// even when they only show when compiling.
func evaluate(j *Job) (*formula.Result, error) {
	m, err := jobModel(j)
	if err != nil {
		return nil, err
	}
	res, err := m.Evaluate()
	if err == nil && j.Plan.Base != nil && (j.Scenario != nil || len(j.Sets) > 0) {
		// Warnings say where damping absorbed what the overrides changed.
		res.CompareWith(j.Plan.Base.Res)
	}
	return res, err
}

// jobModel compiles a job's plan with its scenario and overrides.
func jobModel(j *Job) (*formula.Model, error) {
	ovs, err := j.Overrides()
	if err != nil {
		return nil, err
	}
	// Apply compiles what it produces, so every problem the overrides
	// cause, even one only compiling shows, is an override problem.
	return j.Plan.Doc.Model(ovs...)
}

// MaxBody is the largest request body accepted (a posted plan or a
// scenario file).
const MaxBody = 1 << 20

// Calculate parses, validates and evaluates a posted plan in an upload
// slot. It must be self-contained: a plan that names a standards file is
// refused. The stamp names the plan and hashes the body.
func (e *App) Calculate(body []byte) (res *formula.Result, st *report.Stamp, err error) {
	e.limitUpload(func() { res, st, err = e.calculate(body) })
	return res, st, err
}

func (e *App) calculate(body []byte) (*formula.Result, *report.Stamp, error) {
	doc, err := standards.Parse("body", body, nil)
	if err != nil {
		return nil, nil, err
	}
	m, err := doc.Compile()
	if err != nil {
		return nil, nil, err
	}
	res, err := m.Evaluate()
	if err != nil {
		return nil, nil, err
	}
	return res, &report.Stamp{Plan: res.Plan.Name, Overrides: []string{}, SHA256: doc.Stamp(nil), Version: e.version}, nil
}

// CheckScenario parses a scenario file sent to be saved and applies it to
// the plan's current version, so that a scenario that cannot work is
// refused when it is saved rather than when it is used. A scenario whose
// result the rules reject (a what-if showing a shortfall) can be saved.
func (e *App) CheckScenario(v *PlanVersion, plan, name string, data []byte) error {
	s := parseSaved(plan, name, data)
	if s.Parsed == nil {
		return s.Err
	}
	var err error
	e.limit(func() { _, err = evaluate(&Job{PlanID: plan, Plan: v, Scenario: s}) })
	var re *formula.RejectedError
	if errors.As(err, &re) {
		return nil
	}
	return err
}

// Stamp says what the job's result is: the plan, the scenario (by its
// [scenario] name), the overrides as applied, the hash of the plan's
// files and those overrides, and this caili's version.
func (e *App) Stamp(j *Job) *report.Stamp {
	switch {
	case j.stamp != nil:
	case !j.WhatIf() && j.Plan != nil:
		j.stamp = e.base(j.Plan).stamp
	default:
		j.stamp = e.newStamp(j)
	}
	return j.stamp
}

// newStamp computes Stamp.
func (e *App) newStamp(j *Job) *report.Stamp {
	ovs, _ := j.Overrides() // a scenario that does not parse has no result to stamp
	st := &report.Stamp{Plan: j.Plan.Doc.Name(), Overrides: make([]string, len(ovs)),
		SHA256: j.Plan.Doc.Stamp(ovs), Version: e.version}
	for i, o := range ovs {
		st.Overrides[i] = standards.OverrideText(o)
	}
	if sc := j.Scenario; sc != nil {
		st.Scenario = sc.Name
		if sc.Parsed != nil && sc.Parsed.Name != "" {
			st.Scenario = sc.Parsed.Name
		}
	}
	return st
}

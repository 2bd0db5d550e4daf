package server

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/standards"
)

// engine is the domain core behind the handlers: the plans, the saved
// scenarios and the result cache. It knows nothing of HTTP beyond the
// error kinds of errors.go.
type engine struct {
	version   string
	plans     *planStore
	scenarios *scenarioStore
	cache     *resultCache
	// slots bounds how many what-ifs are computed at once (one per CPU):
	// more would only share the CPUs, make every one of them slower and
	// hold more garbage at a time. Requests beyond wait their turn in
	// order.
	slots chan struct{}
}

// job is a resolved request for a result: a loaded plan version, perhaps
// a scenario, and the query's overrides.
type job struct {
	planID   string
	plan     *planVersion
	scenario *savedScenario // nil: none
	sets     []standards.Override
}

// whatIf reports whether the job changes the plan.
func (j *job) whatIf() bool { return j.scenario != nil || len(j.sets) > 0 }

// resolve finds the plan (404 when unknown, 422 when it has never
// loaded) and the scenario a query names (404 when unknown).
func (e *engine) resolve(planID string, q query) (*job, error) {
	v, err := e.plan(planID)
	if err != nil {
		return nil, err
	}
	return e.jobFor(v, q)
}

// jobFor is the job of a query on one plan version, so that a page that
// shows a base and a what-if computes both from the same version even if
// the plan is reloaded meanwhile. An unknown scenario is 404.
func (e *engine) jobFor(v *planVersion, q query) (*job, error) {
	j := &job{planID: v.id, plan: v, sets: q.sets}
	if q.scenario != "" {
		var err error
		if j.scenario, err = e.scenarios.get(v.id, q.scenario); err != nil {
			return nil, err
		}
	}
	return j, nil
}

// plan returns the version of a plan being served.
func (e *engine) plan(id string) (*planVersion, error) {
	st, ok := e.plans.get(id)
	if !ok {
		return nil, errorf(kindNotFound, "no plan %q", clip(id))
	}
	if st.good == nil {
		return nil, &apiError{kind: kindUnprocessable, msg: "plan " + id + " does not load", problems: st.problems}
	}
	return st.good, nil
}

// key is the result key of a job: a hash over the caili version, the
// bytes of the plan and its standards file, the scenario file's bytes and
// the overrides in order. The same key always gives the same result.
func (e *engine) key(j *job) string {
	h := sha256.New()
	writeField(h, "caili-result-v1")
	writeField(h, e.version)
	writeField(h, j.plan.hash)
	if j.scenario != nil {
		writeField(h, "scenario")
		writeField(h, j.scenario.hash)
	} else {
		writeField(h, "")
		writeField(h, "")
	}
	writeField(h, strconv.Itoa(len(j.sets)))
	for _, o := range j.sets {
		writeField(h, o.Path)
		writeField(h, valueText(o.Value))
	}
	return hex.EncodeToString(h.Sum(nil))
}

// valueText renders an override value for hashing; query values are
// strings, scenario values are hashed as the scenario file's bytes.
func valueText(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return ""
}

// etag is the strong entity tag of one representation (rep: the route's
// format and its parameters, such as "cell/east/total") of the results
// with the given keys.
func etag(rep string, keys ...string) string {
	h := sha256.New()
	writeField(h, "caili-etag-v1")
	writeField(h, rep)
	for _, k := range keys {
		writeField(h, k)
	}
	return `"` + hex.EncodeToString(h.Sum(nil)[:20]) + `"`
}

// compute returns a job's result, from the plan's own result when nothing
// is overridden, else from the cache, computing it once on a miss. The
// error of a result that cannot be computed (bad overrides, a rejected
// plan) is in the computed value, and is cached like a result.
func (e *engine) compute(j *job, key string) *computed {
	if !j.whatIf() {
		return j.plan.base
	}
	return e.cache.get(key, func() *computed {
		var c computed
		e.limit(func() { c.res, c.err = evaluate(j) })
		return &c
	})
}

// limit runs fn in one of the engine's computing slots, waiting for one
// to be free. Every evaluation a request causes goes through it.
func (e *engine) limit(fn func()) {
	e.slots <- struct{}{}
	defer func() { <-e.slots }()
	fn()
}

// evaluate applies a job's scenario and overrides to its plan and
// evaluates it. Problems the overrides cause are override problems (400)
// even when they only show when compiling.
func evaluate(j *job) (*formula.Result, error) {
	var ovs []standards.Override
	if sc := j.scenario; sc != nil {
		if sc.sc == nil {
			return nil, sc.err
		}
		ovs = append(ovs, sc.sc.Set...)
	}
	ovs = append(ovs, j.sets...)
	// Apply compiles what it produces, so every problem the overrides
	// cause, even one only compiling shows, is an override problem.
	return j.plan.doc.Evaluate(ovs...)
}

// maxBody is the largest request body accepted (a posted plan or a
// scenario file).
const maxBody = 1 << 20

// calculate parses, validates and evaluates a posted plan in a computing
// slot. It must be self-contained: a plan that names a standards file is
// refused.
func (e *engine) calculate(body []byte) (res *formula.Result, err error) {
	e.limit(func() { res, err = calculate(body) })
	return res, err
}

func calculate(body []byte) (*formula.Result, error) {
	doc, err := standards.Parse("body", body, nil)
	if err != nil {
		return nil, err
	}
	return doc.Evaluate()
}

// checkScenario parses a scenario file sent to be saved and applies it to
// the plan's current version, so that a scenario that cannot work is
// refused when it is saved rather than when it is used. A scenario whose
// result the rules reject (a what-if showing a shortfall) can be saved.
func (e *engine) checkScenario(v *planVersion, plan, name string, data []byte) error {
	s := parseSaved(plan, name, data)
	if s.sc == nil {
		return s.err
	}
	var err error
	e.limit(func() { _, err = evaluate(&job{planID: plan, plan: v, scenario: s}) })
	var re *formula.RejectedError
	if errors.As(err, &re) {
		return nil
	}
	return err
}

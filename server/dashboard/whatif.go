package dashboard

import (
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/standards"
)

// Query parameters of the dashboard's what-if form. Overrides use the
// API's own names (`set.<path>=<value>`, `scenario=<name>`), so that the
// query of a dashboard page can be handed to the API as it is once
// [WhatIf.Encode] has dropped the empty fields. The free rows of the form
// send their path and value as ParamPath and ParamValue, paired by
// position, because a form without script cannot name a field after
// what a person types.
const (
	ParamSetPrefix = app.SetPrefix
	ParamScenario  = "scenario"
	ParamPath      = "path"
	ParamValue     = "value"
	// ParamCapacity is the form field of the district's capacity.
	ParamCapacity = ParamSetPrefix + pathCapacity
)

const pathCapacity = "plan.capacity"

// Override is one what-if override as the dashboard shows it: a rules §4
// path such as `project.vector_control.unit_cost` and the value typed.
type Override struct {
	Path  string
	Value string
}

// WhatIf is the what-if part of a dashboard query: a saved scenario
// and the overrides applied after it. The zero value is the plan as
// written.
type WhatIf struct {
	Scenario string     // saved scenario name; "" for none
	Sets     []Override // distinct paths, each with its last value, in the order first given
}

// ParseWhatIf reads the what-if part of a page's query. It is lenient
// where a form needs it and strict where a person made a mistake:
//
//   - empty fields (an empty capacity or weight box, scenario "") mean
//     "not overridden" and are ignored;
//   - `set.<path>` parameters are read in the order of their sorted names,
//     then the free rows (ParamPath[i], ParamValue[i]) in order; a path
//     given twice keeps its last value, so a free row wins over a field;
//   - a row with a path but no value, or a value but no path, a scenario
//     name that is not one, or more than MaxOverrides overrides are
//     problems (File "query"), returned beside what could be read.
//
// Other parameters are ignored. Distinct paths set distinct values, so
// their order does not change the result.
func ParseWhatIf(q url.Values) (WhatIf, []formula.Problem) {
	var w WhatIf
	var problems []formula.Problem
	at := map[string]int{}
	add := func(path, value string) {
		if i, ok := at[path]; ok {
			w.Sets[i].Value = value
			return
		}
		at[path] = len(w.Sets)
		w.Sets = append(w.Sets, Override{Path: path, Value: value})
	}
	keys := make([]string, 0, len(q))
	for k := range q {
		if _, ok := app.SetPath(k); ok {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		path, _ := app.SetPath(k)
		for _, v := range q[k] {
			v = strings.TrimSpace(v)
			switch {
			case v == "":
			case path == "":
				problems = append(problems, queryProblem(k, msg.ServerWhatIfNoPath))
			default:
				add(path, v)
			}
		}
	}
	paths, values := q[ParamPath], q[ParamValue]
	for i := range max(len(paths), len(values)) {
		var p, v string
		if i < len(paths) {
			p = strings.TrimSpace(paths[i])
		}
		if i < len(values) {
			v = strings.TrimSpace(values[i])
		}
		if sp, ok := app.SetPath(p); ok {
			p = sp
		}
		row := fmt.Sprintf("%s[%d]", ParamPath, i+1)
		switch {
		case p == "" && v == "":
		case p == "":
			problems = append(problems, queryProblem(row, msg.ServerWhatIfValueOnly, i+1, msg.Clip(v)))
		case v == "":
			problems = append(problems, queryProblem(row, msg.ServerWhatIfPathOnly, i+1, msg.Clip(p)))
		default:
			add(p, v)
		}
	}
	if len(w.Sets) > app.MaxOverrides {
		problems = append(problems, queryProblem(ParamSetPrefix+"*", msg.ServerWhatIfTooMany, app.MaxOverrides))
		w.Sets = w.Sets[:app.MaxOverrides]
	}
	if s := strings.TrimSpace(q.Get(ParamScenario)); s != "" {
		if app.ValidScenarioRef(s) {
			w.Scenario = s
		} else {
			problems = append(problems, queryProblem(ParamScenario, msg.ServerWhatIfScenario, msg.Clip(s), app.NameRE))
		}
	}
	return w, problems
}

func queryProblem(param string, m msg.Message, args ...any) formula.Problem {
	p := m.At(formula.CodeBadQuery, param, args...)
	p.File = "query"
	return p
}

// Active reports whether the what-if changes the plan.
func (w WhatIf) Active() bool { return w.Scenario != "" || len(w.Sets) > 0 }

// Value returns the value a path is set to, if it is.
func (w WhatIf) Value(path string) (string, bool) {
	for _, o := range w.Sets {
		if o.Path == path {
			return o.Value, true
		}
	}
	return "", false
}

// Overrides returns the overrides for standards.Document.Apply, in order,
// marked as coming from the query. A saved scenario's own overrides come
// before them; the caller looks the scenario up.
func (w WhatIf) Overrides() []standards.Override {
	out := make([]standards.Override, len(w.Sets))
	for i, o := range w.Sets {
		out[i] = app.NewOverride(o.Path, o.Value)
	}
	return out
}

// Encode renders the what-if as the canonical query string the API takes,
// without a leading "?": `scenario=<name>` first, then each
// `set.<path>=<value>`. It is "" when the what-if is inactive.
func (w WhatIf) Encode() string {
	var b strings.Builder
	amp := func() {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
	}
	if w.Scenario != "" {
		b.WriteString(ParamScenario + "=" + url.QueryEscape(w.Scenario))
	}
	for _, o := range w.Sets {
		amp()
		b.WriteString(url.QueryEscape(ParamSetPrefix+o.Path) + "=" + url.QueryEscape(o.Value))
	}
	return b.String()
}

// withQuery appends the what-if's query string to a path.
func (w WhatIf) withQuery(path string) string {
	if q := w.Encode(); q != "" {
		return path + "?" + q
	}
	return path
}

package app

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/textutil"
	"github.com/caili/caili/standards"
)

// NameRE is what a plan id or a scenario name must look like: no dots,
// slashes or other path tricks. Plans, saved scenarios, the API and the
// dashboard's form all check names against it.
var NameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9_-]{0,63}$`)

// ValidName reports whether s may name a plan or a scenario.
func ValidName(s string) bool { return NameRE.MatchString(s) }

// SetPrefix starts a request parameter that overrides a value of the
// plan: `set.<path>=<value>`, with a path of rules §4.
const SetPrefix = "set."

// MaxOverrides is the most overrides one request may carry.
const MaxOverrides = 100

// SetPath reads the override path of a request parameter `set.<path>`;
// isSet is false when k is not one. The path may be empty (a mistake the
// caller reports).
func SetPath(k string) (path string, isSet bool) {
	p, ok := strings.CutPrefix(k, SetPrefix)
	return strings.TrimSpace(p), ok
}

// NewOverride is an override a request asks for: its path and value
// trimmed, located in the file "query".
func NewOverride(path, value string) standards.Override {
	return standards.Override{Path: strings.TrimSpace(path), Value: strings.TrimSpace(value), File: "query"}
}

// Names wherever ids are (docs/names.md): a sub-district, staff category,
// quota, project or factor may be named by its id or its name, and a
// scenario by its file name or its [scenario] name. Package standards
// resolves entries (standards.ResolveRef); the functions below make its
// answers the application's errors, for the commands and the server.

// FindSubdistrict finds the sub-district a reference (its id or its
// name) names in a result. An unknown one is not found, with the nearest
// ids and names; a name several sub-districts share is a bad request
// listing their ids.
func FindSubdistrict(planID string, res *formula.Result, ref string) (*formula.Allocation, error) {
	es := make([]standards.Entry, len(res.Subdistricts))
	for i, a := range res.Subdistricts {
		es[i] = standards.Entry{ID: a.ID, Name: a.Name}
	}
	id, err := standards.ResolveRef(standards.TableSubdistrict, ref, es)
	if err != nil {
		return nil, standards.RefErr(planID, err)
	}
	a, _ := res.Find(id)
	return a, nil
}

// ResolveRef finds the id of the entry of table (standards.TableStaff, …)
// a reference names in a plan as written (plan planID, "" when it has no
// id: a file on the command line), with FindSubdistrict's errors.
func ResolveRef(doc *standards.Document, planID, table, ref string) (string, error) {
	id, err := doc.ResolveRef(table, ref)
	if err != nil {
		return "", standards.RefErr(planID, err)
	}
	return id, nil
}

// ScenarioID is the id (file name) a scenario saved under ref is kept
// by: ref itself when it is a ValidName ("vector_1_5"), else, for a name
// in free text such as 病媒3元, "s-" and the first 12 hex digits of the
// SHA-256 of the trimmed name: the same name always gives the same id,
// with no pinyin table (docs/records.md).
func ScenarioID(ref string) string {
	ref = strings.TrimSpace(ref)
	if ValidName(ref) {
		return ref
	}
	sum := sha256.Sum256([]byte(ref))
	return "s-" + hex.EncodeToString(sum[:6])
}

// MaxScenarioRef is the longest scenario reference (a file name or a
// [scenario] name) a request may give, in bytes.
const MaxScenarioRef = 256

// ValidScenarioRef reports whether s may name a scenario: a file name
// (ValidName), or a [scenario] name such as 财力总额减少 5% — text without
// control characters, at most MaxScenarioRef bytes. Only a ValidName is
// ever made into a file's path.
func ValidScenarioRef(s string) bool {
	if ValidName(s) {
		return true
	}
	if s == "" || len(s) > MaxScenarioRef || !utf8.ValidString(s) {
		return false
	}
	return !strings.ContainsFunc(s, unicode.IsControl)
}

// Find returns the scenario of plan a reference names: its file name
// (Get), else its [scenario] name, matched exactly after trimming spaces.
// A name two scenarios share is a bad request listing their file names;
// an unknown one is not found, with the nearest names.
func (s *Scenarios) Find(plan, ref string) (*Scenario, error) {
	ref = strings.TrimSpace(ref)
	if !ValidScenarioRef(ref) {
		return nil, Say(caili.KindBadRequest, msg.AppScenarioRef, msg.Clip(ref), NameRE)
	}
	if ValidName(ref) {
		v, err := s.Get(plan, ref)
		var ae *caili.Error
		if err == nil || !errors.As(err, &ae) || ae.Kind != caili.KindNotFound {
			return v, err
		}
	}
	all, err := s.List(plan)
	if err != nil {
		return nil, err
	}
	var found []*Scenario
	var names []string
	for _, v := range all {
		names = append(names, v.Name)
		if v.Parsed == nil {
			continue
		}
		names = append(names, v.Parsed.Name)
		if strings.TrimSpace(v.Parsed.Name) == ref {
			found = append(found, v)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		e := Say(caili.KindNotFound, msg.AppNoScenarioRef, plan, msg.Clip(ref))
		if near := textutil.Nearest(ref, names, 3); len(near) > 0 {
			also(e, msg.AppRefNear, strings.Join(near, " / "))
		}
		return nil, e
	}
	files := make([]string, len(found))
	for i, v := range found {
		files[i] = v.Name
	}
	return nil, Say(caili.KindBadRequest, msg.AppScenarioAmbiguous, msg.Clip(ref), strings.Join(files, " / "))
}

// QuantityRef is the quantity a reference names in plan p: a label's name
// ([quantity_labels], such as 常住人口) stands for its quantity; anything
// else is returned as it is, to be checked where it is used.
func QuantityRef(p *formula.Plan, ref string) string {
	if _, ok := p.QuantityLabels[ref]; ok {
		return ref
	}
	if q, ok := p.QuantityByLabel(ref); ok {
		return q
	}
	return ref
}

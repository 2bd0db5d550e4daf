package report

import (
	"net/url"
	"strings"

	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/textutil"
)

// Stamp says what a result is: the plan, the scenario and the overrides
// as applied, a SHA-256 over the plan's files and those overrides, and
// the caili that computed it. Every JSON and XML result carries one, so
// that a what-if is never taken for the official plan and `caili verify`
// can recompute it.
type Stamp struct {
	Plan      string   `json:"plan" xml:"plan"`
	Scenario  string   `json:"scenario,omitempty" xml:"scenario,omitempty"`
	Overrides []string `json:"overrides" xml:"override"` // `path=value`, in the order applied
	SHA256    string   `json:"sha256" xml:"sha256"`
	Version   string   `json:"caili_version" xml:"caili_version"`
}

// WhatIf reports whether the result is of a scenario or overrides.
func (s *Stamp) WhatIf() bool { return s != nil && (s.Scenario != "" || len(s.Overrides) > 0) }

// Short is the first 12 hex digits of the hash, for titles.
func (s *Stamp) Short() string {
	if len(s.SHA256) < 12 {
		return s.SHA256
	}
	return s.SHA256[:12]
}

// Title is the stamp on one line, for table titles, CSV title rows,
// workbooks and pages: 情景 (or 方案原值), the number of overrides, the hash
// and the version.
func (s *Stamp) Title() string {
	var b strings.Builder
	switch {
	case s.Scenario != "":
		b.WriteString(msg.RepStampScenario.In(msg.Zh, s.Scenario))
	case len(s.Overrides) > 0:
		b.WriteString(msg.RepStampWhatIf.In(msg.Zh))
	default:
		b.WriteString(msg.RepStampPlan.In(msg.Zh))
	}
	if n := len(s.Overrides); n > 0 {
		b.WriteString(msg.RepStampOverrides.In(msg.Zh, n, strings.Join(clipAll(s.Overrides, 3), "; ")))
		if n > 3 {
			b.WriteString("; …")
		}
	}
	b.WriteString(" | sha256 " + s.Short() + " | " + s.Version)
	return b.String()
}

// Header is the stamp as an HTTP header value (X-Caili-Stamp): a query
// string, percent-encoded (header values are ASCII): plan, scenario, each
// override as set, sha256 and version.
func (s *Stamp) Header() string {
	// url.Values' encoding (TestStampHeaderAsValues), its keys in their
	// order, without the map.
	var b strings.Builder
	field := func(key, value string) {
		if b.Len() > 0 {
			b.WriteByte('&')
		}
		b.WriteString(key)
		b.WriteByte('=')
		b.WriteString(url.QueryEscape(value))
	}
	field("plan", s.Plan)
	if s.Scenario != "" {
		field("scenario", s.Scenario)
	}
	for _, o := range s.Overrides {
		field("set", o)
	}
	field("sha256", s.SHA256)
	field("version", s.Version)
	return b.String()
}

// FileName names a download of the result: the plan's id, then the
// scenario (or "调整" and the hash for overrides alone), then ext:
// sample.xlsx, sample-病媒1.5.xlsx, sample-调整-1a2b3c4d.xlsx.
func (s *Stamp) FileName(planID, ext string) string {
	switch {
	case !s.WhatIf():
		return planID + ext
	case s.Scenario != "":
		return planID + "-" + safeName(s.Scenario) + ext
	}
	return planID + "-" + msg.RepFileOverrides.In(msg.Zh) + "-" + s.SHA256[:min(8, len(s.SHA256))] + ext
}

// safeName keeps a name usable as a file name on every system.
func safeName(s string) string {
	return strings.Map(func(r rune) rune {
		if strings.ContainsRune(`/\:*?"<>|`, r) || r < ' ' {
			return '_'
		}
		return r
	}, s)
}

func clipAll(list []string, n int) []string {
	out := make([]string, 0, n)
	for i, s := range list {
		if i == n {
			break
		}
		out = append(out, textutil.Clip(s, 60))
	}
	return out
}

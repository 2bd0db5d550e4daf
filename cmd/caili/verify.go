package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/app"
	domain "github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
	"github.com/caili/caili/internal/safefile"
	"github.com/caili/caili/standards"
)

// cmdVerify recomputes a stamped JSON result (calc --format json, or the
// API's allocations.json) from the plan and the overrides its stamp names,
// and says whether it matches: the plan's files hash to the stamp's
// SHA-256, and the result recomputed, with the same stamp, is the file
// byte for byte. A mismatch is exit status 1, naming what differs.
func cmdVerify(args []string, stdout, stderr io.Writer) error {
	fs := newFlagSet("verify", stderr)
	var pf planFlags
	pf.register(fs, false)
	file, err := parseOneArg(fs, args, msg.CmdVerifyNeedsFile)
	if err != nil {
		return err
	}
	data, _, err := safefile.Read(file, safefile.MaxInput)
	if err != nil {
		return app.Say(domain.KindBadRequest, msg.CmdRead, file).Because(err)
	}
	var head struct{ Stamp *report.Stamp }
	if err := json.Unmarshal(data, &head); err != nil {
		return mismatch(msg.CmdNotJSON, file).Because(err)
	}
	st := head.Stamp
	if st == nil || st.SHA256 == "" {
		return mismatch(msg.CmdNoStamp, file)
	}
	doc, err := pf.load()
	if err != nil {
		return err
	}
	ovs, err := standards.ParseSets(st.Overrides...)
	if err != nil {
		return mismatch(msg.CmdStampOverride).Because(err)
	}
	if got := doc.Stamp(ovs); got != st.SHA256 {
		return mismatch(msg.CmdStampHash, planName(pf), got[:12], st.Short())
	}
	m, err := doc.Model(ovs...)
	if err != nil {
		return err
	}
	res, err := m.Evaluate()
	if err != nil {
		return err
	}
	var want bytes.Buffer
	if err := report.WriteJSONStamped(&want, res, st); err != nil {
		return err
	}
	if !bytes.Equal(want.Bytes(), data) && !unnamedMatches(res, st, data) {
		diffs := jsonDiffs(want.Bytes(), data, 10)
		return mismatch(msg.CmdDiffers, strings.Join(diffs, "\n  "))
	}
	return say(stdout, msg.OutVerified, file, planName(pf), st.Title())
}

// unnamedMatches reports whether data is the result as caili wrote it
// before lines carried names beside their ids (report.WriteJSONUnnamed):
// the same figures and text, so a result published then still verifies.
func unnamedMatches(res *formula.Result, st *report.Stamp, data []byte) bool {
	var old bytes.Buffer
	return report.WriteJSONUnnamed(&old, res, st) == nil && bytes.Equal(old.Bytes(), data)
}

// planName names the plan verify used (a word of the table for the
// built-in plan).
func planName(pf planFlags) any {
	if pf.plan == "" {
		return msg.OutSamplePlan
	}
	return pf.plan
}

// mismatch is a result that does not verify (exit status 1).
func mismatch(m msg.Message, a ...any) *domain.Error { return app.Say(domain.KindBadRequest, m, a...) }

// jsonDiffs lists up to n values that differ between two JSON documents,
// by path: `subdistricts[3].total: 206668900 → 206668901`; an unreadable
// document is one difference.
func jsonDiffs(want, got []byte, n int) []string {
	var a, b any
	if json.Unmarshal(want, &a) != nil || json.Unmarshal(got, &b) != nil {
		return []string{msg.VerifyNotWhole.In(msg.Zh)}
	}
	var out []string
	walkDiff("", a, b, &out, n)
	if len(out) == 0 {
		out = append(out, msg.VerifySameValues.In(msg.Zh))
	}
	return out
}

func walkDiff(path string, a, b any, out *[]string, n int) {
	if len(*out) >= n {
		return
	}
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok {
			break
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		for k := range y {
			if _, ok := x[k]; !ok {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range slices.Compact(keys) {
			walkDiff(strings.TrimPrefix(path+"."+k, "."), x[k], y[k], out, n)
		}
		return
	case []any:
		y, ok := b.([]any)
		if !ok || len(x) != len(y) {
			break
		}
		for i := range x {
			walkDiff(fmt.Sprintf("%s[%d]", path, i), x[i], y[i], out, n)
		}
		return
	}
	if fmt.Sprint(a) != fmt.Sprint(b) {
		*out = append(*out, msg.VerifyDiffers.In(msg.Zh, path, show(a), show(b), show(a), show(b)))
	}
}

func show(v any) string {
	if v == nil {
		return msg.VerifyNone.In(msg.Zh)
	}
	s, ok := v.(string)
	if !ok {
		b, _ := json.Marshal(v)
		s = string(b)
	}
	return clipArg(s)
}

func clipArg(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

package standards

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// TestFieldsAsWriteField holds Fields to the hash WriteField feeds: the
// result keys, stamps and ETags hashed through it must not change.
func TestFieldsAsWriteField(t *testing.T) {
	ovs := []Override{
		{Path: "plan.capacity", Value: "2680000000"},
		{Path: "factor.workload.weight", Value: 0.5},
		{Path: "plan.reserve_rate", Value: int64(2)},
		{Path: "project.病媒生物防制.unit_cost", Value: []any{"1.5", 2.25, int64(3)}},
		{Path: "", Value: ""},
	}
	for _, fields := range [][]string{nil, {""}, {"caili-result-v1", "v1.2.3", "甲乙丙", ""}} {
		h := sha256.New()
		var f Fields
		for _, s := range fields {
			WriteField(h, s)
			f.Add(s)
		}
		for _, o := range ovs {
			WriteField(h, OverrideText(o))
			f.AddOverride(o)
		}
		want := hex.EncodeToString(h.Sum(nil))
		if got := f.Hex(); got != want {
			t.Errorf("fields %q: Fields gives %s, WriteField %s", fields, got, want)
		}
		if s := f.Sum(); hex.EncodeToString(s[:]) != want {
			t.Errorf("fields %q: Sum and Hex disagree", fields)
		}
	}
}

// TestFilesHashKept holds the hash kept at the end of loading to the
// running hash it was read from.
func TestFilesHashKept(t *testing.T) {
	d, err := LoadFile("../configs/plan.toml")
	if err != nil {
		t.Fatal(err)
	}
	if d.doc.filesHash == "" || d.FilesHash() != d.doc.filesHex() {
		t.Fatalf("kept %q, running hash %q", d.doc.filesHash, d.doc.filesHex())
	}
}

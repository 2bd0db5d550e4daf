package app

import (
	"strings"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// TestNormalizeCorrections: keys are read below the 街道 (its own full
// path and headcounts.X are accepted), other 街道 are forbidden, other
// fields, non-numbers and oversize objections are bad requests.
func TestNormalizeCorrections(t *testing.T) {
	many := map[string]string{}
	for i := range maxCorrections + 1 {
		many["quantities.q"+itoa(i)] = "1"
	}
	for _, tc := range []struct {
		name string
		note string
		in   map[string]string
		want map[string]string
		kind caili.Kind
	}{
		{"plain", "", map[string]string{"quantities.population": " 120000 "}, map[string]string{"quantities.population": "120000"}, 0},
		{"own path", "", map[string]string{"subdistrict.east.staff.civil_servant": "41"}, map[string]string{"staff.civil_servant": "41"}, 0},
		{"headcounts", "", map[string]string{"headcounts.civil_servant": "41"}, map[string]string{"staff.civil_servant": "41"}, 0},
		{"payroll", "", map[string]string{"payroll.community_worker": "4100000.50"}, map[string]string{"payroll.community_worker": "4100000.50"}, 0},
		{"note only", "说明", nil, map[string]string{}, 0},
		{"other 街道", "", map[string]string{"subdistrict.west.quantities.population": "1"}, nil, caili.KindForbidden},
		{"name", "", map[string]string{"name": "x"}, nil, caili.KindBadRequest},
		{"rating", "", map[string]string{"performance": "优"}, nil, caili.KindBadRequest},
		{"empty key", "", map[string]string{"quantities.": "1"}, nil, caili.KindBadRequest},
		{"not a number", "", map[string]string{"quantities.population": "many"}, nil, caili.KindBadRequest},
		{"nothing", " ", nil, nil, caili.KindBadRequest},
		{"long note", strings.Repeat("字", maxNoteRunes+1), nil, nil, caili.KindBadRequest},
		{"too many", "", many, nil, caili.KindBadRequest},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := normalize("east", tc.note, tc.in)
			if tc.kind != 0 {
				if Classify(err).Kind != tc.kind {
					t.Fatalf("error %v, want kind %d", err, tc.kind)
				}
				return
			}
			if err != nil || len(got) != len(tc.want) {
				t.Fatalf("got %v, %v", got, err)
			}
			for k, v := range tc.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

// TestObjectionStatusText: what a 街道 reads of each status.
func TestObjectionStatusText(t *testing.T) {
	for _, tc := range []struct {
		o    caili.Objection
		want string
	}{
		{caili.Objection{Status: caili.ObjectionPending}, "待处理"},
		{caili.Objection{Status: caili.ObjectionAccepted, NewVersion: 3}, "已采纳（第 3 版）"},
		{caili.Objection{Status: caili.ObjectionRejected, Reason: "数据已核实"}, "已驳回：数据已核实"},
	} {
		if got := ObjectionStatusText(&tc.o); got != tc.want {
			t.Errorf("%+v: %q, want %q", tc.o, got, tc.want)
		}
	}
	o := caili.Objection{Subdistrict: "east", Corrections: map[string]string{"staff.a": "1", "quantities.b": "2"}}
	ovs := ObjectionOverrides(&o)
	if len(ovs) != 2 || ovs[0].Path != "subdistrict.east.quantities.b" || ovs[1].Path != "subdistrict.east.staff.a" {
		t.Errorf("overrides %+v", ovs)
	}
}

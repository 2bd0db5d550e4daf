package workbook

import (
	"bytes"
	"strings"
	"testing"

	"github.com/caili/caili/internal/msg"
)

// FuzzReadCSV reads any bytes as a CSV file of the tiny example: it must
// not panic; every problem has a file, a code and a message; and what it
// accepts is valid by the rules and survives a round trip through the CSV
// template.
func FuzzReadCSV(f *testing.F) {
	p := tinyPlan(f)
	base := template(f, p, TemplateOptions{Format: CSV})
	f.Add(base)
	f.Add(bytes.Replace(base, []byte("3.2"), []byte("３，２００.５"), 1))
	f.Add([]byte("id,area_km2\r\neast,-1\r\n"))
	f.Add([]byte("\xff\xfei\x00d\x00\n\x00"))
	f.Add([]byte("街道编码,街道名称\n\"a\nb\",\"\"\"\n"))
	f.Add([]byte(strings.Repeat(",", 2000) + "\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, ps := Read("f.csv", data, p)
		for _, pb := range ps {
			if pb.File != "f.csv" || pb.Code == "" || msg.Problem(msg.Zh, pb) == "" {
				t.Fatalf("problem without file, code or message: %#v", pb)
			}
		}
		if len(ps) > 0 {
			if subs != nil {
				t.Fatal("sub-districts returned with problems")
			}
			return
		}
		q := withSubs(p, subs)
		for _, pb := range q.Validate() {
			t.Fatalf("accepted sub-districts break a rule: %s", pb)
		}
		again := mustRead(t, "again.csv", template(t, q, TemplateOptions{Format: CSV}), q)
		sameSubs(t, q, again, subs)
	})
}

package sqlite

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/caili/caili/internal/caili"
)

// publishedResult is a result JSON as caili publishes it (indented), with
// awkward names.
const publishedResult = `{
  "plan": "p",
  "subdistricts": [
    {
      "id": "west",
      "name": "西\"街道\\",
      "total": "100",
      "lines": []
    },
    {
      "id": "east",
      "name": "东街道",
      "total": "200",
      "lines": [
        {
          "stage": "block",
          "formula": "a\nb"
        }
      ]
    }
  ]
}
`

// publishOne saves, approves and publishes one version with result.
func publishOne(t *testing.T, s *Store, result string) {
	t.Helper()
	ctx := context.Background()
	if _, _, err := s.SaveVersion(ctx, admin, caili.NewVersion{Plan: "p", Hash: "h1", Files: []caili.File{{Name: "p.toml", Data: []byte("a")}}}); err != nil {
		t.Fatal(err)
	}
	totals := []caili.SubdistrictTotal{{ID: "west", Total: "100"}, {ID: "east", Total: "200"}}
	if _, err := s.Approve(ctx, admin, caili.NewApproval{Plan: "p", N: 1, ResultHash: "r", Totals: totals}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Publish(ctx, admin, caili.NewPublication{Plan: "p", N: 1, Result: []byte(result), ResultHash: "r"}); err != nil {
		t.Fatal(err)
	}
}

// checkRows checks that the publication's 街道 are listed in order and
// each row is its object of the result.
func checkRows(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	pub, subs, err := s.PublishedIndex(ctx, "p")
	if err != nil {
		t.Fatal(err)
	}
	if pub.N != 1 || pub.Result != nil || pub.VersionHash != "h1" || pub.ResultHash != "r" {
		t.Errorf("publication %+v", pub)
	}
	var doc struct{ Subdistricts []json.RawMessage }
	if err := json.Unmarshal([]byte(publishedResult), &doc); err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 || subs[0] != (caili.PublishedEntry{ID: "west", Name: `西"街道\`}) || subs[1].ID != "east" {
		t.Fatalf("entries %+v", subs)
	}
	for i, e := range subs {
		body, err := s.PublishedSubdistrict(ctx, "p", 1, e.ID)
		if err != nil {
			t.Fatal(err)
		}
		var got, want any
		if err := json.Unmarshal(body, &got); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(doc.Subdistricts[i], &want); err != nil {
			t.Fatal(err)
		}
		if g, w, _ := marshal2(got, want); g != w {
			t.Errorf("%s: row %s, want %s", e.ID, g, w)
		}
	}
	if _, err := s.PublishedSubdistrict(ctx, "p", 1, "north"); kindOf(err) != caili.KindNotFound {
		t.Errorf("a 街道 not published: %v", err)
	}
	if _, _, err := s.PublishedIndex(ctx, "q"); kindOf(err) != caili.KindNotFound {
		t.Errorf("a plan not published: %v", err)
	}
	// By version: the same publication and 街道, and its head without the
	// result; a version not published is not found.
	if p, l, err := s.PublishedIndexOf(ctx, "p", 1); err != nil || p.N != pub.N || p.ResultHash != pub.ResultHash || len(l) != len(subs) || l[0] != subs[0] {
		t.Errorf("PublishedIndexOf: %+v %v %v", p, l, err)
	}
	head, err := s.PublicationHeadOf(ctx, "p", 1)
	if err != nil || head.Result != nil || head.ResultHash != "r" || head.N != 1 {
		t.Errorf("PublicationHeadOf: %+v %v", head, err)
	}
	if whole, err := s.PublicationOf(ctx, "p", 1); err != nil || string(whole.Result) != publishedResult || whole.ResultHash != head.ResultHash {
		t.Errorf("PublicationOf: %v", err)
	}
	for _, n := range []int{2, 0} {
		if _, err := s.PublicationHeadOf(ctx, "p", n); kindOf(err) != caili.KindNotFound {
			t.Errorf("version %d not published: %v", n, err)
		}
		if _, _, err := s.PublishedIndexOf(ctx, "p", n); kindOf(err) != caili.KindNotFound {
			t.Errorf("index of version %d not published: %v", n, err)
		}
	}
	for _, table := range []string{"publication_parts SET body = '{}'", "publication_rows SET name = ''"} {
		if _, err := s.db.ExecContext(ctx, `UPDATE `+table); err == nil {
			t.Errorf("a publication was changed: %s", table)
		}
	}
	var got bytes.Buffer
	if err := s.PublishedResult(ctx, "p", 1, &got); err != nil || got.String() != publishedResult {
		t.Errorf("the result read back (%v):\n%s", err, got.String())
	}
}

func marshal2(a, b any) (string, string, error) {
	x, err := json.Marshal(a)
	if err != nil {
		return "", "", err
	}
	y, err := json.Marshal(b)
	return string(x), string(y), err
}

// TestPublishedSubdistricts: publishing keeps each 街道 apart, and the
// result is read back from the parts, byte for byte.
func TestPublishedSubdistricts(t *testing.T) {
	s := open(t)
	publishOne(t, s, publishedResult)
	checkRows(t, s)
	ctx := context.Background()
	if p, err := s.Published(ctx, "p"); err != nil || string(p.Result) != publishedResult {
		t.Errorf("published (%v):\n%s", err, p.Result)
	}
	if _, err := s.db.ExecContext(ctx, `UPDATE publication_frames SET tail = ''`); err == nil {
		t.Error("a publication's frame was changed")
	}
}

// BenchmarkPublishedStatement reads one 街道's published statement from
// a publication of 2,000 街道 of about 50 KB each (100 MB, the size of a
// 10,000-街道 result's fifth): "row" reads its row (PublishedIndex and
// PublishedSubdistrict, as caili does now), "whole" the whole result and
// decodes it (as caili did before migration 0007), the baseline.
func BenchmarkPublishedStatement(b *testing.B) {
	ctx := context.Background()
	s, err := OpenDir(ctx, b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var sb strings.Builder
	sb.WriteString("{\n  \"plan\": \"p\",\n  \"subdistricts\": [")
	line := `{"stage": "projects", "item": "p001", "amount": "123456", "formula": "` + strings.Repeat("需求 1.5 元 × 700000 = 1050000;", 6) + `"}`
	for i := range 2000 {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, "\n    {\"id\": \"s%04d\", \"name\": \"第%d街道\", \"lines\": [%s", i, i, line)
		for range 150 {
			sb.WriteString(", " + line)
		}
		sb.WriteString("]}")
	}
	sb.WriteString("\n  ]\n}\n")
	result := []byte(sb.String())
	if _, _, err := s.SaveVersion(ctx, admin, caili.NewVersion{Plan: "p", Hash: "h", Files: []caili.File{{Name: "p.toml", Data: []byte("a")}}}); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Approve(ctx, admin, caili.NewApproval{Plan: "p", N: 1, ResultHash: "r"}); err != nil {
		b.Fatal(err)
	}
	if _, err := s.Publish(ctx, admin, caili.NewPublication{Plan: "p", N: 1, Result: result, ResultHash: "r"}); err != nil {
		b.Fatal(err)
	}
	b.Logf("result %d MB", len(result)>>20)
	b.Run("row", func(b *testing.B) {
		for range b.N {
			pub, subs, err := s.PublishedIndex(ctx, "p")
			if err != nil || len(subs) != 2000 {
				b.Fatal(err, len(subs))
			}
			body, err := s.PublishedSubdistrict(ctx, "p", pub.N, subs[1234].ID)
			var sd struct{ ID string }
			if err != nil || json.Unmarshal(body, &sd) != nil || sd.ID != "s1234" {
				b.Fatal(err, sd.ID)
			}
		}
	})
	b.Run("whole", func(b *testing.B) {
		for range b.N {
			pub, err := s.Published(ctx, "p")
			if err != nil {
				b.Fatal(err)
			}
			var doc struct{ Subdistricts []struct{ ID string } }
			if err := json.Unmarshal(pub.Result, &doc); err != nil || doc.Subdistricts[1234].ID != "s1234" {
				b.Fatal(err)
			}
		}
	})
}

// TestIndexCache: the lists of the last indexKeep publications are kept,
// the oldest let go first.
func TestIndexCache(t *testing.T) {
	var c indexCache
	for n := range indexKeep + 2 {
		c.put(pubKey{"p", n}, []caili.PublishedEntry{{ID: fmt.Sprint(n)}})
	}
	for n := range indexKeep + 2 {
		l, ok := c.get(pubKey{"p", n})
		if want := n >= 2; ok != want || ok && l[0].ID != fmt.Sprint(n) {
			t.Errorf("publication %d: kept %v (%v)", n, ok, l)
		}
	}
	if len(c.lists) != indexKeep || len(c.order) != indexKeep {
		t.Errorf("%d lists, %d in order", len(c.lists), len(c.order))
	}
}

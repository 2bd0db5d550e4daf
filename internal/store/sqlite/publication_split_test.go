package sqlite

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// split cuts text written in pieces of at most chunk bytes (0: at once)
// and returns its head, parts (gap and body) and tail.
func split(t testing.TB, text []byte, chunk int) (head []byte, parts [][2]string, tail []byte) {
	t.Helper()
	sp := &splitter{part: func(gap, body []byte) error {
		parts = append(parts, [2]string{string(gap), string(body)})
		return nil
	}}
	for rest := text; len(rest) > 0; {
		n := len(rest)
		if chunk > 0 {
			n = min(n, chunk)
		}
		if w, err := sp.Write(rest[:n]); err != nil || w != n {
			t.Fatalf("write %d: %d %v", n, w, err)
		}
		rest = rest[n:]
	}
	sp.finish()
	return sp.head, parts, sp.tail
}

// joined is a split text put back together.
func joined(head []byte, parts [][2]string, tail []byte) string {
	var b strings.Builder
	b.Write(head)
	for _, p := range parts {
		b.WriteString(p[0] + p[1])
	}
	b.Write(tail)
	return b.String()
}

// randomDoc is a JSON-like text built of the pieces a result is made of
// and of pieces that are not (unbalanced brackets, stray quotes,
// escapes, a second "subdistricts"), so that every path is taken.
func randomDoc(rng *rand.Rand) []byte {
	pieces := []string{`{`, `}`, `[`, `]`, `"`, `\`, `\"`, `\\`, `,`, `:`, ` `, "\n    ", `"subdistricts"`, `"subdistricts": [`,
		`{"id": "a", "name": "b\"}"}`, `"x"`, `1`, `"lines": [{"f": "]}"}]`, `街道`, `"id"`, `"name": "n"`}
	var b strings.Builder
	if rng.IntN(2) == 0 {
		b.WriteString(`{"plan": "p", "subdistricts": [`)
	}
	for range rng.IntN(40) {
		b.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return []byte(b.String())
}

// TestSplitterKeepsEveryByte: whatever is written, its head, parts and
// tail put together are the bytes written, and how the text is cut into
// writes changes nothing; each part of a result is its object of the
// "subdistricts" list, with its id and name.
func TestSplitterKeepsEveryByte(t *testing.T) {
	texts := [][]byte{[]byte(publishedResult), []byte(`{}`), nil, []byte(`not json`), []byte(`{"subdistricts": []}`),
		[]byte(`{"a": {"subdistricts": [{"id": "x"}]}, "subdistricts": [{"id": "y"}, 3, {"id": "z"}]}`)}
	rng := rand.New(rand.NewPCG(8, 25))
	for range 3000 {
		texts = append(texts, randomDoc(rng))
	}
	for _, text := range texts {
		h0, p0, t0 := split(t, text, 0)
		if got := joined(h0, p0, t0); got != string(text) {
			t.Fatalf("%q put back together is %q", text, got)
		}
		for _, chunk := range []int{1, 2, 3, 7} {
			h, p, tl := split(t, text, chunk)
			if !bytes.Equal(h, h0) || !bytes.Equal(tl, t0) || len(p) != len(p0) || joined(h, p, tl) != string(text) {
				t.Fatalf("%q cut by %d: head %q parts %q tail %q; at once %q %q %q", text, chunk, h, p, tl, h0, p0, t0)
			}
		}
	}
	_, parts, _ := split(t, []byte(publishedResult), 5)
	var doc struct{ Subdistricts []json.RawMessage }
	if err := json.Unmarshal([]byte(publishedResult), &doc); err != nil {
		t.Fatal(err)
	}
	if len(parts) != len(doc.Subdistricts) {
		t.Fatalf("%d parts, %d 街道", len(parts), len(doc.Subdistricts))
	}
	for i, p := range parts {
		if p[1] != string(bytes.TrimSpace(doc.Subdistricts[i])) {
			t.Errorf("part %d is %q", i, p[1])
		}
	}
	if id, name := idName([]byte(parts[0][1])); id != "west" || name != `西"街道\` {
		t.Errorf("id %q name %q", id, name)
	}
	if id, name := idName([]byte(`{"lines": [{"id": "no"}], "name": "n", "id": "late"}`)); id != "late" || name != "n" {
		t.Errorf("id %q name %q", id, name)
	}
}

// FuzzSplitter: any bytes written in any two writes are kept, byte for
// byte, and cut as when written at once.
func FuzzSplitter(f *testing.F) {
	f.Add([]byte(publishedResult), 10)
	f.Add([]byte(`{"subdistricts": [{"id": "\"}"}, {}]}`), 3)
	f.Fuzz(func(t *testing.T, text []byte, at int) {
		h0, p0, t0 := split(t, text, 0)
		if joined(h0, p0, t0) != string(text) {
			t.Fatalf("%q not kept", text)
		}
		if at > 0 {
			h, p, tl := split(t, text, at)
			if !bytes.Equal(h, h0) || !bytes.Equal(tl, t0) || len(p) != len(p0) {
				t.Fatalf("%q cut at %d differs", text, at)
			}
		}
	})
}

// BenchmarkSplitter cuts a result of 200 街道 shaped as caili writes
// them (indented, lines of formulas), in writes of 256 KiB.
func BenchmarkSplitter(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("{\n  \"plan\": \"p\",\n  \"subdistricts\": [")
	line := "\n        {\n          \"stage\": \"projects\",\n          \"item\": \"p001\",\n          \"amount\": \"123456\",\n          \"formula\": \"" +
		strings.Repeat("需求 1.5 元／平方米·年 × 700000 = 1050000；", 3) + "\"\n        }"
	for i := range 200 {
		if i > 0 {
			sb.WriteString(",")
		}
		sb.WriteString("\n    {\n      \"id\": \"s" + strings.Repeat("0", 4) + "\",\n      \"name\": \"第街道\",\n      \"lines\": [" + line)
		for range 150 {
			sb.WriteString("," + line)
		}
		sb.WriteString("\n      ]\n    }")
	}
	sb.WriteString("\n  ]\n}\n")
	text := []byte(sb.String())
	b.SetBytes(int64(len(text)))
	b.ResetTimer()
	for range b.N {
		n := 0
		sp := &splitter{part: func(gap, body []byte) error { n++; return nil }}
		for rest := text; len(rest) > 0; {
			k := min(len(rest), 256<<10)
			sp.Write(rest[:k])
			rest = rest[k:]
		}
		sp.finish()
		if n != 200 {
			b.Fatal(n)
		}
	}
}

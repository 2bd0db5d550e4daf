package server

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestJSONIndenterAsIndent: written in pieces of any size, a document
// comes out as json.Indent writes it once compacted (as an Encoder puts
// a json.RawMessage), whatever its spacing.
func TestJSONIndenterAsIndent(t *testing.T) {
	docs := []string{
		`{}`, `[]`, `{"a":[]}`, `{"a":{},"b":[1,2,{}]}`, `"x"`, `3`, `null`,
		`{"s":"a,b:{c}[d]\"e\\","t":"中文 \u00e9\n"}`,
		"{\n  \"a\" :\t[ 1 ,\r\n 2 ] , \"b\" : { } }\n",
	}
	r := rand.New(rand.NewPCG(5, 9))
	for range 300 {
		docs = append(docs, randomJSON(r, 0))
	}
	for _, doc := range docs {
		for _, prefix := range []string{"", "  "} {
			var compact, want bytes.Buffer
			if err := json.Compact(&compact, []byte(doc)); err != nil {
				t.Fatalf("%q: %v", doc, err)
			}
			if err := json.Indent(&want, compact.Bytes(), prefix, "  "); err != nil {
				t.Fatalf("%q: %v", doc, err)
			}
			var got bytes.Buffer
			d := newJSONIndenter(&got, prefix, "  ")
			for rest := []byte(doc); len(rest) > 0; {
				n := min(len(rest), 1+r.IntN(7))
				if _, err := d.Write(rest[:n]); err != nil {
					t.Fatal(err)
				}
				rest = rest[n:]
			}
			if err := d.Flush(); err != nil || got.String() != want.String() {
				t.Fatalf("%q (prefix %q):\n%s\nwant\n%s", doc, prefix, got.String(), want.String())
			}
		}
	}
}

// randomJSON is a random JSON value with random spacing.
func randomJSON(r *rand.Rand, depth int) string {
	sp := func() string { return []string{"", " ", "\n", "\t ", "\r\n  "}[r.IntN(5)] }
	k := r.IntN(6)
	if depth > 3 {
		k = r.IntN(3)
	}
	switch k {
	case 0:
		return `"` + []string{"", "a", `\"`, `\\`, "中,:{}[]", `\n\u0041`}[r.IntN(6)] + `"`
	case 1:
		return []string{"0", "-1.5", "12e3", "true", "false", "null"}[r.IntN(6)]
	case 2:
		return "[" + sp() + "]"
	case 3:
		return "{" + sp() + "}"
	case 4:
		items := make([]string, 1+r.IntN(4))
		for i := range items {
			items[i] = sp() + randomJSON(r, depth+1) + sp()
		}
		return "[" + strings.Join(items, ",") + "]"
	}
	items := make([]string, 1+r.IntN(4))
	for i := range items {
		items[i] = sp() + `"k` + string(rune('a'+i)) + `"` + sp() + ":" + sp() + randomJSON(r, depth+1) + sp()
	}
	return "{" + strings.Join(items, ",") + "}"
}

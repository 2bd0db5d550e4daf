package report

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestWriteCSVAsRows: the allocation CSV written row by row, a piece at
// a time (WriteCSV), has the bytes of the table built whole and written
// through Write (Rows), for tables longer than a piece, in UTF-8 and in
// GB18030, with a title, Chinese headings and awkward names, and with
// amounts that take the slow way (more decimals than the unit, beyond an
// int64) or make the totals row Result.Totals'.
func TestWriteCSVAsRows(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 6))
	names := []string{"西长安街街道", "=SUM(A1)", `引号"街道"`, "逗号,街道", " 前空格", "-5", "街道\n换行"}
	for k, n := range []int{0, 1, 17, 3000} {
		res := randomResult(r, []string{"1", "0.01", "100", "1"}[k], n, names, 200)
		for _, opts := range []CSVOptions{{}, {GB18030: true}, {NoBOM: true, ZH: true, Title: "示例方案 what-if"}} {
			var got, want bytes.Buffer
			pieces := &countingWriter{w: &got}
			if err := WriteCSV(pieces, res, opts); err != nil {
				t.Fatal(err)
			}
			if err := writeCSV(&want, HeaderOf(res, opts.ZH), Rows(res), opts); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Fatalf("%d 街道, %+v: %d bytes row by row, %d whole", n, opts, got.Len(), want.Len())
			}
			if n == 3000 && pieces.writes < got.Len()/(csvFlushAt+1024) {
				t.Fatalf("a table of %d bytes written in %d pieces", got.Len(), pieces.writes)
			}
		}
	}
}

// countingWriter counts the writes it passes on.
type countingWriter struct {
	w      *bytes.Buffer
	writes int
}

func (c *countingWriter) Write(p []byte) (int, error) {
	c.writes++
	return c.w.Write(p)
}

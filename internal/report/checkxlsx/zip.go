package checkxlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"io"
	"io/fs"
	"maps"
	"slices"

	"github.com/xuri/excelize/v2"
)

// sortedZip is the workbook's ZIP writer: it holds the parts excelize
// creates and writes them in name order on Close ([Content_Types].xml
// first, as Office does), so that the same result always gives the same
// bytes — excelize writes streamed sheets in map order — and the route's
// strong ETag names one body.
type sortedZip struct {
	w     io.Writer
	parts map[string]*bytes.Buffer
}

func newSortedZip(w io.Writer) excelize.ZipWriter {
	return &sortedZip{w: w, parts: map[string]*bytes.Buffer{}}
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	b := &bytes.Buffer{}
	z.parts[name] = b
	return b, nil
}

func (z *sortedZip) AddFS(fs.FS) error { return errors.New("checkxlsx: AddFS is not supported") }

func (z *sortedZip) Close() error {
	zw := zip.NewWriter(z.w)
	names := slices.Sorted(maps.Keys(z.parts))
	const first = "[Content_Types].xml"
	if i := slices.Index(names, first); i > 0 {
		names = append([]string{first}, slices.Delete(names, i, i+1)...)
	}
	for _, n := range names {
		fw, err := zw.Create(n)
		if err != nil {
			return err
		}
		if _, err := fw.Write(z.parts[n].Bytes()); err != nil {
			return err
		}
	}
	return zw.Close()
}

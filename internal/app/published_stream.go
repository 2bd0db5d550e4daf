package app

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"

	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
	"github.com/caili/caili/internal/report"
)

// eachPublished decodes the 街道 of publication pub's result one at a
// time into a T, which names only what the caller reads, and hands each
// to f, reading the result from st as it is written back from its parts:
// a damping baseline or the execution budgets of a 10,000-街道
// publication (a 469 MB result) never hold it whole, nor decode its
// lines into a document (issue 25 §5). A publication read with its
// result (pub.Result) is decoded from it. f's error stops the reading
// and is returned.
func eachPublished[T any](ctx context.Context, st caili.Store, pub *caili.Publication, f func(*T) error) error {
	var r io.Reader = bytes.NewReader(pub.Result) // a publication read with its result
	if pub.Result == nil {
		pr, pw := io.Pipe()
		go func() { pw.CloseWithError(st.PublishedResult(ctx, pub.Plan, pub.N, pw)) }()
		defer pr.Close() // an early return stops the writer
		r = bufio.NewReaderSize(pr, 64<<10)
	}
	dec := json.NewDecoder(r)
	if err := expectDelim(dec, '{'); err != nil {
		return err
	}
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return err
		}
		if key != "subdistricts" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return err
			}
			continue
		}
		if err := expectDelim(dec, '['); err != nil {
			return err
		}
		for dec.More() {
			var t T
			if err := dec.Decode(&t); err != nil {
				return err
			}
			if err := f(&t); err != nil {
				return err
			}
		}
		return expectDelim(dec, ']')
	}
	return nil
}

// expectDelim reads the next token, which must be d.
func expectDelim(dec *json.Decoder, d json.Delim) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok != d {
		return fmt.Errorf("read a published result: %v where %v belongs", tok, d)
	}
	return nil
}

// publishedRowOf is 街道 id's object in the publication of version n,
// read alone (KindNotFound when the publication has no such 街道); a row
// that does not decode is an internal error that says unreadable.
func publishedRowOf(ctx context.Context, st caili.Store, plan string, n int, id string, unreadable msg.Message) (*report.SubdistrictJSON, error) {
	body, err := st.PublishedSubdistrict(ctx, plan, n, id)
	if err != nil {
		return nil, err
	}
	var row report.SubdistrictJSON
	if err := json.Unmarshal(body, &row); err != nil {
		return nil, Internal(unreadable, err)
	}
	return &row, nil
}

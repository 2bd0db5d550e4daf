package report

import (
	"bytes"
	"io"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/numfmt"
)

// The JSON of a result is written as a stream (issue 25 §3): the part
// before the sub-districts and the part after them go through
// encoding/json (they are small), and each sub-district is appended by
// hand into one buffer that is handed to the writer whenever it holds
// streamChunk bytes, so that a 10,000-sub-district result is never held
// whole, never indented in a second pass and never walked by reflection
// (a large result's sub-districts are rendered in runs by several
// goroutines and written in order: jsonparallel.go).
// The bytes are exactly EncodeJSON's of NewAllocations (TestJSONStream
// compares them on the examples and on random plans).

// streamChunk is how much JSON is gathered before it is written.
const streamChunk = 256 << 10

// streamAllocations writes r's JSON document (NewAllocations with its
// scores, the stamp st first) to w. named false leaves out the names
// beside the ids (WriteJSONUnnamed).
func streamAllocations(w io.Writer, r *formula.Result, st *Stamp, named bool) error {
	doc := allocationsHead(r)
	doc.Stamp = st
	head, err := encodeIndented(doc, "")
	if err != nil {
		return err
	}
	// head is `{ … "totals": {…},\n  "subdistricts": []\n}\n`: cut at the
	// empty list and go on from there.
	cut := bytes.LastIndex(head, []byte(`"subdistricts": []`))
	buf := make([]byte, 0, streamChunk+streamChunk/4)
	buf = append(buf, head[:cut]...)
	buf = append(buf, `"subdistricts": [`...)
	f := numfmt.NewFmt(r)
	var names formula.ItemNames
	if named {
		names = r.Plan.ItemNames()
	}
	sw := subWriter{f: f, places: max(-r.Unit.Exponent(), 0), plan: r.Plan, names: names, named: named}
	if r.Plan != nil {
		sw.managed, sw.transfers = r.Plan.HasDistrictManaged(), r.Plan.HasTransfers()
	}
	sw.indicators = sw.scoreIndicators(r)
	if k := renderWorkers(len(r.Subdistricts)); k > 1 {
		if err := writeParallel(w, buf, r, sw, k); err != nil {
			return err
		}
		buf = buf[:0]
	} else {
		for i := range r.Subdistricts {
			buf = sw.appendRun(buf, r, i, i+1)
			if len(buf) >= streamChunk {
				if _, err := w.Write(buf); err != nil {
					return err
				}
				buf = buf[:0]
			}
		}
	}
	if len(r.Subdistricts) > 0 {
		buf = append(buf, "\n  "...)
	}
	buf = append(buf, ']')
	tail, err := encodeIndented(struct {
		Equalisation *EqualisationJSON `json:"equalisation,omitempty"`
		Warnings     []WarningJSON     `json:"warnings,omitempty"`
	}{NewEqualisation(r), Warnings(r)}, "")
	if err != nil {
		return err
	}
	// tail is `{}\n` or `{\n  "equalisation": …\n}\n`.
	if len(tail) > 3 {
		buf = append(buf, ',')
		buf = append(buf, tail[1:]...)
	} else {
		buf = append(buf, "\n}\n"...)
	}
	_, err = w.Write(buf)
	return err
}

// encodeIndented is EncodeJSON's bytes of v, every line after the first
// beginning with prefix (v nested where prefix says).
func encodeIndented(v any, prefix string) ([]byte, error) {
	var b bytes.Buffer
	if err := encodeTo(&b, v, prefix); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// subWriter appends sub-districts of one result as JSON.
type subWriter struct {
	f      numfmt.Fmt
	places int32 // the amounts' decimals (appendAmount)
	plan   *formula.Plan
	names  formula.ItemNames
	named  bool
	// managed and transfers say whether the plan has the columns of
	// rules §6, asked once for all its 街道.
	managed, transfers bool
	text               []byte // scratch for a line's formula
	// indicators holds what every sub-district's score says alike of
	// each indicator (scoreIndicators), built before the workers start
	// and only read by them; nil without a block grant.
	indicators []indicatorText
}

// indent levels of a sub-district's parts.
const (
	in3 = "\n      "
	in4 = "\n        "
	in5 = "\n          "
	in6 = "\n            "
)

// append appends one sub-district, `{` to `}`, at the depth of an element
// of "subdistricts".
func (s *subWriter) append(b []byte, a *formula.Allocation) []byte {
	b = append(b, '{')
	b = field1(b, in3, "id", a.ID)
	b = field(b, in3, "name", a.Name)
	c := a.Components()
	for k, name := range [...]string{"personnel", "public", "projects", "incentive", "block", "damping"} {
		b = s.amount(b, in3, name, c[k])
	}
	if s.managed {
		b = s.amount(b, in3, "managed", a.Managed)
	}
	if s.transfers {
		b = s.amount(b, in3, "transfers", a.Transfers)
	}
	b = s.amount(b, in3, "total", a.Total)
	if a.RatingEffect != nil {
		b = s.amount(b, in3, "rating_effect", *a.RatingEffect)
	}
	b = append(b, ","+in3+`"lines": [`...)
	for k := range a.Lines {
		l := &a.Lines[k]
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, in4+"{"...)
		b = field1(b, in5, "stage", string(l.Stage))
		b = field(b, in5, "item", l.Item)
		if s.named {
			b = fieldOmit(b, in5, "name", s.names.Of(l.Stage, l.Item))
		}
		b = s.amount(b, in5, "amount", l.Amount)
		s.text = l.AppendFormula(s.text[:0])
		b = appendJSONString(append(b, ","+in5+`"formula": `...), s.text)
		b = fieldOmit(b, in5, "source", l.Source())
		b = append(b, in4+"}"...)
	}
	if len(a.Lines) > 0 {
		b = append(b, in3...)
	}
	b = append(b, ']')
	if len(a.Score.Parts) > 0 {
		b = s.appendScore(b, a)
	}
	return append(b, "\n    }"...)
}

// appendScore appends a sub-district's "score" object.
func (s *subWriter) appendScore(b []byte, a *formula.Allocation) []byte {
	sc := &a.Score
	total, adjusted := sc.Total(), sc.Adjusted() // each summed once
	b = append(b, ","+in3+`"score": {`...)
	b = field1(b, in4, "score", formula.FormatRat(total))
	b = field(b, in4, "adjustment", sc.Adjustment.String())
	b = fieldOmit(b, in4, "rating", sc.Rating)
	b = field(b, in4, "coefficient", sc.Coef.String())
	b = field(b, in4, "adjusted", formula.FormatRat(adjusted))
	b = field(b, in4, "score_fraction", formula.Fraction(total))
	b = field(b, in4, "adjusted_fraction", formula.Fraction(adjusted))
	b = field(b, in4, "formula", sc.Formula())
	b = append(b, ","+in4+`"indicators": [`...)
	for k := range sc.Parts {
		p := &sc.Parts[k]
		if k > 0 {
			b = append(b, ',')
		}
		var same *indicatorText
		if k < len(s.indicators) && s.indicators[k].factor == p.Factor && s.indicators[k].quantity == p.Quantity {
			same = &s.indicators[k]
		}
		if same != nil {
			b = append(b, same.head...)
		} else {
			b = s.appendIndicatorHead(b, p)
		}
		b = field(b, in6, "value", p.Value.String())
		if same != nil {
			b = append(b, same.sum...)
		} else {
			b = field(b, in6, "district_sum", p.DistrictSum.String())
		}
		part := p.Part()
		b = field(b, in6, "part", formula.FormatRat(part))
		b = field(b, in6, "part_fraction", formula.Fraction(part))
		b = append(b, in5+"}"...)
	}
	return append(b, in4+"]"+in3+"}"...)
}

// indicatorText is what every sub-district's score says alike of one
// indicator: the members before "value" and the "district_sum" member.
type indicatorText struct {
	factor, quantity string // which indicator it is
	head, sum        []byte
}

// scoreIndicators renders the members of each indicator that are the
// same for every sub-district (the block stage gives every score the
// same indicators in the same order, with the plan's weights and the
// district's sums), from the first sub-district with a score.
func (s *subWriter) scoreIndicators(r *formula.Result) []indicatorText {
	for i := range r.Subdistricts {
		parts := r.Subdistricts[i].Score.Parts
		if len(parts) == 0 {
			continue
		}
		out := make([]indicatorText, len(parts))
		for k := range parts {
			p := &parts[k]
			out[k] = indicatorText{factor: p.Factor, quantity: p.Quantity,
				head: s.appendIndicatorHead(nil, p), sum: field(nil, in6, "district_sum", p.DistrictSum.String())}
		}
		return out
	}
	return nil
}

// appendIndicatorHead appends an indicator object's opening and its
// members up to "weight".
func (s *subWriter) appendIndicatorHead(b []byte, p *formula.ScorePart) []byte {
	b = append(b, in5+"{"...)
	b = field1(b, in6, "factor", p.Factor)
	b = field(b, in6, "factor_name", p.FactorName)
	b = field(b, in6, "factor_weight", p.FactorWeight.String())
	b = field(b, in6, "quantity", p.Quantity)
	if s.named {
		b = fieldOmit(b, in6, "quantity_name", s.names.Of(formula.StageBlock, p.Quantity))
		b = fieldOmit(b, in6, "unit", quantityUnit(s.plan, p.Quantity))
	}
	return field(b, in6, "weight", p.Weight.String())
}

// field1 appends the first member of an object: newline and indent, the
// key and the string value.
func field1(b []byte, indent, key, v string) []byte {
	b = append(b, indent...)
	b = append(b, '"')
	b = append(b, key...)
	b = append(b, `": `...)
	return appendJSONString(b, v)
}

// field appends a member after the first.
func field(b []byte, indent, key, v string) []byte {
	return field1(append(b, ','), indent, key, v)
}

// amount appends a member after the first whose value is the amount x
// as numfmt writes it (appendAmount: from its units, without big.Int's
// text), a string of digits, a point and a sign that needs no escape.
func (s *subWriter) amount(b []byte, indent, key string, x decimal.Decimal) []byte {
	b = append(append(append(append(b, ','), indent...), '"'), key...)
	b = append(appendAmount(append(b, `": "`...), s.f, s.places, x), '"')
	return b
}

// fieldOmit is field, or nothing when v is empty (omitempty).
func fieldOmit(b []byte, indent, key, v string) []byte {
	if v == "" {
		return b
	}
	return field(b, indent, key, v)
}

// hexDigits are encoding/json's, lower case.
const hexDigits = "0123456789abcdef"

// appendJSONString appends s quoted as encoding/json quotes a string with
// HTML escaping off: `"` and `\` escaped, control characters as \b, \f,
// \n, \r, \t or \u00XX, invalid UTF-8 as \ufffd, U+2028 and U+2029 as
// \u2028 and \u2029; everything else as it is.
func appendJSONString[S string | []byte](b []byte, s S) []byte {
	if validUTF8(s) {
		return appendValidJSONString(b, s)
	}
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(string(s[i:min(i+utf8.UTFMax, len(s))])) // no copy: at most 4 bytes
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, `\u202`...)
			b = append(b, hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// validUTF8 reports whether s is valid UTF-8.
func validUTF8[S string | []byte](s S) bool {
	switch v := any(s).(type) {
	case string:
		return utf8.ValidString(v)
	case []byte:
		return utf8.Valid(v)
	}
	return false
}

// appendValidJSONString is appendJSONString for valid UTF-8 (what every
// line's text is), reading bytes rather than runes: the bytes copied as
// they are run on (plainByte), and only a control character, a quote, a
// backslash or the U+2028 and U+2029 that encoding/json escapes (E2 80
// A8, E2 80 A9) stop them.
func appendValidJSONString[S string | []byte](b []byte, s S) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if plainByte[c] {
			continue
		}
		if c == 0xE2 {
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9) {
				b = append(append(b, s[start:i]...), `\u202`...)
				b = append(b, hexDigits[s[i+2]&0xF]) // A8 → 8, A9 → 9
				i += 2
				start = i + 1
			}
			continue
		}
		b = append(b, s[start:i]...)
		b = appendEscape(b, c)
		start = i + 1
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// appendEscape appends the JSON escape of an ASCII byte that a string
// cannot hold as it is: a quote, a backslash or a control character.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// plainByte marks the bytes of valid UTF-8 that a JSON string takes as
// they are: printable ASCII but the quote and the backslash, and every
// byte of a multi-byte character but 0xE2 (which may start U+2028).
var plainByte = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= 0x20 && c != '"' && c != '\\' && c != 0xE2
	}
	return t
}()

package sqlite

import (
	"bytes"
	"encoding/json"
)

// A result JSON is cut, as it is written, into the parts a publication
// keeps (migration 0008): its head (up to and including the `[` of its
// top-level "subdistricts" list), each 街道's object with the text before
// it (the gap: `\n    ` or `,\n    `), and its tail (what follows the
// last object). head, then each gap and object, then tail, are the bytes
// written, whatever they are: a text that is not an allocations document
// is all head. Only the structure is followed (strings, nesting); the
// objects are not decoded here.

// splitState is where a splitter is in the document.
type splitState int

const (
	inHead   splitState = iota // before the list's `[`
	inList                     // between the list's elements (a gap)
	inObject                   // inside one 街道's object
	inTail                     // after the list, or past what it can split
)

// subdistrictsKey is the key of the list of 街道, as a JSON string.
const subdistrictsKey = `"subdistricts"`

// splitter is an io.Writer that cuts a result JSON into its parts,
// handing each 街道's object to part as soon as it is complete (gap and
// body are valid only during the call). The head and the tail are kept
// (they are small for an allocations document).
type splitter struct {
	part  func(gap, body []byte) error
	state splitState
	depth int  // nesting of objects and lists outside strings
	str   bool // inside a string
	esc   bool // after a backslash inside a string
	// key is the string last read at depth 1 (quotes included, at most
	// len(subdistrictsKey)+1 bytes), keyAt whether it is being read, and
	// list whether a `:` followed it when it was "subdistricts".
	key         []byte
	keyAt, list bool

	head, gap, body, tail []byte
	err                   error
}

// Write takes the next bytes of the document.
func (s *splitter) Write(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n := len(p)
	for len(p) > 0 && s.err == nil {
		switch s.state {
		case inHead:
			p = s.scanHead(p)
		case inList:
			p = s.scanList(p)
		case inObject:
			p = s.scanObject(p)
		default:
			s.tail = append(s.tail, p...)
			p = nil
		}
	}
	if s.err != nil {
		return n - len(p), s.err
	}
	return n, nil
}

// finish ends the document: what was not split (a list or an object not
// closed) is the tail.
func (s *splitter) finish() {
	switch s.state {
	case inList:
		s.tail = append(s.gap, s.tail...)
	case inObject:
		s.tail = append(append(s.gap, s.body...), s.tail...)
	}
	s.gap, s.body, s.state = nil, nil, inTail
}

// skipString returns the bytes of p after the string being read ends (p
// empty when it goes on), keeping s.str and s.esc.
func (s *splitter) skipString(p []byte) (rest []byte, ended bool) {
	for len(p) > 0 {
		if s.esc {
			s.esc, p = false, p[1:]
			continue
		}
		q := bytes.IndexByte(p, '"')
		span := p
		if q >= 0 {
			span = p[:q]
		}
		if b := bytes.IndexByte(span, '\\'); b >= 0 {
			s.esc, p = true, p[b+1:]
			continue
		}
		if q < 0 {
			return nil, false
		}
		s.str = false
		return p[q+1:], true
	}
	return nil, false
}

// scanHead reads the head until the `[` of the "subdistricts" list.
func (s *splitter) scanHead(p []byte) []byte {
	for i := 0; i < len(p); i++ {
		if s.str {
			rest, ended := s.skipString(p[i:])
			if s.keyAt {
				s.key = append(s.key, p[i:len(p)-len(rest)]...)
				if len(s.key) > len(subdistrictsKey)+1 {
					s.key, s.keyAt = s.key[:0], false
				}
				if ended {
					s.keyAt = false
				}
			}
			i = len(p) - len(rest) - 1
			continue
		}
		c := p[i]
		switch {
		case c == '"':
			s.str = true
			if s.depth == 1 {
				s.key, s.keyAt, s.list = append(s.key[:0], '"'), true, false
			}
		case c == ':' && s.depth == 1:
			s.list = string(s.key) == subdistrictsKey
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
		case c == '[' && s.depth == 1 && s.list:
			s.head = append(s.head, p[:i+1]...)
			s.depth, s.state = 2, inList
			return p[i+1:]
		default:
			s.list = false
			switch c {
			case '{', '[':
				s.depth++
			case '}', ']':
				s.depth--
			}
		}
	}
	s.head = append(s.head, p...)
	return nil
}

// scanList reads the gap between two elements of the list.
func (s *splitter) scanList(p []byte) []byte {
	for i, c := range p {
		switch c {
		case ' ', '\t', '\n', '\r', ',':
			continue
		case '{':
			s.gap = append(s.gap, p[:i]...)
			s.body = append(s.body[:0], '{')
			s.depth, s.state = 3, inObject
			return p[i+1:]
		default: // `]`, or an element that is not an object: the rest is the tail
			s.gap = append(s.gap, p[:i]...)
			s.tail, s.gap, s.state = append(s.gap, p[i:]...), nil, inTail
			return nil
		}
	}
	s.gap = append(s.gap, p...)
	return nil
}

// scanObject reads a 街道's object up to its closing `}`, and hands it
// with its gap to part.
func (s *splitter) scanObject(p []byte) []byte {
	for i := 0; i < len(p); i++ {
		if s.str {
			rest, _ := s.skipString(p[i:])
			i = len(p) - len(rest) - 1
			continue
		}
		switch p[i] {
		case '"':
			s.str = true
		case '{', '[':
			s.depth++
		case '}', ']':
			s.depth--
			if s.depth == 2 {
				s.body = append(s.body, p[:i+1]...)
				s.err = s.part(s.gap, s.body)
				s.gap, s.body, s.state = s.gap[:0], s.body[:0], inList
				return p[i+1:]
			}
		}
	}
	s.body = append(s.body, p...)
	return nil
}

// idName reads the "id" and "name" of a 街道's object ("" when it has
// none), which the result writes first.
func idName(body []byte) (id, name string) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return "", ""
	}
	var gotID, gotName bool
	for dec.More() && !(gotID && gotName) {
		key, err := dec.Token()
		if err != nil {
			return id, name
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return id, name
		}
		switch key {
		case "id":
			gotID = json.Unmarshal(v, &id) == nil
		case "name":
			gotName = json.Unmarshal(v, &name) == nil
		}
	}
	return id, name
}

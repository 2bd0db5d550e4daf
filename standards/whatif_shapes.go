package standards

import (
	"strconv"
	"strings"
	"sync"

	"github.com/caili/caili/formula"
)

// This file keeps, for a document, the models of its latest what-ifs
// without their capacity and reserve rate — their shapes. A planner who
// sweeps the capacity over the same weights or unit costs (a spreadsheet
// asking for one what-if per capacity, a scenario tried at several) has
// the other overrides patched, checked and derived once; each what-if
// then sets only the plan's header on a copy of the kept model's plan,
// which formula.Model.Derive checks without the tables' sub-districts
// and whose stages it finds in the kept model's memos (issue 25 §4).
//
// Derive gives the model Compile gives (TestDeriveMatchesCompile), so a
// what-if made this way is the one the overrides make applied together
// (TestWhatIfByShape). Only a what-if that succeeds takes this way: one
// with a problem, or that the fast path cannot patch, is made again the
// usual way, which words its problems as always.

// Bounds of a document's shapes: what-ifs kept, and the plans they are
// kept for (a model per shape: a district's few dozen 街道, not a
// national plan, whose what-ifs derive from the base as before).
const (
	shapeEntries  = 8
	shapeMaxRows  = 200
	shapeMaxBytes = 4096 // the most override text a shape's key holds
)

// shapeCache is a document's kept models, by the overrides they were
// made with. It is safe for concurrent use.
type shapeCache struct {
	mu      sync.Mutex
	entries []shapeEntry // oldest first
}

// shapeEntry is one kept model and its key (shapeKey).
type shapeEntry struct {
	key string
	m   *formula.Model
}

// byShape is the model of ovs made on the kept model of their shape, and
// true; false when ovs have no header override or nothing else, the plan
// is too large to keep models for, or either step does not succeed.
func (d *Document) byShape(ovs []Override) (*formula.Model, bool) {
	head, rest := splitHeader(ovs)
	base := d.base()
	if d.shapes == nil || len(head) == 0 || len(rest) == 0 || base == nil || len(base.Plan().Subdistricts) > shapeMaxRows {
		return nil, false
	}
	key, ok := shapeKey(rest)
	if !ok {
		return nil, false
	}
	kept := d.shapes.get(key)
	if kept == nil {
		m, err := d.whatIf(rest)
		if err != nil {
			return nil, false
		}
		kept = d.shapes.put(key, m)
	}
	p := d.patchOn(kept, head)
	if p == nil {
		return nil, false
	}
	m, err := kept.Derive(p)
	if err != nil || len(noEffect(ovs, p, d.doc)) > 0 {
		return nil, false
	}
	return m, true
}

// splitHeader parts the overrides of the plan's capacity and reserve rate
// from the others, each in its order.
func splitHeader(ovs []Override) (head, rest []Override) {
	for _, o := range ovs {
		if o.Path == "plan.capacity" || o.Path == "plan.reserve_rate" {
			head = append(head, o)
		} else {
			rest = append(rest, o)
		}
	}
	return head, rest
}

// shapeKey is overrides' paths and values, in order, each length-prefixed:
// false for a value that is not a string or a number (a list), or a key
// longer than shapeMaxBytes.
func shapeKey(ovs []Override) (string, bool) {
	var b strings.Builder
	for _, o := range ovs {
		var tag, text string
		switch v := o.Value.(type) {
		case string:
			tag, text = "s", v
		case int64:
			tag, text = "i", strconv.FormatInt(v, 10)
		case float64:
			tag, text = "f", strconv.FormatFloat(v, 'g', -1, 64)
		default:
			return "", false
		}
		for _, part := range [...]string{o.Path, tag, text} {
			b.WriteString(strconv.Itoa(len(part)))
			b.WriteByte(':')
			b.WriteString(part)
		}
		if b.Len() > shapeMaxBytes {
			return "", false
		}
	}
	return b.String(), true
}

// get is the model kept under key, or nil.
func (c *shapeCache) get(key string) *formula.Model {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		if e.key == key {
			return e.m
		}
	}
	return nil
}

// put keeps m under key, forgetting the oldest beyond shapeEntries, and
// returns the model kept (one kept meanwhile by another what-if wins).
func (c *shapeCache) put(key string, m *formula.Model) *formula.Model {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, e := range c.entries {
		if e.key == key {
			return e.m
		}
	}
	if len(c.entries) == shapeEntries {
		c.entries = c.entries[1:]
	}
	c.entries = append(c.entries, shapeEntry{key, m})
	return m
}

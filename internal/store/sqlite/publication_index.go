package sqlite

import (
	"context"
	"sync"

	"github.com/caili/caili/internal/caili"
)

// The list of a publication's 街道 (id and name, in the result's order)
// is read for every statement a 街道 reads (to find it by its id or its
// name): 10,000 rows at 10,000 街道. A publication is frozen (its rows
// never change once committed), so the lists of the publications read
// last are kept, and a statement reads the publication's row and its
// own part only.

// indexKeep is how many publications' lists are kept (about 0.5 MB each
// at 10,000 街道).
const indexKeep = 8

// pubKey is a publication: its plan and version.
type pubKey struct {
	plan string
	n    int
}

// indexCache keeps the 街道 lists of the last publications read.
type indexCache struct {
	mu    sync.Mutex
	lists map[pubKey][]caili.PublishedEntry
	order []pubKey // oldest first
}

func (c *indexCache) get(k pubKey) ([]caili.PublishedEntry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	l, ok := c.lists[k]
	return l, ok
}

func (c *indexCache) put(k pubKey, l []caili.PublishedEntry) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lists == nil {
		c.lists = map[pubKey][]caili.PublishedEntry{}
	}
	if _, ok := c.lists[k]; ok {
		return
	}
	if len(c.order) == indexKeep {
		delete(c.lists, c.order[0])
		c.order = c.order[1:]
	}
	c.lists[k] = l
	c.order = append(c.order, k)
}

// PublishedIndex returns the latest publication of a plan without its
// result (Result nil), and its 街道 in the result's order (KindNotFound
// when the plan has none). The list is shared with later calls: read
// it, do not change it.
func (s *Store) PublishedIndex(ctx context.Context, plan string) (*caili.Publication, []caili.PublishedEntry, error) {
	p, err := s.publication(ctx, "sqlite.PublishedIndex", `p.plan = ?`, plan)
	return s.indexOf(ctx, p, err)
}

// PublishedIndexOf is PublishedIndex of the publication of version n.
func (s *Store) PublishedIndexOf(ctx context.Context, plan string, n int) (*caili.Publication, []caili.PublishedEntry, error) {
	p, err := s.PublicationHeadOf(ctx, plan, n)
	return s.indexOf(ctx, p, err)
}

// indexOf reads publication p's 街道 (after reading p, or failing to).
func (s *Store) indexOf(ctx context.Context, p *caili.Publication, err error) (*caili.Publication, []caili.PublishedEntry, error) {
	if err != nil {
		return nil, nil, err
	}
	k := pubKey{p.Plan, p.N}
	if l, ok := s.index.get(k); ok {
		return p, l, nil
	}
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM publication_rows WHERE plan = ? AND n = ? ORDER BY pos`, p.Plan, p.N)
	if err != nil {
		return nil, nil, internal("read published sub-districts", err)
	}
	defer rows.Close()
	out := []caili.PublishedEntry{}
	for rows.Next() {
		var e caili.PublishedEntry
		if err := rows.Scan(&e.ID, &e.Name); err != nil {
			return nil, nil, internal("read published sub-districts", err)
		}
		out = append(out, e)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, internal("read published sub-districts", err)
	}
	s.index.put(k, out)
	return p, out, nil
}

package workbook

// cellIndex is where each value of one record was read: column key →
// cell. The keys are numbered once for all the records of a reader
// (keyTable), and each record keeps a slice of cells by key number, not a
// map of its own: at 40,000 rows of 127 columns the maps were a fifth of
// reading's memory (issue 25 §2).
type cellIndex struct {
	keys *keyTable
	at   []pos // by key number; a zero pos (no grid): not read
}

// keyTable numbers column keys, shared by a reader's records.
type keyTable struct{ n map[string]int }

// newCellIndex is an empty index numbering its keys in t.
func newCellIndex(t *keyTable) cellIndex { return cellIndex{keys: t} }

// get returns the cell key was read from, if any.
func (c *cellIndex) get(key string) (pos, bool) {
	if c.keys == nil {
		return pos{}, false
	}
	i, ok := c.keys.n[key]
	if !ok || i >= len(c.at) || c.at[i].g == nil {
		return pos{}, false
	}
	return c.at[i], true
}

// set records that key was read from p.
func (c *cellIndex) set(key string, p pos) {
	if c.keys == nil {
		c.keys = &keyTable{}
	}
	if c.keys.n == nil {
		c.keys.n = map[string]int{}
	}
	i, ok := c.keys.n[key]
	if !ok {
		i = len(c.keys.n)
		c.keys.n[key] = i
	}
	if i >= len(c.at) {
		c.at = append(c.at, make([]pos, i+1-len(c.at))...)
	}
	c.at[i] = p
}

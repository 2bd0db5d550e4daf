package workbook

// cellIndex is where each value of one record was read: column key →
// cell. The keys are numbered once for all the records of a reader
// (keyTable), and each record keeps a slice of cells by key number, not a
// map of its own: at 40,000 rows of 127 columns the maps were a fifth of
// reading's memory (issue 25 §2). A cell is kept in 8 bytes (cellAt),
// its sheet a number in the table.
type cellIndex struct {
	keys *keyTable
	at   []cellAt // by key number
}

// cellAt is a cell of one of a reader's grids: g is 1 + its index in
// keyTable.grids, 0 for no cell.
type cellAt struct {
	row int32
	col uint16
	g   uint16
}

// A cellAt holds any column of a sheet read.
const _ = uint16(MaxColumns)

// keyTable numbers column keys, and the grids their cells are in, shared
// by a reader's records.
type keyTable struct {
	n     map[string]int
	grids []*grid
}

// slot is key's number, given it now if it has none.
func (t *keyTable) slot(key string) int {
	if t.n == nil {
		t.n = map[string]int{}
	}
	i, ok := t.n[key]
	if !ok {
		i = len(t.n)
		t.n[key] = i
	}
	return i
}

// gridNum is g's number in a cellAt.
func (t *keyTable) gridNum(g *grid) uint16 {
	for i, h := range t.grids {
		if h == g {
			return uint16(i + 1)
		}
	}
	t.grids = append(t.grids, g)
	return uint16(len(t.grids))
}

// newCellIndex is an empty index numbering its keys in t.
func newCellIndex(t *keyTable) cellIndex { return cellIndex{keys: t} }

// get returns the cell key was read from, if any.
func (c *cellIndex) get(key string) (pos, bool) {
	if c.keys == nil {
		return pos{}, false
	}
	i, ok := c.keys.n[key]
	if !ok {
		return pos{}, false
	}
	return c.getSlot(i)
}

// getSlot returns the cell the key numbered i was read from, if any.
func (c *cellIndex) getSlot(i int) (pos, bool) {
	if i >= len(c.at) || c.at[i].g == 0 {
		return pos{}, false
	}
	a := c.at[i]
	return pos{c.keys.grids[a.g-1], int(a.col), int(a.row)}, true
}

// setSlot records that the key numbered i was read from p. The slice is
// made as long as the keys numbered so far, once.
func (c *cellIndex) setSlot(i int, p pos) {
	if i >= len(c.at) {
		c.at = append(c.at, make([]cellAt, max(i+1, len(c.keys.n))-len(c.at))...)
	}
	if p.g == nil {
		c.at[i] = cellAt{}
		return
	}
	c.at[i] = cellAt{row: int32(p.row), col: uint16(p.col), g: c.keys.gridNum(p.g)}
}

package caili

import (
	"context"
	"time"
)

// Execution keeps a year's execution data (预算执行, 双监控,
// docs/year-data.md): each import of a budget system's monthly export, as
// read, with who imported it and when. The rows in force for a line and
// month are those of the latest import that has them. The SQLite store
// implements it beside Store.
type Execution interface {
	// ImportExecution records an import and its rows in one transaction,
	// with its audit entry: all of it or nothing.
	ImportExecution(ctx context.Context, who Actor, imp NewExecutionImport) (*ExecutionImport, error)
	// ExecutionImports lists a plan's imports of a fiscal year, oldest
	// first.
	ExecutionImports(ctx context.Context, plan string, year int64) ([]ExecutionImport, error)
	// ExecutionRows returns the rows in force of a plan's fiscal year:
	// for each 街道, item and month, the row of the latest import that has
	// it; ordered by import, then as imported.
	ExecutionRows(ctx context.Context, plan string, year int64) ([]ExecutionRow, error)
}

// NewExecutionImport is an import to record.
type NewExecutionImport struct {
	Plan string
	Year int64
	File string // the file's name as given
	Hash string // hex SHA-256 of the file's bytes
	Rows []ExecutionRow
}

// ExecutionImport is a recorded import.
type ExecutionImport struct {
	Plan string
	Year int64
	N    int
	File string
	Hash string
	Rows int
	At   time.Time
	By   string
}

// ExecutionRow is one row of an import: a 街道's line in a month.
// Amounts are decimal texts in 元.
type ExecutionRow struct {
	Subdistrict string
	Item        string // the project or breakdown line as the file names it
	Project     string // the plan's project id it names, or ""
	Month       int
	Budget      string
	Spent       string
	Cumulative  bool // spent to the month's end (else the month's own)
	Import      int  // the import that gave it (from ExecutionRows)
}

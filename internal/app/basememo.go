package app

import (
	"sync"

	"github.com/caili/caili/internal/report"
)

// baseMemo keeps what every request for a plan's own result (no scenario,
// no overrides) asks for and that cannot change while the version is
// served: its result key, its stamp, the stamp as a header and the ETag
// of each representation (issue 25 §4: the cached CSV is hashed once, not
// once a request).
type baseMemo struct {
	once   sync.Once
	key    string
	stamp  *report.Stamp
	header string
	etags  sync.Map // representation → ETag
}

// base returns the version's memo, filled on first use by e.
func (e *App) base(v *PlanVersion) *baseMemo {
	m := &v.memo
	m.once.Do(func() {
		j := &Job{PlanID: v.ID, Plan: v}
		m.key, m.stamp = e.key(j), e.newStamp(j)
		m.header = m.stamp.Header()
	})
	return m
}

// StampHeader is Stamp(j).Header(), computed once for a plan's own result.
func (e *App) StampHeader(j *Job) string {
	if !j.WhatIf() {
		return e.base(j.Plan).header
	}
	return e.Stamp(j).Header()
}

// JobETag is ETag(rep, Key(j)), computed once per representation for a
// plan's own result.
func (e *App) JobETag(j *Job, rep string) string {
	if j.WhatIf() {
		return ETag(rep, e.Key(j))
	}
	m := e.base(j.Plan)
	if t, ok := m.etags.Load(rep); ok {
		return t.(string)
	}
	t := ETag(rep, m.key)
	m.etags.Store(rep, t)
	return t
}

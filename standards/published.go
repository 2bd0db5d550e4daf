package standards

import (
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/msg"
)

// This file takes a damping baseline from a published result
// (docs/dated.md): `[damping] baseline = "@published:2025"` is, for each
// 街道, what the latest published version of the plan's fiscal year 2025
// gave it in the measure damping compares: its published total less the
// components this plan's [damping] exclude leaves out. Package standards
// does not know the record store; the caller passes a [PublishedFunc]
// with [WithPublished] (internal/app reads the store).

// PublishedPrefix starts a damping baseline taken from a published result.
const PublishedPrefix = "@published:"

// publishedPattern is "@published:2025" or "@published:PLAN:2025".
var publishedPattern = regexp.MustCompile(`^@published:(?:([a-z][a-z0-9_-]*):)?([0-9]{4})$`)

// PublishedFunc returns the latest published result of a fiscal year of
// a plan: plan is the id `@published:PLAN:2025` names, or "" for the plan
// being loaded. When there is no such publication it returns a
// *NotPublishedError.
type PublishedFunc func(plan string, year int64) (*Published, error)

// Published is a published result as a baseline needs it.
type Published struct {
	// Version names the publication in the damping lines, such as
	// "第 3 版 1a2b3c4d" (the version and the short hash of its result).
	Version string
	// ResultHash is the SHA-256, in hex, of the published result: the
	// stamp of a result that reads it covers it (Document.Stamp).
	ResultHash string
	// Amounts are each sub-district's published amounts, by id.
	Amounts map[string]PublishedAmounts
}

// PublishedAmounts are one sub-district's published components, in the
// order of formula.ComponentNames, and its total.
type PublishedAmounts struct {
	Components [len(formula.ComponentNames)]decimal.Decimal
	Total      decimal.Decimal
	// Name is the sub-district's name in the published result (a
	// successor's note names its predecessors, succession.go).
	Name string
}

// NotPublishedError says that a plan has no published version of a
// fiscal year.
type NotPublishedError struct {
	Plan string
	Year int64
}

func (e *NotPublishedError) Error() string {
	return fmt.Sprintf("plan %s has no published version of %d", e.Plan, e.Year)
}

// WithPublished lets a plan take its damping baseline from a published
// result, read by f. Without it such a plan has a problem at
// damping.baseline (published_missing).
func WithPublished(f PublishedFunc) Option { return func(o *options) { o.published = f } }

// publishedCache asks a PublishedFunc once per plan and year; the
// documents made from one loaded document by overrides share it.
type publishedCache struct {
	f   PublishedFunc
	mu  sync.Mutex
	got map[string]publishedAnswer
}

type publishedAnswer struct {
	p   *Published
	err error
}

// get returns the answer for plan and year, asking f the first time.
func (pc *publishedCache) get(plan string, year int64) (*Published, error) {
	if pc == nil || pc.f == nil {
		return nil, errNoStore
	}
	key := plan + "\x00" + strconv.FormatInt(year, 10)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if a, ok := pc.got[key]; ok {
		return a.p, a.err
	}
	p, err := pc.f(plan, year)
	if pc.got == nil {
		pc.got = map[string]publishedAnswer{}
	}
	pc.got[key] = publishedAnswer{p, err}
	return p, err
}

var errNoStore = errors.New("no record store")

// published resolves a baseline `@published:…` of dm: it sets
// dm.Published and returns each sub-district's baseline by id (nil, with
// a problem, when there is none to read). exclude is [damping] exclude.
func (c *converter) published(dm *formula.Damping, exclude []string) map[string]decimal.Decimal {
	if !strings.HasPrefix(dm.Baseline, PublishedPrefix) {
		return nil
	}
	m := publishedPattern.FindStringSubmatch(dm.Baseline)
	if m == nil {
		c.ps = append(c.ps, msg.DatedBadPublished.At(formula.CodeBadValue, "damping.baseline", clip(dm.Baseline)))
		return nil
	}
	year, _ := strconv.ParseInt(m[2], 10, 64)
	pub, err := c.pub.get(m[1], year)
	var np *NotPublishedError
	switch {
	case errors.Is(err, errNoStore):
		c.ps = append(c.ps, msg.DatedNoStore.At(formula.CodePublishedMissing, "damping.baseline", year))
		return nil
	case errors.As(err, &np):
		c.ps = append(c.ps, msg.DatedNotPublished.At(formula.CodePublishedMissing, "damping.baseline", year, np.Plan))
		return nil
	case err != nil:
		c.ps = append(c.ps, msg.DatedPublishedUnreadable.At(formula.CodeUnreadable, "damping.baseline", year, err.Error()))
		return nil
	}
	dm.Published = &formula.PublishedBaseline{Year: year, Plan: m[1], Version: pub.Version, ResultHash: pub.ResultHash}
	out := make(map[string]decimal.Decimal, len(pub.Amounts))
	c.pubNames = make(map[string]string, len(pub.Amounts))
	for id, a := range pub.Amounts {
		c.pubNames[id] = a.Name
		b := a.Total
		for k, name := range formula.ComponentNames {
			if slices.Contains(exclude, name) {
				b = b.Sub(a.Components[k])
			}
		}
		out[id] = b
	}
	return out
}

// withBaseline puts each sub-district's published baseline into its
// quantities under the baseline's name, as if it had been typed there;
// a sub-district the published result lacks gets none (formula reports
// them together).
func withBaseline(subs []formula.Subdistrict, name string, base map[string]decimal.Decimal) {
	if base == nil {
		return
	}
	for i := range subs {
		v, ok := base[subs[i].ID]
		if !ok {
			continue
		}
		subs[i].Quantities = subs[i].Quantities.With(name, v)
	}
}

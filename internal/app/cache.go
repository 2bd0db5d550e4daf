package app

import (
	"container/list"
	"sync"

	"github.com/caili/caili/formula"
	"github.com/caili/caili/internal/caili"
	"github.com/caili/caili/internal/msg"
)

// Default bounds of the result cache.
const (
	// DefaultCacheEntries is how many computed results the cache keeps.
	DefaultCacheEntries = 256
	// DefaultCacheBytes bounds the estimated memory of the cached results
	// and their rendered bodies.
	DefaultCacheBytes = 64 << 20
)

// Computed is one evaluated plan: its result or the deterministic error
// that evaluating it gave (a rejection, bad overrides), with its rendered
// bodies memoised per representation.
type Computed struct {
	Res *formula.Result
	Err error

	mu      sync.Mutex
	renders map[string][]byte
	texts   map[string]string
}

// Cache is a bounded LRU of computed results keyed by the result key
// (a hash of version, plan bytes, scenario and overrides; see etag.go).
// It is bounded both in entries and in estimated bytes; whichever bound is
// hit first evicts the least recently used entries. Concurrent requests
// for the same missing key compute it once.
type Cache struct {
	maxEntries int
	maxBytes   int64

	mu       sync.Mutex
	ll       *list.List // front: most recently used
	items    map[string]*list.Element
	bytes    int64
	inflight map[string]*flight

	hits, misses uint64
}

type cacheItem struct {
	key  string
	val  *Computed
	size int64
}

// flight is one computation in progress that other requests wait for.
type flight struct {
	done chan struct{}
	val  *Computed
}

func NewCache(maxEntries int, maxBytes int64) *Cache {
	if maxEntries <= 0 {
		maxEntries = DefaultCacheEntries
	}
	if maxBytes <= 0 {
		maxBytes = DefaultCacheBytes
	}
	return &Cache{maxEntries: maxEntries, maxBytes: maxBytes, ll: list.New(),
		items: map[string]*list.Element{}, inflight: map[string]*flight{}}
}

// Get returns the cached value for key, or computes it with fn, caches it
// and returns it. Only one fn runs per key at a time.
func (c *Cache) Get(key string, fn func() *Computed) *Computed {
	c.mu.Lock()
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		c.hits++
		v := el.Value.(*cacheItem).val
		c.mu.Unlock()
		return v
	}
	if f, ok := c.inflight[key]; ok {
		c.hits++
		c.mu.Unlock()
		<-f.done
		return f.val
	}
	c.misses++
	f := &flight{done: make(chan struct{})}
	c.inflight[key] = f
	c.mu.Unlock()

	panicked := true
	defer func() {
		// fn panicking must not leave waiters blocked forever; the panic
		// goes on up to the recovery middleware.
		if panicked {
			f.val = &Computed{Err: Say(caili.KindInternal, msg.AppComputationFailed)}
		}
		c.mu.Lock()
		delete(c.inflight, key)
		if !panicked && cacheable(f.val) {
			c.addLocked(key, f.val)
		}
		c.mu.Unlock()
		close(f.done)
	}()
	f.val = fn()
	panicked = false
	return f.val
}

// cacheable reports whether a value may be kept: results and the errors
// that follow from the inputs alone, never a fault of the server.
func cacheable(v *Computed) bool {
	return v != nil && (v.Res != nil || (v.Err != nil && Classify(v.Err).Kind != caili.KindInternal))
}

// addLocked inserts a value and evicts down to the bounds.
func (c *Cache) addLocked(key string, v *Computed) {
	if el, ok := c.items[key]; ok {
		c.ll.MoveToFront(el)
		return
	}
	it := &cacheItem{key: key, val: v, size: estimate(v)}
	c.items[key] = c.ll.PushFront(it)
	c.bytes += it.size
	c.evictLocked()
}

func (c *Cache) evictLocked() {
	for c.ll.Len() > 0 && (c.ll.Len() > c.maxEntries || c.bytes > c.maxBytes) {
		el := c.ll.Back()
		it := el.Value.(*cacheItem)
		c.ll.Remove(el)
		delete(c.items, it.key)
		c.bytes -= it.size
	}
}

// Grow accounts for n more bytes held by the cached value under key (a
// body rendered after it was cached), evicting if that breaks a bound.
func (c *Cache) Grow(key string, n int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		it := el.Value.(*cacheItem)
		it.size += n
		c.bytes += n
		c.evictLocked()
	}
}

// CacheStats is a snapshot of the cache's counters.
type CacheStats struct {
	Entries  int    `json:"entries"`
	Bytes    int64  `json:"bytes"`
	Hits     uint64 `json:"hits"`
	Misses   uint64 `json:"misses"`
	MaxItems int    `json:"max_entries"`
	MaxBytes int64  `json:"max_bytes"`
}

func (c *Cache) Stats() CacheStats {
	c.mu.Lock()
	defer c.mu.Unlock()
	return CacheStats{Entries: c.ll.Len(), Bytes: c.bytes, Hits: c.hits, Misses: c.misses, MaxItems: c.maxEntries, MaxBytes: c.maxBytes}
}

// estimate approximates the heap a cached result keeps alive: the
// overridden plan it points to, its lines and score parts. The weights
// were fitted on the sample plan and the tiny example (measured with
// runtime.MemStats: 187 KB and 24 KB a result) and err on the high side;
// TestEstimateIsConservative keeps them honest.
func estimate(v *Computed) int64 {
	n := int64(8 << 10)
	if v.Res == nil {
		return n
	}
	for i := range v.Res.Subdistricts {
		a := &v.Res.Subdistricts[i]
		n += 1024 + 220*int64(len(a.Lines)) + 300*int64(len(a.Score.Parts))
	}
	if p := v.Res.Plan; p != nil {
		for i := range p.Subdistricts {
			s := &p.Subdistricts[i]
			n += 100 * int64(s.Quantities.Len()+s.Staff.Len()+s.Payroll.Len())
		}
	}
	return n
}

// Render returns the body rendered for a representation, rendering it
// once with fn and memoising it in the value. The returned bool is true
// when fn ran, so that the caller can account for the new bytes.
func (v *Computed) Render(rep string, fn func() ([]byte, error)) ([]byte, bool, error) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if b, ok := v.renders[rep]; ok {
		return b, false, nil
	}
	b, err := fn()
	if err != nil {
		return nil, false, err
	}
	if v.renders == nil {
		v.renders = map[string][]byte{}
	}
	v.renders[rep] = b
	return b, true, nil
}

// Text returns a header value made for the value (a file name, say), made
// once with fn and memoised, as Render memoises bodies.
func (v *Computed) Text(key string, fn func() string) string {
	v.mu.Lock()
	defer v.mu.Unlock()
	if t, ok := v.texts[key]; ok {
		return t
	}
	t := fn()
	if v.texts == nil {
		v.texts = map[string]string{}
	}
	v.texts[key] = t
	return t
}

package trends

import (
	"cmp"
	"math"
	"math/bits"
	"slices"
	"strings"
)

// An occurrence is one (document, key) pair: entity "china" in document "a1". Its level is
// the number of leading zero bits of a 64-bit hash of the document id and the key, so half
// of all occurrences have level 0, a quarter level 1, and so on. The level decides which
// keys a full table keeps (see table); it depends only on the two strings, so every
// worker, shard and run agrees on it.
//
// A key's hash is FNV-1a over its bytes (a pair's two ids with a 0x00 byte between them);
// it also places the key in a sketch. A document's seed is SplitMix64's mixer over the
// FNV-1a hash of its id, and an occurrence's level is the count of leading zero bits of
// the mixer over the key's hash XOR the document's seed. These hashes are part of the
// aggregate's definition and of its wire format: changing them changes which keys a full
// table keeps and where a sketch counts them, so they are written out here, not taken
// from a package whose hash may be tuned for speed.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashString continues an FNV-1a hash h over s.
func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// hashByte continues an FNV-1a hash h over one byte.
func hashByte(h uint64, b byte) uint64 { return (h ^ uint64(b)) * fnvPrime }

// mix is SplitMix64's finaliser.
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashKey and hashPair hash a key.
func hashKey(k string) uint64 { return hashString(fnvOffset, k) }
func hashPair(p pair) uint64  { return hashString(hashByte(hashString(fnvOffset, p[0]), 0), p[1]) }

// docSeed is the part of an occurrence's hash that depends on the document id.
func docSeed(id string) uint64 { return mix(hashString(fnvOffset, id)) }

// levelOf returns the level of the occurrence of the key with hash kh in the document
// with seed seed.
func levelOf(seed, kh uint64) int { return bits.LeadingZeros64(mix(kh ^ seed)) }

// maxLevel is the highest level a table can reach (all 64 bits zero).
const maxLevel = 64

// rep is the representative name and type of an entity id: those of its occurrence with the
// highest level, ties broken by the smaller name, then the smaller type. The occurrence with
// the highest level is the last one a table drops, so the representative is the same
// whatever the table's level and whatever the order of the documents.
type rep struct {
	ok    bool // set: the zero rep is "no occurrence seen"
	level int
	name  string
	typ   string
}

// better reports whether r should replace the representative o.
func (r rep) better(o rep) bool {
	if !o.ok {
		return r.ok
	}
	if !r.ok {
		return false
	}
	if r.level != o.level {
		return r.level > o.level
	}
	if c := strings.Compare(r.name, o.name); c != 0 {
		return c < 0
	}
	return r.typ < o.typ
}

// cell is one key of a table.
type cell struct {
	n   int64 // the key's documents, exact; kept at level 0 only (0 above)
	top int   // the highest level of the key's occurrences
	rep rep   // entity tables only
}

// table counts the documents per key: exactly while it holds at most its capacity of
// keys, and with a Count-Min sketch over a deterministic sample of keys past that.
//
// At level 0 a table holds every key with its exact count. When a new key would make it
// hold more than cap keys, it turns every count into a Count-Min sketch (sketch) and rises
// to the smallest level L at which at most cap keys have an occurrence of level L or more;
// from then on every occurrence goes into the sketch, the keys with an occurrence of level
// ≥ L are the ones it can name, and a key's count is the sketch's estimate (never below
// the true count). L keeps rising as keys arrive.
//
// Every part of the state depends only on the multiset of occurrences, never on their
// order: L is the smallest level at which the keys with an occurrence of level ≥ L number
// at most cap (0 if all keys fit), a key's highest level and representative are maxima,
// the exact counts are sums, and the sketch is linear (the sketch of a union is the sum of
// the sketches). That is why merge is exact. A key with c documents stays nameable at
// level L with probability 1-(1-2^-L)^c: the long tail of one-off keys thins out and the
// frequent keys a report lists stay.
type table[K comparable] struct {
	level  int
	cap    int
	m      map[K]*cell
	sketch *sketch // nil at level 0
	hash   func(K) uint64
}

func newTable[K comparable](capacity int, hash func(K) uint64) table[K] {
	return table[K]{cap: max(capacity, 1), m: make(map[K]*cell), hash: hash}
}

// add counts one occurrence of k (whose hash is kh) at level lvl. r, when not nil, is the
// occurrence's name and type (entity tables).
func (t *table[K]) add(k K, kh uint64, lvl int, r *rep) {
	if t.sketch != nil {
		t.sketch.add(kh, 1)
		if lvl < t.level {
			return
		}
	}
	c := t.m[k]
	if c == nil {
		c = &cell{top: lvl}
		t.m[k] = c
	}
	if t.level == 0 {
		c.n++
	}
	c.top = max(c.top, lvl)
	if r != nil {
		rr := *r
		rr.ok, rr.level = true, lvl
		if rr.better(c.rep) {
			c.rep = rr
		}
	}
	if len(t.m) > t.cap {
		t.overflow()
		t.shrink()
	}
}

// overflow turns the exact counts of a level-0 table into a sketch.
func (t *table[K]) overflow() {
	if t.sketch != nil {
		return
	}
	t.sketch = t.exactSketch()
	for _, c := range t.m {
		c.n = 0
	}
}

// exactSketch returns the sketch of a level-0 table's exact counts, without changing it.
func (t *table[K]) exactSketch() *sketch {
	s := newSketch(t.cap)
	for k, c := range t.m {
		s.add(t.hash(k), c.n)
	}
	return s
}

// raise lifts the table to level lvl, dropping the keys without an occurrence at lvl or
// above.
func (t *table[K]) raise(lvl int) {
	if lvl <= t.level {
		return
	}
	t.level = lvl
	for k, c := range t.m {
		if c.top < lvl {
			delete(t.m, k)
		}
	}
}

// shrink raises the level until the table holds at most cap keys.
func (t *table[K]) shrink() {
	for len(t.m) > t.cap && t.level < maxLevel {
		t.raise(t.level + 1)
	}
}

// merge adds the occurrences counted in o to t.
func (t *table[K]) merge(o *table[K]) {
	if o.sketch != nil || t.sketch != nil {
		t.overflow()
		if o.sketch != nil {
			t.sketch.merge(o.sketch)
		} else {
			t.sketch.merge(o.exactSketch())
		}
		t.raise(o.level)
	}
	for k, oc := range o.m {
		if oc.top < t.level {
			continue
		}
		c := t.m[k]
		if c == nil {
			c = &cell{top: oc.top}
			t.m[k] = c
		}
		if t.level == 0 {
			c.n += oc.n
		}
		c.top = max(c.top, oc.top)
		if oc.rep.better(c.rep) {
			c.rep = oc.rep
		}
	}
	if len(t.m) > t.cap {
		t.overflow()
		t.shrink()
	}
}

// count returns the number of documents counted for k: exact at level 0, the sketch's
// estimate above (0 for a key the table does not hold).
func (t *table[K]) count(k K) int64 {
	c := t.m[k]
	if c == nil {
		return 0
	}
	return t.countCell(k, c)
}

func (t *table[K]) countCell(k K, c *cell) int64 {
	if t.sketch == nil {
		return c.n
	}
	return t.sketch.estimate(t.hash(k))
}

// estimated reports whether the table's counts are estimates.
func (t *table[K]) estimated() bool { return t.sketch != nil }

// keyCount is a key with its count, for ranking.
type keyCount[K comparable] struct {
	key K
	n   int64
}

// top returns up to n keys with the highest counts, ties broken by compare (ascending).
func (t *table[K]) top(n int, compare func(a, b K) int) []keyCount[K] {
	all := make([]keyCount[K], 0, len(t.m))
	for k, c := range t.m {
		all = append(all, keyCount[K]{k, t.countCell(k, c)})
	}
	slices.SortFunc(all, func(a, b keyCount[K]) int {
		if c := cmp.Compare(b.n, a.n); c != 0 {
			return c
		}
		return compare(a.key, b.key)
	})
	return all[:min(n, len(all))]
}

// sketchDepth is the number of rows of a sketch; a block holds one counter group of
// sketchSlots counters per row.
const (
	sketchDepth = 4
	sketchSlots = 4
	blockSize   = sketchDepth * sketchSlots // 16 counters: 64 bytes, one cache line
)

// sketch is a Count-Min sketch (Cormode and Muthukrishnan, 2005) laid out in blocks of one
// cache line: a key hashes to one block, and in it to one of sketchSlots counters in each of
// the sketchDepth rows; it adds to those counters and its estimate is the smallest of them.
// A row therefore has width = blocks × sketchSlots counters, as in the textbook layout, but
// a key touches one cache line instead of sketchDepth (the rows share the key's block-mates,
// which costs a little accuracy on keys that collide with a heavy one). The estimate is
// never below the true count, and exceeds it by about N/width or less (N the occurrences
// counted). A sketch is linear: the sketch of a union is the sum of the sketches. Counters
// saturate at 2^32-1.
type sketch struct {
	blocks int      // a power of two
	c      []uint32 // blocks × blockSize counters
}

// sketchWidth is the width of the rows of a table's sketch: twice the capacity, rounded
// up to a power of two (at least sketchSlots).
func sketchWidth(capacity int) int { return max(1<<bits.Len(uint(2*capacity-1)), sketchSlots) }

func newSketch(capacity int) *sketch {
	blocks := sketchWidth(capacity) / sketchSlots
	return &sketch{blocks: blocks, c: make([]uint32, blocks*blockSize)}
}

// slots returns the index of a key's counter in each row.
func (s *sketch) slots(h uint64) [sketchDepth]int {
	m := mix(h ^ 0x243f6a8885a308d3)
	base := int(m&uint64(s.blocks-1)) * blockSize
	var idx [sketchDepth]int
	for r := range idx {
		idx[r] = base + r*sketchSlots + int(m>>(56+2*r))&(sketchSlots-1)
	}
	return idx
}

func (s *sketch) add(h uint64, n int64) {
	for _, i := range s.slots(h) {
		s.c[i] = addSat(s.c[i], n)
	}
}

func (s *sketch) estimate(h uint64) int64 {
	est := int64(math.MaxInt64)
	for _, i := range s.slots(h) {
		est = min(est, int64(s.c[i]))
	}
	return est
}

func (s *sketch) merge(o *sketch) {
	for i, x := range o.c {
		s.c[i] = addSat(s.c[i], int64(x))
	}
}

func addSat(x uint32, n int64) uint32 {
	if n >= int64(math.MaxUint32-x) {
		return math.MaxUint32
	}
	return x + uint32(n)
}

// pair is an unordered pair of entity ids, stored with pair[0] < pair[1].
type pair [2]string

func comparePairs(a, b pair) int {
	if c := strings.Compare(a[0], b[0]); c != 0 {
		return c
	}
	return strings.Compare(a[1], b[1])
}

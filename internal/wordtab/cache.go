package wordtab

import "encoding/binary"

// Cache is a growable map from words to values for one goroutine at a
// time: a per-document scratch table (Reset between documents), or a cache
// of what a stage derived from a word (its stem, its cues) that survives
// from document to document on a FreeList.
//
// Layout: open addressing with linear probing over slots of 16 bytes and
// the value (16 in all for an int32): 24 bits of the key's hash and its
// length in one word (whose top bits also choose the first slot, so that
// growing needs neither the keys nor their hashes), and the key itself
// when it has at most 8 bytes, else its place in one byte arena. A lookup
// of a short word reads one slot and nothing else, a longer word one slot
// and its bytes; a miss ends at a free slot, and inserting takes that slot
// without a second probe. Prefetch reads the slots of many words at once,
// so that their cache misses overlap. Keys are copied: the cache keeps no
// reference to the caller's text.
//
// Growth and bound: the table doubles at 3/4 load. With WithLimit(n) it
// stops storing at n keys: Put and Ref then refuse new keys (the first
// words of a text are mostly its frequent ones, worth keeping), and Renew,
// called between documents, clears the cache once it has refused 4n keys
// (the texts have moved on). A caller treats a refusal as a miss it
// computes itself, so the answers never depend on what the cache holds;
// values that point into arrays the caller keeps beside the cache stay
// valid until the caller's own Clear or Renew.
//
// A Cache is not safe for concurrent use. The zero Cache is ready to use,
// without limit.
type Cache[V any] struct {
	slots   []cacheSlot[V] // length a power of two
	shift   uint8          // 32 - log2(len(slots)): meta >> shift is a key's first slot
	n       int            // keys stored
	arena   []byte         // keys longer than 8 bytes
	limit   int            // most keys stored; 0: no limit
	refused int            // keys refused since the cache filled up
	sink    uint32         // keeps Prefetch's loads
}

// cacheSlot is one key: 16 bytes and the value.
type cacheSlot[V any] struct {
	// key is the key itself (little-endian, zero-padded) when it has at
	// most 8 bytes, else its offset in the arena | its length << 32
	key  uint64
	meta uint32 // metaOf the key's hash and length; 0 marks a free slot
	val  V
}

// metaOf packs 24 bits of hash h (never all zero; their top bits choose
// the first slot) and a length code: n for a key of n ≤ 8 bytes, 9 for a
// longer one. Equal metas are one comparison for hash and length.
func metaOf(h uint64, n int) uint32 {
	code := uint32(min(n, 9))
	return (uint32(h>>40)|1)<<8 | code
}

// CacheOption configures NewCache.
type CacheOption func(*cacheOptions)

type cacheOptions struct {
	limit, capacity int
}

// WithLimit bounds the keys a cache stores (see Cache).
func WithLimit(n int) CacheOption { return func(o *cacheOptions) { o.limit = n } }

// WithCapacity makes room for n keys up front.
func WithCapacity(n int) CacheOption { return func(o *cacheOptions) { o.capacity = n } }

// NewCache returns an empty cache.
func NewCache[V any](opts ...CacheOption) *Cache[V] {
	var o cacheOptions
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	c := &Cache[V]{limit: max(0, o.limit)}
	if o.capacity > 0 {
		c.alloc(o.capacity)
	}
	return c
}

const (
	minCacheSlots = 64
	maxArena      = 1<<32 - 1 // bytes of the long keys of one cache
)

// slotsFor returns the number of slots for n keys at most 3/4 full.
func slotsFor(n int) int {
	size := minCacheSlots
	for 3*size < 4*n {
		size <<= 1
	}
	return size
}

// alloc makes room for n keys in a fresh slot array.
func (c *Cache[V]) alloc(n int) { c.allocSlots(slotsFor(n)) }

// allocSlots makes a fresh array of size slots (a power of two).
func (c *Cache[V]) allocSlots(size int) {
	c.slots = make([]cacheSlot[V], size)
	c.shift = uint8(32 - log2(size))
}

func log2(n int) int {
	k := 0
	for 1<<k < n {
		k++
	}
	return k
}

// Len returns the number of keys stored.
func (c *Cache[V]) Len() int { return c.n }

// Clear removes every key, keeping the memory.
func (c *Cache[V]) Clear() {
	if c.n > 0 {
		clear(c.slots)
	}
	c.arena = c.arena[:0]
	c.n, c.refused = 0, 0
}

// Renew clears the cache when it is full and has refused at least four
// times its limit since it filled, and reports whether it did, so that the
// caller can clear what it keeps beside the values. Call it where no value
// is in use, between documents.
func (c *Cache[V]) Renew() bool {
	if c.limit == 0 || c.refused < 4*c.limit {
		return false
	}
	c.Clear()
	return true
}

// Reset removes every key and sizes the table for about n keys, reusing
// its memory: a per-document table costs what the document needs, however
// large an earlier document made it.
func (c *Cache[V]) Reset(n int) {
	c.Clear()
	size := slotsFor(3 * n / 2)
	if size > cap(c.slots) {
		c.allocSlots(size)
		return
	}
	// the slots beyond the current length are clear: Clear cleared them
	// before an earlier Reset cut them off
	c.slots = c.slots[:size]
	c.shift = uint8(32 - log2(size))
}

// Get returns the value of k and whether k is stored.
func (c *Cache[V]) Get(k string) (V, bool) { return c.GetHashed(Hash(k), k) }

// GetBytes is Get for a byte-slice key.
func (c *Cache[V]) GetBytes(k []byte) (V, bool) { return c.GetHashedBytes(Hash(k), k) }

// GetHashed is Get for a key whose hash h the caller has. The hash need not
// be Hash(k), but a key must always come with the same hash.
func (c *Cache[V]) GetHashed(h uint64, k string) (v V, ok bool) {
	j, ok, _ := probe(c, h, k)
	if ok {
		v = c.slots[j].val
	}
	return v, ok
}

// GetHashedBytes is GetHashed for a byte-slice key.
func (c *Cache[V]) GetHashedBytes(h uint64, k []byte) (v V, ok bool) {
	j, ok, _ := probe(c, h, k)
	if ok {
		v = c.slots[j].val
	}
	return v, ok
}

// GetUint64 returns the value of the integer key x: the key of its 8 bytes
// in little-endian order, hashed by HashUint64.
func (c *Cache[V]) GetUint64(x uint64) (v V, ok bool) {
	if len(c.slots) == 0 {
		return v, false
	}
	j, ok := c.probeKey(metaOf(HashUint64(x), 8), x)
	if ok {
		v = c.slots[j].val
	}
	return v, ok
}

// Put stores v as the value of k and reports whether it did (false: the
// cache is full and k absent, see Cache, or its long keys would pass 4 GB).
func (c *Cache[V]) Put(k string, v V) bool { return c.PutHashed(Hash(k), k, v) }

// PutHashed is Put for a key whose hash h the caller has.
func (c *Cache[V]) PutHashed(h uint64, k string, v V) bool {
	p, _ := ref(c, h, k)
	if p == nil {
		return false
	}
	*p = v
	return true
}

// PutHashedBytes is PutHashed for a byte-slice key.
func (c *Cache[V]) PutHashedBytes(h uint64, k []byte, v V) bool {
	p, _ := ref(c, h, k)
	if p == nil {
		return false
	}
	*p = v
	return true
}

// Ref returns a pointer to the value of k (hash h), storing k with the zero
// value first when it is absent; found reports whether it was there. It
// returns nil when k is absent and the cache is full (see Cache) or its
// long keys would pass 4 GB. The pointer is valid until the next call that
// stores a key.
func (c *Cache[V]) Ref(h uint64, k string) (v *V, found bool) { return ref(c, h, k) }

// RefBytes is Ref for a byte-slice key.
func (c *Cache[V]) RefBytes(h uint64, k []byte) (v *V, found bool) { return ref(c, h, k) }

// RefUint64 is Ref for the integer key x (see GetUint64).
func (c *Cache[V]) RefUint64(x uint64) (v *V, found bool) {
	meta := metaOf(HashUint64(x), 8)
	j := -1
	if len(c.slots) > 0 {
		if j, found = c.probeKey(meta, x); found {
			return &c.slots[j].val, true
		}
	}
	return insert(c, j, meta, x, "")
}

// Prefetch reads the first slot of each hash in hs (for tables of up to
// 2^24 slots; beyond, a neighbouring one). The reads do not depend
// on each other, so the CPU has their cache misses outstanding at once; the
// lookups that follow find the slots in cache.
func (c *Cache[V]) Prefetch(hs []uint64) {
	if len(c.slots) == 0 {
		return
	}
	var x uint32
	for _, h := range hs {
		x += c.slots[metaOf(h, 0)>>c.shift].meta
	}
	c.sink += x
}

// probe returns the slot of key k (hash h) and true; or, when k is absent,
// the free slot its probe sequence ends at (-1 without slots) and false;
// and k packed into an integer when it has at most 8 bytes.
// It is the one loop every lookup of Cache and Table runs, written out
// whole (the packing of a short key too) so that a lookup is one call.
func probe[V any, K ~string | ~[]byte](c *Cache[V], h uint64, k K) (_ int, found bool, packed uint64) {
	n := len(k)
	switch { // packed = LoadTail(k, 0, n), by hand
	case n > 8:
	case n >= 4:
		packed = uint64(Load32(k, 0)) | uint64(Load32(k, n-4))<<(8*(n-4))
	case n > 0:
		packed = uint64(k[0]) | uint64(k[n>>1])<<(8*(n>>1)) | uint64(k[n-1])<<(8*(n-1))
	}
	if len(c.slots) == 0 {
		return -1, false, packed
	}
	meta := metaOf(h, n)
	if n <= 8 {
		j, ok := c.probeKey(meta, packed)
		return j, ok, packed
	}
	mask := uint32(len(c.slots) - 1)
	for j := meta >> c.shift; ; j = (j + 1) & mask {
		s := &c.slots[j]
		if s.meta == meta && s.key>>32 == uint64(n) {
			off := uint32(s.key)
			if string(c.arena[off:off+uint32(n)]) == string(k) {
				return int(j), true, packed
			}
		} else if s.meta == 0 {
			return int(j), false, packed
		}
	}
}

// probeKey is probe for a key of at most 8 bytes, packed into key, whose
// meta is meta; the table has slots.
func (c *Cache[V]) probeKey(meta uint32, key uint64) (int, bool) {
	mask := uint32(len(c.slots) - 1)
	for j := meta >> c.shift; ; j = (j + 1) & mask {
		s := &c.slots[j]
		if s.meta == meta && s.key == key {
			return int(j), true
		}
		if s.meta == 0 {
			return int(j), false
		}
	}
}

// ref finds or stores k (hash h); see Ref.
func ref[V any, K ~string | ~[]byte](c *Cache[V], h uint64, k K) (*V, bool) {
	j, found, packed := probe(c, h, k)
	if found {
		return &c.slots[j].val, true
	}
	return insert(c, j, metaOf(h, len(k)), packed, k)
}

// insert stores the absent key k (meta meta, packed into packed when it has
// at most 8 bytes) in free slot j, where its probe ended (-1: none), unless
// the cache refuses it; see Ref.
func insert[V any, K ~string | ~[]byte](c *Cache[V], j int, meta uint32, packed uint64, k K) (*V, bool) {
	if c.limit > 0 && c.n >= c.limit {
		c.refused++
		return nil, false
	}
	if uint64(len(c.arena))+uint64(len(k)) > maxArena {
		return nil, false // offsets and lengths of long keys are 32 bits
	}
	if len(c.slots) == 0 {
		c.alloc(1)
		j = -1
	} else if 4*(c.n+1) > 3*len(c.slots) {
		c.grow()
		j = -1
	}
	s := cacheSlot[V]{meta: meta, key: packed}
	if meta&0xff > 8 {
		s.key = uint64(len(c.arena)) | uint64(len(k))<<32
		c.arena = append(c.arena, k...)
	}
	c.n++
	if j < 0 { // no probe ended in a free slot, or the table grew
		j = c.place(s)
	} else {
		c.slots[j] = s
	}
	return &c.slots[j].val, false
}

// key returns the key of s as a string.
func (c *Cache[V]) key(s *cacheSlot[V]) string {
	if n := s.meta & 0xff; n <= 8 {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], s.key)
		return string(b[:n])
	}
	off := uint32(s.key)
	return string(c.arena[off : off+uint32(s.key>>32)])
}

// place puts s in the first free slot of its probe sequence and returns
// the slot's index.
func (c *Cache[V]) place(s cacheSlot[V]) int {
	mask := uint32(len(c.slots) - 1)
	j := s.meta >> c.shift
	for c.slots[j].meta != 0 {
		j = (j + 1) & mask
	}
	c.slots[j] = s
	return int(j)
}

// grow doubles the slots.
func (c *Cache[V]) grow() {
	old := c.slots
	c.allocSlots(2 * len(old))
	for _, s := range old {
		if s.meta != 0 {
			c.place(s)
		}
	}
}

package wordtab

import "encoding/binary"

// Cache is a growable map from words to values for one goroutine at a
// time: a per-document scratch table (Clear between documents), or a cache
// of what a stage derived from a word (its stem, its cues) that survives
// from document to document on a FreeList.
//
// Layout: open addressing with linear probing; a slot holds the upper half
// of the key's hash (its tag, whose top bits also choose the slot, so that
// growing needs neither the keys nor their hashes), the key's length, the
// key itself when it has at most 8 bytes (else its offset in one byte
// arena) and the value. A lookup of a short word reads one slot and
// nothing else; Prefetch reads the slots of many words at once, so that
// their cache misses overlap. Keys are copied: the cache keeps no reference
// to the caller's text.
//
// Growth and bound: the table doubles at 3/4 load. With WithLimit(n) it
// stops storing at n keys: Put and Ref then refuse new keys (the first
// words of a text are mostly its frequent ones, worth keeping), and after
// refusing 4n keys the cache clears itself and starts over (the texts have
// moved on). A caller must treat a refusal as a miss it computes itself; the
// answers never depend on what the cache holds.
//
// A Cache is not safe for concurrent use. The zero Cache is ready to use,
// without limit.
type Cache[V any] struct {
	slots   []cacheSlot[V] // length a power of two
	shift   uint8          // 32 - log2(len(slots))
	n       int            // keys stored
	arena   []byte         // keys longer than 8 bytes
	limit   int            // most keys stored; 0: no limit
	refused int            // keys refused since the cache filled up
	sink    uint32         // keeps Prefetch's loads
}

type cacheSlot[V any] struct {
	tag  uint32 // the upper half of the key's hash | 1; 0 marks a free slot
	klen uint32
	key  uint64 // the key (little-endian) when klen ≤ 8, else its offset in arena
	val  V
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

const minCacheSlots = 64

// alloc makes room for n keys in a fresh slot array.
func (c *Cache[V]) alloc(n int) {
	size := minCacheSlots
	for 3*size < 4*n {
		size <<= 1
	}
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

func tagOf(h uint64) uint32 { return uint32(h>>32) | 1 }

// Len returns the number of keys stored.
func (c *Cache[V]) Len() int { return c.n }

// Clear removes every key, keeping the memory.
func (c *Cache[V]) Clear() {
	clear(c.slots)
	c.arena = c.arena[:0]
	c.n, c.refused = 0, 0
}

// Get returns the value of k and whether k is stored.
func (c *Cache[V]) Get(k string) (V, bool) { return c.GetHashed(Hash(k), k) }

// GetBytes is Get for a byte-slice key.
func (c *Cache[V]) GetBytes(k []byte) (V, bool) { return c.GetHashedBytes(Hash(k), k) }

// GetHashed is Get for a key whose hash h the caller has. The hash need not
// be Hash(k), but a key must always come with the same hash.
func (c *Cache[V]) GetHashed(h uint64, k string) (V, bool) {
	if j := lookup(c, h, k); j >= 0 {
		return c.slots[j].val, true
	}
	var zero V
	return zero, false
}

// GetHashedBytes is GetHashed for a byte-slice key.
func (c *Cache[V]) GetHashedBytes(h uint64, k []byte) (V, bool) {
	if j := lookup(c, h, k); j >= 0 {
		return c.slots[j].val, true
	}
	var zero V
	return zero, false
}

// Put stores v as the value of k and reports whether it did (false: the
// cache is full, see Cache).
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
// returns nil when k is absent and the cache refuses it (see Cache). The
// pointer is valid until the next call that stores a key.
func (c *Cache[V]) Ref(h uint64, k string) (v *V, found bool) { return ref(c, h, k) }

// RefBytes is Ref for a byte-slice key.
func (c *Cache[V]) RefBytes(h uint64, k []byte) (v *V, found bool) { return ref(c, h, k) }

// Prefetch reads the first slot of each hash in hs. The reads do not depend
// on each other, so the CPU has their cache misses outstanding at once; the
// lookups that follow find the slots in cache.
func (c *Cache[V]) Prefetch(hs []uint64) {
	if len(c.slots) == 0 {
		return
	}
	var x uint32
	for _, h := range hs {
		x += c.slots[tagOf(h)>>c.shift].tag
	}
	c.sink += x
}

// GetUint64 returns the value of the integer key x: the key of its 8 bytes
// in little-endian order, hashed by HashUint64.
func (c *Cache[V]) GetUint64(x uint64) (V, bool) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x)
	return c.GetHashedBytes(HashUint64(x), b[:])
}

// RefUint64 is Ref for the integer key x (see GetUint64).
func (c *Cache[V]) RefUint64(x uint64) (v *V, found bool) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x)
	return ref(c, HashUint64(x), b[:])
}

// lookup returns the slot of key k (hash h), or -1.
func lookup[V any, K ~string | ~[]byte](c *Cache[V], h uint64, k K) int {
	if c.n == 0 {
		return -1
	}
	tag := tagOf(h)
	mask := uint32(len(c.slots) - 1)
	n := len(k)
	short := n <= 8
	var packed uint64
	if short {
		packed = LoadTail(k, 0, n)
	}
	for j := tag >> c.shift; ; j = (j + 1) & mask {
		s := &c.slots[j]
		if s.tag == 0 {
			return -1
		}
		if s.tag != tag || s.klen != uint32(n) {
			continue
		}
		if short {
			if s.key == packed {
				return int(j)
			}
		} else if string(c.arena[s.key:s.key+uint64(n)]) == string(k) {
			return int(j)
		}
	}
}

// ref finds or stores k (hash h); see Ref.
func ref[V any, K ~string | ~[]byte](c *Cache[V], h uint64, k K) (*V, bool) {
	if j := lookup(c, h, k); j >= 0 {
		return &c.slots[j].val, true
	}
	if c.limit > 0 && c.n >= c.limit {
		if c.refused++; c.refused < 4*c.limit {
			return nil, false
		}
		c.Clear()
	}
	if len(c.slots) == 0 {
		c.alloc(1)
	} else if 4*(c.n+1) > 3*len(c.slots) {
		c.grow()
	}
	s := cacheSlot[V]{tag: tagOf(h), klen: uint32(len(k))}
	if len(k) <= 8 {
		s.key = LoadTail(k, 0, len(k))
	} else {
		s.key = uint64(len(c.arena))
		c.arena = append(c.arena, k...)
	}
	c.n++
	return &c.slots[c.place(s)].val, false
}

// place puts s in the first free slot of its probe sequence and returns
// the slot's index.
func (c *Cache[V]) place(s cacheSlot[V]) int {
	mask := uint32(len(c.slots) - 1)
	j := s.tag >> c.shift
	for c.slots[j].tag != 0 {
		j = (j + 1) & mask
	}
	c.slots[j] = s
	return int(j)
}

// grow doubles the slots.
func (c *Cache[V]) grow() {
	old := c.slots
	c.slots, c.shift = make([]cacheSlot[V], 2*len(old)), c.shift-1
	for _, s := range old {
		if s.tag != 0 {
			c.place(s)
		}
	}
}

package wordtab

import (
	"iter"
	"maps"
	"slices"
)

// Table is a read-only map from words to values, built once by New and
// then looked up with strings or byte slices, with or without a hash the
// caller computed before (Hash of the same bytes). A lookup allocates
// nothing.
//
// It is a Cache filled once and at most half full (short probe
// sequences), so a hit on a key of up to 8 bytes reads one 16-byte slot
// (and the value beside it) and nothing else, a longer key one slot and
// its bytes. An optional Filter (WithFilter) answers most misses with one
// load from a small bit array: it pays when most words looked up are in no
// table (a lexicon looked up with every token of a text).
//
// A Table is immutable: safe for concurrent use by any number of
// goroutines. The zero Table is empty.
type Table[V any] struct {
	c      Cache[V]
	filter Filter  // no words: no filter
	order  []int32 // the keys' slots in the order New was given them
}

// Option configures New.
type Option func(*options)

type options struct {
	filterBits int
}

// WithFilter gives the table a Filter of bitsPerKey bits per key (16 is a
// good default), which lookups consult first. It pays when most lookups
// miss.
func WithFilter(bitsPerKey int) Option {
	return func(o *options) { o.filterBits = bitsPerKey }
}

// New builds a table from key-value pairs. A key given twice keeps its last
// value, as a map would. (Keys past 4 GB in all are left out.)
func New[V any](pairs iter.Seq2[string, V], opts ...Option) *Table[V] {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	var keys []string
	var vals []V
	for k, v := range pairs {
		keys = append(keys, k)
		vals = append(vals, v)
	}
	t := &Table[V]{}
	size := minCacheSlots
	for size < 2*len(keys) {
		size <<= 1
	}
	t.c.allocSlots(size)
	if o.filterBits > 0 {
		t.filter = NewFilter(len(keys), o.filterBits)
	}
	for i, k := range keys {
		h := Hash(k)
		t.filter.Add(h)
		p, found := t.c.Ref(h, k)
		if p == nil {
			continue // past 4 GB of keys
		}
		*p = vals[i]
		if !found {
			j, _, _ := probe(&t.c, h, k)
			t.order = append(t.order, int32(j))
		}
	}
	return t
}

// FromMap builds a table from a map.
func FromMap[V any](m map[string]V, opts ...Option) *Table[V] {
	keys := slices.Sorted(maps.Keys(m))
	return New(func(yield func(string, V) bool) {
		for _, k := range keys {
			if !yield(k, m[k]) {
				return
			}
		}
	}, opts...)
}

// Len returns the number of keys.
func (t *Table[V]) Len() int { return t.c.n }

// All returns the keys and values in the order New was first given the
// keys. It allocates the keys of up to 8 bytes: it is for tests and
// serialisation, not for hot paths.
func (t *Table[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for _, j := range t.order {
			s := &t.c.slots[j]
			if !yield(t.c.key(s), s.val) {
				return
			}
		}
	}
}

// MayHave reports whether a key with hash h may be in the table: false only
// when the table's Filter rules it out (always true without a filter).
func (t *Table[V]) MayHave(h uint64) bool {
	return len(t.filter.words) == 0 || t.filter.Has(h)
}

// Get returns the value of k and whether k is a key.
func (t *Table[V]) Get(k string) (V, bool) { return get(t, Hash(k), k) }

// GetBytes is Get for a byte-slice key.
func (t *Table[V]) GetBytes(k []byte) (V, bool) { return get(t, Hash(k), k) }

// GetHashed is Get for a key whose Hash h the caller has.
func (t *Table[V]) GetHashed(h uint64, k string) (V, bool) { return get(t, h, k) }

// GetHashedBytes is GetHashed for a byte-slice key.
func (t *Table[V]) GetHashedBytes(h uint64, k []byte) (V, bool) { return get(t, h, k) }

// get is the lookup of every Get method.
func get[V any, K ~string | ~[]byte](t *Table[V], h uint64, k K) (v V, ok bool) {
	if len(t.filter.words) > 0 && !t.filter.Has(h) {
		return v, false
	}
	j, ok, _ := probe(&t.c, h, k)
	if ok {
		v = t.c.slots[j].val
	}
	return v, ok
}

// GetUint64 returns the value of the integer key x, which New was given as
// the 8 bytes of x in little-endian order (see HashUint64).
func (t *Table[V]) GetUint64(x uint64) (v V, ok bool) {
	h := HashUint64(x)
	if len(t.c.slots) == 0 || len(t.filter.words) > 0 && !t.filter.Has(h) {
		return v, false
	}
	j, ok := t.c.probeKey(metaOf(h, 8), x)
	if ok {
		v = t.c.slots[j].val
	}
	return v, ok
}

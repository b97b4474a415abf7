package wordtab

import (
	"encoding/binary"
	"iter"
	"maps"
	"slices"
)

// Table is a read-only map from words to values, built once by New and
// then looked up with strings or byte slices, with or without a hash the
// caller computed before (Hash of the same bytes). A lookup allocates
// nothing.
//
// Layout: open addressing with linear probing over 8-byte slots, at most
// half full, each holding 32 bits of the key's hash and the key's index;
// the keys lie one after the other in one string, the values in one slice.
// A hit reads one slot, the key's bytes and its value; a miss mostly one
// or two slots, or only the optional Filter (WithFilter), which is the
// cheaper test when most words looked up are in no table (a lexicon
// looked up with every token of a text).
//
// A Table is immutable: safe for concurrent use by any number of
// goroutines. The zero Table is empty.
type Table[V any] struct {
	slots  []uint64 // tag<<32 | index+1; 0 = empty
	keys   string   // the keys, one after the other
	ends   []uint32 // key i is keys[ends[i]:ends[i+1]]
	vals   []V
	filter Filter // no words: no filter
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
// value, as a map would.
func New[V any](pairs iter.Seq2[string, V], opts ...Option) *Table[V] {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	// collect, keeping the last value of a repeated key and the order of
	// first appearance (so that the layout is the same for the same input)
	idx := map[string]int{}
	var keys []string
	var vals []V
	for k, v := range pairs {
		if i, ok := idx[k]; ok {
			vals[i] = v
			continue
		}
		idx[k] = len(keys)
		keys = append(keys, k)
		vals = append(vals, v)
	}
	size := 8
	for size < 2*len(keys) {
		size <<= 1
	}
	t := &Table[V]{slots: make([]uint64, size), ends: make([]uint32, 1, len(keys)+1), vals: vals}
	n := 0
	for _, k := range keys {
		n += len(k)
	}
	buf := make([]byte, 0, n)
	for _, k := range keys {
		buf = append(buf, k...)
		t.ends = append(t.ends, uint32(len(buf)))
	}
	t.keys = string(buf)
	if o.filterBits > 0 {
		t.filter = NewFilter(len(keys), o.filterBits)
	}
	mask := uint64(size - 1)
	for i, k := range keys {
		h := Hash(k)
		t.filter.Add(h)
		j := h & mask
		for t.slots[j] != 0 {
			j = (j + 1) & mask
		}
		t.slots[j] = h>>32<<32 | uint64(i+1)
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
func (t *Table[V]) Len() int { return len(t.vals) }

// All returns the keys and values in the order New was given them.
func (t *Table[V]) All() iter.Seq2[string, V] {
	return func(yield func(string, V) bool) {
		for i := range t.vals {
			if !yield(t.keys[t.ends[i]:t.ends[i+1]], t.vals[i]) {
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
func (t *Table[V]) Get(k string) (V, bool) { return t.GetHashed(Hash(k), k) }

// GetBytes is Get for a byte-slice key.
func (t *Table[V]) GetBytes(k []byte) (V, bool) { return t.GetHashedBytes(Hash(k), k) }

// GetHashed is Get for a key whose Hash h the caller has.
func (t *Table[V]) GetHashed(h uint64, k string) (V, bool) {
	if i := find(t, h, k); i >= 0 {
		return t.vals[i], true
	}
	var zero V
	return zero, false
}

// GetHashedBytes is GetHashed for a byte-slice key.
func (t *Table[V]) GetHashedBytes(h uint64, k []byte) (V, bool) {
	if i := find(t, h, k); i >= 0 {
		return t.vals[i], true
	}
	var zero V
	return zero, false
}

// GetUint64 returns the value of the integer key x, which New was given as
// the 8 bytes of x in little-endian order (see HashUint64).
func (t *Table[V]) GetUint64(x uint64) (V, bool) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], x)
	if i := find(t, HashUint64(x), b[:]); i >= 0 {
		return t.vals[i], true
	}
	var zero V
	return zero, false
}

// find returns the index of key k (hash h), or -1.
func find[V any, K ~string | ~[]byte](t *Table[V], h uint64, k K) int {
	if len(t.filter.words) > 0 && !t.filter.Has(h) || len(t.slots) == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	tag := h >> 32
	for j := h & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s == 0 {
			return -1
		}
		if s>>32 == tag {
			i := int(uint32(s)) - 1
			if t.keys[t.ends[i]:t.ends[i+1]] == string(k) {
				return i
			}
		}
	}
}

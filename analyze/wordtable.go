package analyze

import "math/bits"

// wordTable is a read-only set of string keys with values, built once and
// looked up with byte slices on the hot paths. Go maps hash a string key
// with a general-purpose hash and need a string; the stages look words up
// in caller-owned lower-case buffers, and the tables are small, so open
// addressing with a short multiplicative hash and an equality check is
// cheaper and allocates nothing.
type wordTable[V any] struct {
	slots []wordSlot // power of two, at most half full
	keys  []string
	vals  []V
}

type wordSlot struct {
	hash uint32
	idx  int32 // index+1 into keys and vals; 0 = empty
}

// wordHash hashes a word (a string or a byte slice; both give the same
// hash) from overlapping 8- or 4-byte loads, so that a short word costs
// one or two multiplications.
func wordHash[T ~string | ~[]byte](b T) uint32 {
	n := len(b)
	h := uint64(n) * 0x9e3779b97f4a7c15
	var x uint64
	switch {
	case n >= 8:
		for i := 0; i+8 < n; i += 8 {
			h = mix64(h ^ load64(b, i))
		}
		x = load64(b, n-8)
	case n >= 4:
		x = uint64(load32(b, 0))<<32 | uint64(load32(b, n-4))
	case n > 0:
		x = uint64(b[0])<<16 | uint64(b[n>>1])<<8 | uint64(b[n-1])
	}
	h = mix64(h ^ x)
	return uint32(h ^ h>>32)
}

func mix64(x uint64) uint64 {
	hi, lo := bits.Mul64(x, 0xbf58476d1ce4e5b9)
	return hi ^ lo
}

func load64[T ~string | ~[]byte](b T, i int) uint64 {
	return uint64(b[i]) | uint64(b[i+1])<<8 | uint64(b[i+2])<<16 | uint64(b[i+3])<<24 |
		uint64(b[i+4])<<32 | uint64(b[i+5])<<40 | uint64(b[i+6])<<48 | uint64(b[i+7])<<56
}

func load32[T ~string | ~[]byte](b T, i int) uint32 {
	return uint32(b[i]) | uint32(b[i+1])<<8 | uint32(b[i+2])<<16 | uint32(b[i+3])<<24
}

// newWordTable builds a table from parallel keys and values (keys unique).
func newWordTable[V any](keys []string, vals []V) *wordTable[V] {
	n := 8
	for n < 2*len(keys) {
		n *= 2
	}
	t := &wordTable[V]{slots: make([]wordSlot, n), keys: keys, vals: vals}
	mask := uint32(n - 1)
	for i, k := range keys {
		h := wordHash(k)
		for j := h & mask; ; j = (j + 1) & mask {
			if t.slots[j].idx == 0 {
				t.slots[j] = wordSlot{h, int32(i + 1)}
				break
			}
		}
	}
	return t
}

// wordTableOf builds a table from a map.
func wordTableOf[V any](m map[string]V) *wordTable[V] {
	keys := sortedKeys(m)
	vals := make([]V, len(keys))
	for i, k := range keys {
		vals[i] = m[k]
	}
	return newWordTable(keys, vals)
}

// find returns the index of key k, or -1.
func find[T ~string | ~[]byte, V any](t *wordTable[V], k T) int {
	if len(t.keys) == 0 {
		return -1
	}
	h := wordHash(k)
	mask := uint32(len(t.slots) - 1)
	for j := h & mask; ; j = (j + 1) & mask {
		s := t.slots[j]
		if s.idx == 0 {
			return -1
		}
		if s.hash == h && t.keys[s.idx-1] == string(k) {
			return int(s.idx - 1)
		}
	}
}

// get returns the value of b and whether b is a key.
func (t *wordTable[V]) get(b []byte) (V, bool) {
	if i := find(t, b); i >= 0 {
		return t.vals[i], true
	}
	var zero V
	return zero, false
}

// getString is get for a string key.
func (t *wordTable[V]) getString(s string) (V, bool) {
	if i := find(t, s); i >= 0 {
		return t.vals[i], true
	}
	var zero V
	return zero, false
}

package entities

import (
	"math/bits"
	"unsafe"
)

// The hot path looks every token up in several word sets. Go's string-keyed
// maps hash the key again on each lookup; here a token's lower-cased form is
// hashed once per document and the hash is reused by every table, which
// verifies the key only on a hash hit.

// wordHash hashes a word for wordTable: 8 bytes at a time, each folded in by a
// 64×64→128-bit multiply. It is no defence against chosen collisions, which only
// cost probes: every hit is verified against the key.
func wordHash(s string) uint64 {
	h := uint64(len(s)) ^ hashK0
	for len(s) >= 8 {
		v := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
			uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
		h = mix64(h^v, hashK1)
		s = s[8:]
	}
	var v uint64
	for i := 0; i < len(s); i++ {
		v |= uint64(s[i]) << (8 * i)
	}
	return mix64(h^v, hashK1)
}

// wordHash constants (asciiFacts hashes the same way).
const hashK0, hashK1 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db

func mix64(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

// bytesString views b as a string without a copy; b must not change while the
// string is in use.
func bytesString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}

// wordTable is an open-addressing hash table (linear probing, load ≤ 1/2) from
// words to non-negative int32 values. It is built once and then only read.
// Most tokens are in no table: a bit set over the top bits of the hash (16
// bits per word, a few KB that stay in cache) rejects most of them before a
// slot is read.
type wordTable struct {
	slots  []wordSlot
	mask   uint64
	filter []uint64
	shift  uint // hash >> shift indexes filter bits
}

type wordSlot struct {
	h   uint64
	key string
	val int32 // value+1; 0 marks an empty slot
}

// newWordTable returns a table with room for n words.
func newWordTable(n int) wordTable {
	size := 8
	for size < 2*n {
		size <<= 1
	}
	nbits, shift := 64, uint(64-6)
	for nbits < 16*n {
		nbits <<= 1
		shift--
	}
	return wordTable{slots: make([]wordSlot, size), mask: uint64(size - 1), filter: make([]uint64, nbits/64), shift: shift}
}

// put sets the value of key (replacing an earlier one). The table must have
// been made for enough words.
func (t *wordTable) put(key string, val int32) {
	h := wordHash(key)
	b := h >> t.shift
	t.filter[b>>6] |= 1 << (b & 63)
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.val == 0 || s.h == h && s.key == key {
			*s = wordSlot{h: h, key: key, val: val + 1}
			return
		}
	}
}

// mayHave reports whether a key with wordHash h may be in the table (no false
// negatives).
func (t *wordTable) mayHave(h uint64) bool {
	b := h >> t.shift
	return len(t.filter) > 0 && t.filter[b>>6]&(1<<(b&63)) != 0
}

// get returns the value of key, whose wordHash is h.
func (t *wordTable) get(h uint64, key string) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	if b := h >> t.shift; t.filter[b>>6]&(1<<(b&63)) == 0 {
		return 0, false
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.val == 0 {
			return 0, false
		}
		if s.h == h && s.key == key {
			return s.val - 1, true
		}
	}
}

// scratchTable is a wordTable that is filled per call and reused: keys may
// share a hash (the hash of the lower-cased form keys every written form).
type scratchTable struct {
	slots []scratchSlot
	mask  uint64
	used  int  // slots in use
	dirty bool // slots may be in use: release has not run since reset
}

type scratchSlot struct {
	h    uint64
	key  string
	val  int32
	used bool
}

// reset empties the table and makes room for n keys.
func (t *scratchTable) reset(n int) {
	size := 8
	for size < 2*n {
		size <<= 1
	}
	if cap(t.slots) < size {
		t.slots = make([]scratchSlot, size)
	} else {
		if t.dirty {
			clear(t.slots)
		}
		t.slots = t.slots[:size] // beyond the last size the slots are zero
	}
	t.mask = uint64(size - 1)
	t.used = 0
	t.dirty = true
}

// grow doubles the table, keeping its keys.
func (t *scratchTable) grow() {
	old := t.slots
	t.slots = make([]scratchSlot, max(2*len(old), 8))
	t.mask = uint64(len(t.slots) - 1)
	for _, s := range old {
		if !s.used {
			continue
		}
		i := s.h & t.mask
		for t.slots[i].used {
			i = (i + 1) & t.mask
		}
		t.slots[i] = s
	}
}

// release drops the keys (references into the caller's text).
func (t *scratchTable) release() {
	clear(t.slots)
	t.slots = t.slots[:0]
	t.used = 0
	t.dirty = false
}

// slot returns the slot of key (hash h), claiming an empty one if the key is
// absent; ok reports whether it was present. The table grows when it is
// half full, so reset's n is a hint; the slot is valid until the next call.
func (t *scratchTable) slot(h uint64, key string) (s *scratchSlot, ok bool) {
	if 2*(t.used+1) > len(t.slots) {
		t.grow()
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			*s = scratchSlot{h: h, key: key, used: true}
			t.used++
			return s, false
		}
		if s.h == h && s.key == key {
			return s, true
		}
	}
}

// get returns the value of key (hash h).
func (t *scratchTable) get(h uint64, key string) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	for i := h & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if !s.used {
			return 0, false
		}
		if s.h == h && s.key == key {
			return s.val, true
		}
	}
}

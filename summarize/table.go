package summarize

import "hash/maphash"

// wordTable is the stem cache, a hash table from a surface word to its
// wordEntry. It stands in for a map[string]wordEntry because the lookup is
// the hottest path of the package and the cache is far larger than the CPU
// caches: a Go map touches its directory, control word, slot and key string,
// each a likely cache miss, where a lookup here reads one 32-byte slot
// (linear probing) and, for words longer than 8 bytes, the key in one shared
// arena. Keys are copied into that arena, not allocated one by one. Equality
// is checked on every hit, so the table behaves exactly like the map.
type wordTable struct {
	seed  maphash.Seed
	seed8 uint64     // seed of the hash of short words
	slots []wordSlot // length a power of two, at most 3/4 full
	shift uint8      // 32 - log2(len(slots))
	arena []byte     // keys longer than 8 bytes
	n     int        // words in the table
}

// wordSlot is one word of a wordTable.
type wordSlot struct {
	tag  uint32 // the high half of the word's hash | 1, whose top bits give the slot; 0 marks a free slot
	klen uint32 // key length in bytes
	key  uint64 // a key of up to 8 bytes itself (little-endian), else its offset in arena
	e    wordEntry
}

func newWordTable() wordTable {
	seed := maphash.MakeSeed()
	return wordTable{seed: seed, seed8: maphash.String(seed, "short"), slots: make([]wordSlot, 1024), shift: 32 - 10}
}

// hash returns the hash of word.
func (t *wordTable) hash(word string) uint64 {
	if len(word) <= 8 {
		return t.hashShort(packKey(word), len(word))
	}
	return maphash.String(t.seed, word)
}

// hashShort returns the hash of a word of n ≤ 8 bytes packed into k (see
// packKey), without the call that maphash would cost.
func (t *wordTable) hashShort(k uint64, n int) uint64 {
	h := (k ^ t.seed8) + uint64(n)<<56 // n tells "a" from "a\x00"
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// tagOf returns the slot tag of hash h.
func tagOf(h uint64) uint32 { return uint32(h>>32) | 1 }

// start returns the first slot of the probe sequence of a word with tag
// tag. The slot depends on the tag alone, so that growing the table needs
// neither the words nor their hashes.
func (t *wordTable) start(tag uint32) uint32 { return tag >> t.shift }

// touch reads the first slot of hash h and returns its tag, which means
// nothing: a caller that touches the slots of several words before looking
// them up lets the CPU fetch them from memory in parallel.
func (t *wordTable) touch(h uint64) uint32 {
	return t.slots[t.start(tagOf(h))].tag
}

// packKey returns the bytes of a word of up to 8 bytes as a little-endian
// integer. It reads the word with at most two overlapping loads.
func packKey(word string) uint64 {
	if n := len(word); n >= 4 {
		return le32(word) | le32(word[n-4:])<<(8*(n-4))
	}
	return packShort(word)
}

// packShort is packKey for words of up to 3 bytes.
func packShort(word string) uint64 {
	n := len(word)
	if n == 0 {
		return 0
	}
	return uint64(word[0]) | uint64(word[n/2])<<(8*(n/2)) | uint64(word[n-1])<<(8*(n-1))
}

// le32 returns the first 4 bytes of s as a little-endian integer.
func le32(s string) uint64 {
	_ = s[3]
	return uint64(uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24)
}

// get returns the entry of word, whose hash is h, and whether word is in
// the table; k is packKey(word) for a word of up to 8 bytes.
func (t *wordTable) get(word string, h, k uint64) (wordEntry, bool) {
	tag := tagOf(h)
	mask := uint32(len(t.slots) - 1)
	short := len(word) <= 8
	for i := t.start(tag); ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.tag == 0 {
			return wordEntry{}, false
		}
		if s.tag != tag || s.klen != uint32(len(word)) {
			continue
		}
		if short {
			if s.key == k {
				return s.e, true
			}
		} else if string(t.arena[s.key:s.key+uint64(s.klen)]) == word {
			return s.e, true
		}
	}
}

// put adds word, which must not be in the table and whose hash is h, with
// entry e.
func (t *wordTable) put(word string, h uint64, e wordEntry) {
	if 4*(t.n+1) > 3*len(t.slots) {
		t.grow()
	}
	s := wordSlot{klen: uint32(len(word)), e: e}
	if len(word) <= 8 {
		s.key = packKey(word)
	} else {
		s.key = uint64(len(t.arena))
		t.arena = append(t.arena, word...)
	}
	s.tag = tagOf(h)
	t.insert(s)
	t.n++
}

// insert places s in the first free slot of its probe sequence.
func (t *wordTable) insert(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := t.start(s.tag)
	for t.slots[i].tag != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

// grow doubles the slots.
func (t *wordTable) grow() {
	old := t.slots
	t.slots, t.shift = make([]wordSlot, 2*len(old)), t.shift-1
	for _, s := range old {
		if s.tag != 0 {
			t.insert(s)
		}
	}
}

// clear empties the table, keeping its memory.
func (t *wordTable) clear() {
	clear(t.slots)
	t.arena = t.arena[:0]
	t.n = 0
}

// stemTable maps stems to term ids, as wordTable maps words to entries,
// with 8-byte slots: the stems themselves are in scratch.stemBuf, where
// scratch.stemID compares them.
type stemTable struct {
	seed  maphash.Seed
	slots []stemSlot // length a power of two, at most 3/4 full
	shift uint8      // 32 - log2(len(slots))
	n     int
}

type stemSlot struct {
	tag uint32 // the high half of the stem's hash, whose top bits give the slot
	id1 int32  // term id + 1; 0 marks a free slot
}

func newStemTable() stemTable {
	return stemTable{seed: maphash.MakeSeed(), slots: make([]stemSlot, 1024), shift: 32 - 10}
}

func (t *stemTable) hash(stem string) uint64 { return maphash.String(t.seed, stem) }

// start returns the first slot of hash h's probe sequence.
func (t *stemTable) start(h uint64) uint32 { return uint32(h>>32) >> t.shift }

// next returns the slot after i in a probe sequence.
func (t *stemTable) next(i uint32) uint32 { return (i + 1) & uint32(len(t.slots)-1) }

// put adds term id, whose stem hashes to h and is not in the table.
func (t *stemTable) put(h uint64, id int32) {
	if 4*(t.n+1) > 3*len(t.slots) {
		old := t.slots
		t.slots, t.shift = make([]stemSlot, 2*len(old)), t.shift-1
		for _, s := range old {
			if s.id1 != 0 {
				t.place(s)
			}
		}
	}
	t.place(stemSlot{tag: uint32(h >> 32), id1: id + 1})
	t.n++
}

func (t *stemTable) place(s stemSlot) {
	i := s.tag >> t.shift
	for t.slots[i].id1 != 0 {
		i = t.next(i)
	}
	t.slots[i] = s
}

func (t *stemTable) clear() {
	clear(t.slots)
	t.n = 0
}

// idTable is a per-call hash table from 64-bit keys to int32 values (linear
// probing, no deletion). It remembers its occupied slots, so that emptying
// it costs what filling it did, however large one big text made it.
type idTable struct {
	slots []idSlot // length a power of two, at most half full
	shift uint8    // 64 - log2(len(slots))
	used  []int32  // indices of the occupied slots
}

type idSlot struct {
	key  uint64
	val  int32
	full bool
}

// start returns the first slot of key's probe sequence.
func (t *idTable) start(key uint64) uint64 {
	if t.slots == nil {
		t.slots, t.shift = make([]idSlot, 256), 64-8
	}
	return (key * 0x9e3779b97f4a7c15) >> t.shift // Fibonacci hashing: keys may differ in the high bits only
}

// next returns the slot after i in a probe sequence.
func (t *idTable) next(i uint64) uint64 { return (i + 1) & uint64(len(t.slots)-1) }

// get returns the value of the first entry with key.
func (t *idTable) get(key uint64) (int32, bool) {
	for i := t.start(key); t.slots[i].full; i = t.next(i) {
		if t.slots[i].key == key {
			return t.slots[i].val, true
		}
	}
	return 0, false
}

// add adds an entry, even if one with the same key exists (get then finds
// the older one; a caller that must tell them apart walks the probe
// sequence from start).
func (t *idTable) add(key uint64, val int32) {
	t.start(key) // allocate
	if 2*(len(t.used)+1) > len(t.slots) {
		old := t.used
		olds := t.slots
		t.slots, t.shift = make([]idSlot, 2*len(olds)), t.shift-1
		t.used = make([]int32, 0, 2*cap(old))
		for _, i := range old {
			t.place(olds[i])
		}
	}
	t.place(idSlot{key: key, val: val, full: true})
}

func (t *idTable) place(s idSlot) {
	i := t.start(s.key)
	for t.slots[i].full {
		i = t.next(i)
	}
	t.slots[i] = s
	t.used = append(t.used, int32(i))
}

// reset empties the table.
func (t *idTable) reset() {
	for _, i := range t.used {
		t.slots[i] = idSlot{}
	}
	t.used = t.used[:0]
}

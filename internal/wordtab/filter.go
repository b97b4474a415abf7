package wordtab

// Filter is a set of hashes that may answer "maybe" for a hash it does not
// hold, but never "no" for one it holds: a check that rejects most words
// that are in no table before a slot is read. It is a blocked Bloom
// filter: the low bits of a hash choose one 64-bit word and two of its bits
// are set, so a test costs one load from an array small enough to stay in
// the CPU cache. With 16 bits per key 1–2 % of the hashes not added pass
// (fewer when rounding up to a power of two leaves more bits: 0.7 % for
// 5,000 keys in TestFilterFalsePositives).
//
// The zero Filter holds nothing. Add must not run concurrently with
// anything else; Has is safe for concurrent readers.
type Filter struct {
	words []uint64
	mask  uint64 // len(words) - 1; h & mask indexes words
}

// NewFilter returns a filter sized for n keys at bitsPerKey bits each
// (rounded up to a power of two words; 16 is a good default).
func NewFilter(n, bitsPerKey int) Filter {
	w := max(1, (n*bitsPerKey+63)/64)
	size := 1
	for size < w {
		size <<= 1
	}
	return Filter{words: make([]uint64, size), mask: uint64(size - 1)}
}

// filterBits returns the two bits of h in its word. They come from bits
// 20-31 of the hash, apart from the word index (the low bits) and a table's
// slot and tag (the high half).
func filterBits(h uint64) uint64 {
	return 1<<(h>>20&63) | 1<<(h>>26&63)
}

// Add adds hash h. It does nothing on the zero Filter.
func (f *Filter) Add(h uint64) {
	if len(f.words) == 0 {
		return
	}
	f.words[h&f.mask] |= filterBits(h)
}

// Has reports whether h may have been added (false for every hash on the
// zero Filter).
func (f *Filter) Has(h uint64) bool {
	if len(f.words) == 0 {
		return false
	}
	m := filterBits(h)
	return f.words[h&f.mask]&m == m
}

// Bytes returns the memory the filter takes.
func (f *Filter) Bytes() int { return 8 * len(f.words) }

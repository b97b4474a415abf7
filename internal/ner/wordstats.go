package ner

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Word statistics learnt from the raw text of the training sentences (labels
// unused) and stored in the model:
//
//   - a case profile: how often the word form occurs in lower case versus
//     capitalised inside a sentence. In German every noun is capitalised, but
//     adjectives and verbs are not: "Deutsche", "Neue", "Vereinigte" written
//     capitalised in mid-sentence are (part of) a name.
//   - a distributional signature: a 24-bit random-hyperplane hash (SimHash)
//     of the word's left and right neighbours, weighted by 1/sqrt of the
//     neighbour's frequency. Words used in similar contexts share many bits;
//     three 8-bit slices serve as three cheap word clusters.
//
// The table is keyed by the hash of the lower-case form (tokInfo.lower).

const (
	statMinCount   = 2  // word forms seen fewer times are not stored
	statMinCluster = 3  // forms seen fewer times get no signature
	statSigBits    = 24 // bits of the distributional signature
	statHasSig     = 1 << 31
)

// wordStats is an open-addressed hash table from lower-form hash to a packed
// value: bits 0-3 the case bucket, bits 4-27 the signature, bit 31 set when
// the signature is present. Key 0 marks an empty slot.
type wordStats struct {
	keys []uint64
	vals []uint32
	mask uint64
	n    int
}

func newWordStats(n int) *wordStats {
	size := 16
	for size < 2*n {
		size *= 2
	}
	return &wordStats{keys: make([]uint64, size), vals: make([]uint32, size), mask: uint64(size - 1)}
}

func (s *wordStats) put(k uint64, v uint32) {
	if k == 0 {
		k = 1
	}
	for i := mix(k) & s.mask; ; i = (i + 1) & s.mask {
		if s.keys[i] == 0 {
			s.keys[i], s.vals[i] = k, v
			s.n++
			return
		}
		if s.keys[i] == k {
			s.vals[i] = v
			return
		}
	}
}

// get returns the packed value of k, 0 if absent.
func (s *wordStats) get(k uint64) uint32 {
	if s == nil || s.n == 0 {
		return 0
	}
	if k == 0 {
		k = 1
	}
	for i := mix(k) & s.mask; ; i = (i + 1) & s.mask {
		switch s.keys[i] {
		case k:
			return s.vals[i]
		case 0:
			return 0
		}
	}
}

// entries returns the stored (key, value) pairs sorted by key.
func (s *wordStats) entries() (keys []uint64, vals []uint32) {
	if s == nil {
		return nil, nil
	}
	idx := make([]int, 0, s.n)
	for i, k := range s.keys {
		if k != 0 {
			idx = append(idx, i)
		}
	}
	slices.SortFunc(idx, func(a, b int) int {
		if s.keys[a] < s.keys[b] {
			return -1
		}
		if s.keys[a] > s.keys[b] {
			return 1
		}
		return 0
	})
	for _, i := range idx {
		keys = append(keys, s.keys[i])
		vals = append(vals, s.vals[i])
	}
	return keys, vals
}

// firstCase reports whether w starts with an upper-case or a lower-case letter.
func firstCase(w string) (upper, lower bool) {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r), unicode.IsLower(r)
}

// opensSentence reports whether a capitalised word after w may be capitalised
// for position only (after final punctuation, a colon or an opening quote).
func opensSentence(w string) bool {
	switch w {
	case ".", "!", "?", ":", "„", "\"", "»", "«", "“", "(", "-", "–", "'", "‚":
		return true
	}
	return false
}

// caseBucket maps mid-sentence lower/upper counts to a small bucket (1-9).
func caseBucket(lo, up int) uint32 {
	switch {
	case lo+up == 0:
		return 1
	case lo == 0 && up < 3:
		return 2
	case lo == 0:
		return 3
	case up == 0 && lo < 3:
		return 4
	case up == 0:
		return 5
	}
	f := float64(lo) / float64(lo+up)
	switch {
	case f < 0.1:
		return 6
	case f < 0.5:
		return 7
	case f < 0.9:
		return 8
	}
	return 9
}

// buildWordStats computes the statistics from the words of the training
// sentences (in order; deterministic).
func buildWordStats(sents [][]string) *wordStats {
	type counts struct{ n, lo, up int32 }
	var x extractor
	cnt := map[uint64]*counts{}
	ctxFreq := map[uint64]int32{}
	const left, right = 0x1f3a5c7e9b2d4f61, 0x6e4c2a0816f3d5b7
	lowHashes := make([][]uint64, len(sents))
	for si, ws := range sents {
		x.prepare(ws)
		hs := make([]uint64, len(ws))
		for i, w := range ws {
			h := x.toks[i].lower
			hs[i] = h
			c := cnt[h]
			if c == nil {
				c = &counts{}
				cnt[h] = c
			}
			c.n++
			if i > 0 && !opensSentence(ws[i-1]) {
				up, lo := firstCase(w)
				if up {
					c.up++
				} else if lo {
					c.lo++
				}
			}
		}
		for i := range hs {
			ctxFreq[ctxKey(hs, i-1, left)]++
			ctxFreq[ctxKey(hs, i+1, right)]++
		}
		lowHashes[si] = hs
	}
	sig := map[uint64]*[statSigBits]float64{}
	add := func(acc *[statSigBits]float64, ck uint64) {
		wgt := 1 / math.Sqrt(float64(ctxFreq[ck]))
		r := mix(ck)
		for b := range statSigBits {
			if r&(1<<b) != 0 {
				acc[b] += wgt
			} else {
				acc[b] -= wgt
			}
		}
	}
	for _, hs := range lowHashes {
		for i, h := range hs {
			if cnt[h].n < statMinCluster {
				continue
			}
			acc := sig[h]
			if acc == nil {
				acc = new([statSigBits]float64)
				sig[h] = acc
			}
			add(acc, ctxKey(hs, i-1, left))
			add(acc, ctxKey(hs, i+1, right))
		}
	}
	keys := make([]uint64, 0, len(cnt))
	for h, c := range cnt {
		if c.n >= statMinCount {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	ws := newWordStats(len(keys))
	for _, h := range keys {
		c := cnt[h]
		v := caseBucket(int(c.lo), int(c.up))
		if acc := sig[h]; acc != nil {
			var s uint32
			for b, a := range acc {
				if a > 0 {
					s |= 1 << b
				}
			}
			v |= s<<4 | statHasSig
		}
		ws.put(h, v)
	}
	return ws
}

func ctxKey(hs []uint64, j int, side uint64) uint64 {
	switch {
	case j < 0:
		return bosHash ^ side
	case j >= len(hs):
		return eosHash ^ side
	}
	return hs[j] ^ side
}

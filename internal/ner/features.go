package ner

import (
	"unicode"
	"unicode/utf8"
)

// Feature extraction. Every feature is a 64-bit hash of a template id and
// the bytes or hashes it looks at; the model maps it to a bucket of its weight
// table. Nothing here allocates once the scratch buffers have grown.

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// Template ids (part of the model format: changing one needs retraining).
const (
	tBias uint64 = iota + 1
	tWord
	tLower
	tSuf1
	tSuf2
	tSuf3
	tSuf4
	tPre1
	tPre2
	tPre3
	tPre4
	tShape
	tLowerM2
	tLowerM1
	tLowerP1
	tLowerP2
	tShapeM1
	tShapeP1
	tBigramM1
	tBigramP1
	tShape3
	tHyphFirst
	tHyphLast
	tHyphLastSuf3
	tFirstShape
	tFirstLower
	tHint
	tHintM1
	tHintP1
	tHintShape
	tNounSuffix
	tLenCap
	tLowerM1Shape
	tSuf3M1
	tSuf3P1
	tHintM2P2
	tWordShapeP1
	tPre4P1
	tDomBias
	tDomShape
	tDomSuf3
	tDomShape3
	tLowerP1Shape
	tCase
	tCaseM1
	tClusA
	tClusB
	tClusC
	tClusAM1
	tClusAP1
	tClusAShape
	tQuote
	tQuoteShape
)

const (
	bosHash = 0x5a17c0dec0ffee01
	eosHash = 0x5a17c0dec0ffee02
)

func hashBytes(h uint64, s []byte) uint64 {
	for _, c := range s {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

func hashString(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	return h
}

// mix is a 64-bit finaliser (from SplitMix64).
func mix(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

func feat1(t, a uint64) uint64    { return mix(a ^ t*0x9e3779b97f4a7c15) }
func feat2(t, a, b uint64) uint64 { return mix(mix(a^t*0x9e3779b97f4a7c15) + b) }

// token facts computed once per token
type tokInfo struct {
	word, lower, shape uint64
	suf3               uint64
	pre4               uint64
	lo, hi             int32  // lower form: lower[lo:hi]
	upper              bool   // first rune upper case
	nlen               uint8  // length bucket
	stat               uint32 // wordStats value (0: unknown form)
	quote              uint8  // quoteInside | quoteFirst | quoteLast | quoteMark
}

// quote facts of a token
const (
	quoteInside = 1 << iota // between a pair of quote marks
	quoteFirst              // right after the opening mark
	quoteLast               // right before the closing mark
	quoteMark               // a quote mark itself
)

// isQuote reports whether w is a quotation mark token.
func isQuote(w string) bool {
	switch w {
	case "\"", "„", "“", "”", "«", "»", "‚", "‘", "’", "'", "''", "``":
		return true
	}
	return false
}

// extractor holds per-sentence scratch space.
type extractor struct {
	stats  *wordStats // nil: no word-statistics features
	quotes bool       // quote features on
	lower  []byte
	toks   []tokInfo
	feats  []uint64
}

// nounSuffixes are endings of German common nouns (and of their plurals).
var nounSuffixes = [...]string{
	"ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften",
	"tion", "tionen", "ität", "itäten", "ismus", "ismen", "nis", "nisse",
	"ment", "mente", "ling", "linge", "tum", "tümer", "ik", "ie", "ien",
	"er", "ern", "erin", "erinnen", "ist", "isten", "eur", "eure", "age",
	"sion", "sionen", "anz", "enz", "ur", "ät",
}

// suffixesByLast lists, for each last byte, the indices of nounSuffixes
// ending in it (built once, never changed).
var suffixesByLast = func() (t [256][]uint8) {
	for i, s := range nounSuffixes {
		c := s[len(s)-1]
		t[c] = append(t[c], uint8(i))
	}
	return t
}()

// nounSuffix returns 1 + the index of the longest common-noun ending of low
// (which must be longer than the ending), or 0.
func nounSuffix(low []byte) uint64 {
	if len(low) < 3 {
		return 0
	}
	best, bestLen := 0, 0
	for _, i := range suffixesByLast[low[len(low)-1]] {
		s := nounSuffixes[i]
		if len(s) > bestLen && len(s) < len(low) && string(low[len(low)-len(s):]) == s {
			best, bestLen = int(i)+1, len(s)
		}
	}
	return uint64(best)
}

// suffix returns the last n runes of b.
func suffix(b []byte, n int) []byte {
	i := len(b)
	for k := 0; k < n && i > 0; k++ {
		_, w := utf8.DecodeLastRune(b[:i])
		i -= w
	}
	return b[i:]
}

// prefixStr returns the first n runes of s.
func prefixStr(s string, n int) string {
	i := 0
	for k := 0; k < n && i < len(s); k++ {
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	return s[:i]
}

// prepare computes per-token facts for a sentence.
func (x *extractor) prepare(words []string) {
	x.lower = x.lower[:0]
	x.toks = x.toks[:0]
	for _, w := range words {
		var ti tokInfo
		ti.word = hashString(fnvOffset, w)
		ti.lo = int32(len(x.lower))
		sh := uint64(fnvOffset)
		var last byte
		nsh := 0
		first := true
		runes := 0
		for i := 0; i < len(w); {
			c := w[i]
			var cls byte
			if c < utf8.RuneSelf {
				i++
				switch {
				case 'a' <= c && c <= 'z':
					cls = 'x'
				case 'A' <= c && c <= 'Z':
					cls = 'X'
					c += 'a' - 'A'
				case '0' <= c && c <= '9':
					cls = 'd'
				default:
					cls = c
				}
				x.lower = append(x.lower, c)
			} else {
				r, n := utf8.DecodeRuneInString(w[i:])
				i += n
				switch {
				case unicode.IsUpper(r):
					cls = 'X'
					r = unicode.ToLower(r)
				case unicode.IsLetter(r):
					cls = 'x'
				case unicode.IsDigit(r):
					cls = 'd'
				default:
					cls = 'o'
				}
				if r == utf8.RuneError && n == 1 {
					x.lower = append(x.lower, w[i-1])
				} else {
					x.lower = utf8.AppendRune(x.lower, r)
				}
			}
			if first {
				ti.upper = cls == 'X'
				first = false
			}
			runes++
			if cls != last && nsh < 8 {
				sh ^= uint64(cls)
				sh *= fnvPrime
				last = cls
				nsh++
			}
		}
		ti.hi = int32(len(x.lower))
		ti.shape = sh
		low := x.lower[ti.lo:ti.hi]
		ti.lower = hashBytes(fnvOffset, low)
		ti.suf3 = hashBytes(fnvOffset, suffix(low, 3))
		if x.stats != nil {
			ti.stat = x.stats.get(ti.lower)
		}
		ti.pre4 = hashString(fnvOffset, prefixStr(w, 4))
		switch {
		case runes <= 2:
			ti.nlen = uint8(runes)
		case runes <= 4:
			ti.nlen = 3
		case runes <= 8:
			ti.nlen = 4
		default:
			ti.nlen = 5
		}
		x.toks = append(x.toks, ti)
	}
	// quotes toggle: a name in quotes is often a title (GermEval OTH)
	inside := false
	for i, w := range words {
		t := &x.toks[i]
		if isQuote(w) {
			t.quote = quoteMark
			inside = !inside
			if !inside && i > 0 && x.toks[i-1].quote&quoteInside != 0 {
				x.toks[i-1].quote |= quoteLast
			}
			continue
		}
		if inside {
			t.quote = quoteInside
			if i > 0 && x.toks[i-1].quote == quoteMark {
				t.quote |= quoteFirst
			}
		}
	}
}

// hintAt returns the hint of token i, a boundary marker outside the sentence
// and 0 when there are no hints.
func hintAt(hints []Hint, n, i int) uint64 {
	if i < 0 || i >= n {
		return 0xff00
	}
	if i >= len(hints) {
		return 0
	}
	return uint64(hints[i])
}

// features appends the feature hashes of token i to x.feats[:0] and returns them.
// prepare must have been called for the sentence.
// With useHints false no hint features are made.
// domain is the corpus the sentence comes from (0 at run time): a few
// features are also made per domain, so that corpora with other label
// distributions (historic newspapers, traffic reports) do not bias the
// general weights ("frustratingly easy" domain adaptation, Daumé 2007).
func (x *extractor) features(words []string, hints []Hint, useHints bool, domain uint64, i int) []uint64 {
	f := x.feats[:0]
	t := &x.toks[i]
	n := len(x.toks)
	low := x.lower[t.lo:t.hi]
	w := words[i]
	suf4 := suffix(low, 4)
	suf2 := suffix(suf4, 2)
	suf1 := suffix(suf2, 1)
	pre3 := prefixStr(w, 3)

	lowerAt := func(j int) uint64 {
		if j < 0 {
			return bosHash
		}
		if j >= n {
			return eosHash
		}
		return x.toks[j].lower
	}
	shapeAt := func(j int) uint64 {
		if j < 0 {
			return bosHash
		}
		if j >= n {
			return eosHash
		}
		return x.toks[j].shape
	}
	f = append(f,
		feat1(tBias, 0),
		feat1(tWord, t.word),
		feat1(tLower, t.lower),
		feat1(tSuf1, hashBytes(fnvOffset, suf1)),
		feat1(tSuf2, hashBytes(fnvOffset, suf2)),
		feat1(tSuf3, t.suf3),
		feat1(tSuf4, hashBytes(fnvOffset, suf4)),
		feat1(tPre1, hashString(fnvOffset, pre3[:len(prefixStr(pre3, 1))])),
		feat1(tPre2, hashString(fnvOffset, pre3[:len(prefixStr(pre3, 2))])),
		feat1(tPre3, hashString(fnvOffset, pre3)),
		feat1(tPre4, t.pre4),
		feat1(tShape, t.shape),
		feat1(tLowerM2, lowerAt(i-2)),
		feat1(tLowerM1, lowerAt(i-1)),
		feat1(tLowerP1, lowerAt(i+1)),
		feat1(tLowerP2, lowerAt(i+2)),
		feat1(tShapeM1, shapeAt(i-1)),
		feat1(tShapeP1, shapeAt(i+1)),
		feat2(tBigramM1, lowerAt(i-1), t.lower),
		feat2(tBigramP1, t.lower, lowerAt(i+1)),
		feat2(tShape3, shapeAt(i-1)*31+t.shape, shapeAt(i+1)),
		feat2(tLowerM1Shape, lowerAt(i-1), t.shape),
		feat2(tLenCap, uint64(t.nlen), b2u(t.upper)),
		feat2(tNounSuffix, nounSuffix(low), b2u(t.upper)),
		feat2(tLowerP1Shape, lowerAt(i+1), t.shape),
		feat1(tDomBias, domain),
		feat2(tDomShape, domain, t.shape),
		feat2(tDomSuf3, domain, t.suf3),
		feat2(tDomShape3, domain, shapeAt(i-1)*31+t.shape*7+shapeAt(i+1)),
	)
	if i > 0 {
		f = append(f, feat1(tSuf3M1, x.toks[i-1].suf3))
	}
	if i+1 < n {
		f = append(f, feat1(tSuf3P1, x.toks[i+1].suf3), feat2(tPre4P1, x.toks[i+1].pre4, t.shape))
	}
	if i == 0 {
		f = append(f, feat1(tFirstShape, t.shape), feat1(tFirstLower, t.lower))
	}
	// hyphen parts of compounds: "NVIDIA-Chips" -> nvidia, chips
	if h := indexByte(low, '-'); h > 0 && h < len(low)-1 {
		l := lastIndexByte(low, '-')
		f = append(f,
			feat1(tHyphFirst, hashBytes(fnvOffset, low[:h])),
			feat1(tHyphLast, hashBytes(fnvOffset, low[l+1:])),
			feat1(tHyphLastSuf3, hashBytes(fnvOffset, suffix(low[l+1:], 3))),
		)
	}
	if x.quotes {
		f = append(f, feat2(tQuote, uint64(t.quote), b2u(t.upper)), feat2(tQuoteShape, uint64(t.quote), t.shape))
	}
	if x.stats != nil {
		f = x.statFeatures(f, i, t)
	}
	if useHints {
		h0 := hintAt(hints, n, i)
		f = append(f,
			feat1(tHint, h0),
			feat1(tHintM1, hintAt(hints, n, i-1)),
			feat1(tHintP1, hintAt(hints, n, i+1)),
			feat2(tHintShape, h0, t.shape),
			feat2(tHintM2P2, hintAt(hints, n, i-2), hintAt(hints, n, i+2)),
		)
	}
	x.feats = f
	return f
}

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

func indexByte(b []byte, c byte) int {
	for i, x := range b {
		if x == c {
			return i
		}
	}
	return -1
}

func lastIndexByte(b []byte, c byte) int {
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] == c {
			return i
		}
	}
	return -1
}

// caseOf returns the case bucket of a token with its own capitalisation.
func caseOf(t *tokInfo) uint64 { return uint64(t.stat&15) | b2u(t.upper)<<4 }

// clusterA returns the first signature slice of a token, or 0x100 when the
// token has no signature.
func clusterA(t *tokInfo) uint64 {
	if t.stat&statHasSig == 0 {
		return 0x100
	}
	return uint64(t.stat>>4) & 0xff
}

// statFeatures appends the word-statistics features of token i.
func (x *extractor) statFeatures(f []uint64, i int, t *tokInfo) []uint64 {
	n := len(x.toks)
	prevCase, nextCase := uint64(0x40), uint64(0x40)
	prevA, nextA := uint64(0x200), uint64(0x200)
	if i > 0 {
		prevCase, prevA = caseOf(&x.toks[i-1]), clusterA(&x.toks[i-1])
	}
	if i+1 < n {
		nextCase, nextA = caseOf(&x.toks[i+1]), clusterA(&x.toks[i+1])
	}
	first := b2u(i == 0)
	a := clusterA(t)
	f = append(f,
		feat2(tCase, caseOf(t), first),
		feat2(tCaseM1, prevCase<<8|nextCase, caseOf(t)),
		feat1(tClusA, a),
		feat1(tClusAM1, prevA),
		feat1(tClusAP1, nextA),
		feat2(tClusAShape, a, t.shape),
	)
	if t.stat&statHasSig != 0 {
		f = append(f,
			feat1(tClusB, uint64(t.stat>>12)&0xff),
			feat1(tClusC, uint64(t.stat>>20)&0xff),
		)
	}
	return f
}

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
	class              uint8  // classPlain, classLead, ... (see nameMask)
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
		x.toks = append(x.toks, x.token(w, hashString(fnvOffset, w)))
	}
	x.markQuotes(words)
}

// token computes the facts of word w (whose hash is word), appending its
// lower-case form to x.lower.
func (x *extractor) token(w string, word uint64) tokInfo {
	var ti tokInfo
	ti.word = word
	ti.lo = int32(len(x.lower))
	sh := uint64(fnvOffset)
	var last byte
	nsh := 0
	first := true
	runes := 0
	anyUpper, anyDigit := false, false
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
		anyUpper = anyUpper || cls == 'X'
		anyDigit = anyDigit || cls == 'd'

		runes++
		if cls != last && nsh < 8 {
			sh ^= uint64(cls)
			sh *= fnvPrime
			last = cls
			nsh++
		}
	}
	ti.hi = int32(len(x.lower))
	ti.class = wordClass(w, x.lower[ti.lo:], anyUpper, anyDigit)
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
	return ti
}

// Word classes for Tag's pruning: a token of class classPlain is never part
// of a name, particles only next to one.
const (
	className  = iota // capitalised, mixed case, with digits: may be a name
	classPlain        // a lower-case word that is no name particle
	classLead         // a particle that may begin a name ("von", "de", "van")
	classInner        // a word or sign that may join the parts of a name ("und", "der", "of", "&")
)

// wordClass returns the class of word w with lower-case bytes low.
func wordClass(w string, low []byte, anyUpper, anyDigit bool) uint8 {
	if anyUpper || anyDigit || w == "" {
		return className
	}
	switch w {
	case "dpa", "afp", "apa", "ddp", "dapd", "sid", "kna", "epd", "taz":
		return className // news agencies and papers written lower case
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsLetter(r) {
		return classInner // punctuation: "Procter & Gamble", "1. FC", "90/Die Grünen"
	}
	switch string(low) {
	case "von", "vom", "van", "de", "di", "da", "du", "del", "della", "dos", "le", "la", "al", "el", "ten", "ter", "zu":
		return classLead
	case "und", "der", "die", "das", "des", "dem", "den", "für", "zur", "zum", "im", "am", "an", "auf", "in",
		"bei", "über", "unter", "of", "the", "and", "for", "y", "e", "et", "i", "on", "upon", "st":
		return classInner
	}
	return classPlain
}

// nameMask appends to mask[:0], per prepared token, the labels it may take:
// all for a token that may be part of a name, O alone for the rest. A
// lower-case word is never part of a name; a particle only before a name
// (classLead) or between parts of one (classInner), through at most two
// more particles. Tag computes no emission scores for O-only tokens: in
// German news they are about 60 % of all tokens.
func (x *extractor) nameMask(mask []uint16) (out []uint16, free int) {
	const all, onlyO = 1<<numLabels - 1, 1 << O
	toks := x.toks
	nameAhead := func(i int) bool {
		for j := i + 1; j < len(toks) && j <= i+3; j++ {
			switch toks[j].class {
			case className:
				return true
			case classPlain:
				return false
			}
		}
		return false
	}
	mask = mask[:0]
	for i := range toks {
		ok := false
		switch toks[i].class {
		case className:
			ok = true
		case classLead:
			ok = nameAhead(i)
		case classInner:
			// "Yahoo!", "Fritz!": an exclamation mark may end a name
			ok = i > 0 && mask[i-1] == all && (nameAhead(i) || toks[i].word == bangHash)
		case classPlain:
			// a short quoted title: „Ecce homo“
			ok = toks[i].quote&quoteInside != 0 && x.shortQuote(i)
		}
		if ok {
			mask = append(mask, all)
			free++
		} else {
			mask = append(mask, onlyO)
		}
	}
	return mask, free
}

// bangHash is the word hash of "!".
var bangHash = hashString(fnvOffset, "!")

// shortQuote reports whether token i stands in a quotation of at most six
// tokens that starts with a capitalised word: a title rather than speech.
func (x *extractor) shortQuote(i int) bool {
	lo := i
	for lo > 0 && x.toks[lo-1].quote&quoteMark == 0 {
		lo--
	}
	hi := i
	for hi < len(x.toks) && x.toks[hi].quote&quoteMark == 0 {
		hi++
	}
	return lo > 0 && hi < len(x.toks) && hi-lo <= 6 && x.toks[lo].class == className
}

// markQuotes sets the quote facts of the prepared tokens.
func (x *extractor) markQuotes(words []string) {
	// quotes toggle: a name in quotes is often a title (GermEval OTH)
	inside := false
	for i, w := range words {
		t := &x.toks[i]
		t.quote = 0
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
//
// The features fall into three groups, which Tag memoises differently:
// local ones (the word form alone), neighbour ones (one neighbour's form and
// its offset) and pair ones (everything else).
func (x *extractor) features(words []string, hints []Hint, useHints bool, domain uint64, i int) []uint64 {
	t := &x.toks[i]
	n := len(x.toks)
	f := x.localFeatures(x.feats[:0], words[i], x.lower[t.lo:t.hi], t, domain)
	for _, off := range [...]int{-2, -1, 1, 2} {
		var nb *tokInfo
		if j := i + off; j >= 0 && j < n {
			nb = &x.toks[j]
		}
		f = x.neighbourFeatures(f, nb, off)
	}
	f = x.pairFeatures(f, hints, useHints, domain, i)
	x.feats = f
	return f
}

// localFeatures appends the features that depend on the word form alone (w,
// its lower-case bytes low and its facts t) and on the domain. Tag memoises
// their summed weights per word form, so nothing here may look at the
// neighbours or the position.
func (x *extractor) localFeatures(f []uint64, w string, low []byte, t *tokInfo, domain uint64) []uint64 {
	suf4 := suffix(low, 4)
	suf2 := suffix(suf4, 2)
	suf1 := suffix(suf2, 1)
	pre3 := prefixStr(w, 3)
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
		feat2(tLenCap, uint64(t.nlen), b2u(t.upper)),
		feat2(tNounSuffix, nounSuffix(low), b2u(t.upper)),
		feat1(tDomBias, domain),
		feat2(tDomShape, domain, t.shape),
		feat2(tDomSuf3, domain, t.suf3),
	)
	// hyphen parts of compounds: "NVIDIA-Chips" -> nvidia, chips
	if h := indexByte(low, '-'); h > 0 && h < len(low)-1 {
		l := lastIndexByte(low, '-')
		f = append(f,
			feat1(tHyphFirst, hashBytes(fnvOffset, low[:h])),
			feat1(tHyphLast, hashBytes(fnvOffset, low[l+1:])),
			feat1(tHyphLastSuf3, hashBytes(fnvOffset, suffix(low[l+1:], 3))),
		)
	}
	if x.stats != nil {
		a := clusterA(t)
		f = append(f,
			feat1(tClusA, a),
			feat2(tClusAShape, a, t.shape),
		)
		if t.stat&statHasSig != 0 {
			f = append(f,
				feat1(tClusB, uint64(t.stat>>12)&0xff),
				feat1(tClusC, uint64(t.stat>>20)&0xff),
			)
		}
	}
	return f
}

// neighbourFeatures appends the features that token nb gives the token at
// offset -off from it (nb is the left neighbour for off -1, the right one
// for off 1, two to the left or right for -2 and 2). nb is nil past the
// sentence's edge. Tag memoises their weights per word form and offset.
func (x *extractor) neighbourFeatures(f []uint64, nb *tokInfo, off int) []uint64 {
	lower, shape, clus := uint64(bosHash), uint64(bosHash), uint64(0x200)
	if off > 0 {
		lower, shape = eosHash, eosHash
	}
	if nb != nil {
		lower, shape, clus = nb.lower, nb.shape, clusterA(nb)
	}
	switch off {
	case -2:
		return append(f, feat1(tLowerM2, lower))
	case 2:
		return append(f, feat1(tLowerP2, lower))
	case -1:
		f = append(f, feat1(tLowerM1, lower), feat1(tShapeM1, shape))
		if nb != nil {
			f = append(f, feat1(tSuf3M1, nb.suf3))
		}
		if x.stats != nil {
			f = append(f, feat1(tClusAM1, clus))
		}
	case 1:
		f = append(f, feat1(tLowerP1, lower), feat1(tShapeP1, shape))
		if nb != nil {
			f = append(f, feat1(tSuf3P1, nb.suf3))
		}
		if x.stats != nil {
			f = append(f, feat1(tClusAP1, clus))
		}
	}
	return f
}

// pairFeatures appends the features of token i that combine it with a
// neighbour or look at its position, quotes or hints.
func (x *extractor) pairFeatures(f []uint64, hints []Hint, useHints bool, domain uint64, i int) []uint64 {
	t := &x.toks[i]
	n := len(x.toks)
	lowerM1, shapeM1 := uint64(bosHash), uint64(bosHash)
	lowerP1, shapeP1 := uint64(eosHash), uint64(eosHash)
	if i > 0 {
		lowerM1, shapeM1 = x.toks[i-1].lower, x.toks[i-1].shape
	}
	if i+1 < n {
		lowerP1, shapeP1 = x.toks[i+1].lower, x.toks[i+1].shape
	}
	f = append(f,
		feat2(tBigramM1, lowerM1, t.lower),
		feat2(tBigramP1, t.lower, lowerP1),
		feat2(tShape3, shapeM1*31+t.shape, shapeP1),
		feat2(tLowerM1Shape, lowerM1, t.shape),
		feat2(tLowerP1Shape, lowerP1, t.shape),
		feat2(tDomShape3, domain, shapeM1*31+t.shape*7+shapeP1),
	)
	if i+1 < n {
		f = append(f, feat2(tPre4P1, x.toks[i+1].pre4, t.shape))
	}
	if i == 0 {
		f = append(f, feat1(tFirstShape, t.shape), feat1(tFirstLower, t.lower))
	}
	if x.quotes {
		f = append(f, feat2(tQuote, uint64(t.quote), b2u(t.upper)), feat2(tQuoteShape, uint64(t.quote), t.shape))
	}
	if x.stats != nil {
		prevCase, nextCase := uint64(0x40), uint64(0x40)
		if i > 0 {
			prevCase = caseOf(&x.toks[i-1])
		}
		if i+1 < n {
			nextCase = caseOf(&x.toks[i+1])
		}
		f = append(f,
			feat2(tCase, caseOf(t), b2u(i == 0)),
			feat2(tCaseM1, prevCase<<8|nextCase, caseOf(t)),
		)
	}
	if useHints {
		f = x.hintFeatures(f, hints, i)
	}
	return f
}

// hintFeatures appends the hint features of token i.
func (x *extractor) hintFeatures(f []uint64, hints []Hint, i int) []uint64 {
	n := len(x.toks)
	h0 := hintAt(hints, n, i)
	return append(f,
		feat1(tHint, h0),
		feat1(tHintM1, hintAt(hints, n, i-1)),
		feat1(tHintP1, hintAt(hints, n, i+1)),
		feat2(tHintShape, h0, x.toks[i].shape),
		feat2(tHintM2P2, hintAt(hints, n, i-2), hintAt(hints, n, i+2)),
	)
}

// zeroHintFeatures appends the hint features of a token whose hint and
// whose neighbours' hints (two each side, all inside the sentence) are 0,
// except the one that depends on the token's shape.
func zeroHintFeatures(f []uint64) []uint64 {
	return append(f, feat1(tHint, 0), feat1(tHintM1, 0), feat1(tHintP1, 0), feat2(tHintM2P2, 0, 0))
}

// zeroHints reports whether tokens i-2 … i+2 lie inside the sentence and
// have no hints.
func zeroHints(hints []Hint, n, i int) bool {
	if i < 2 || i+2 >= n {
		return false
	}
	if hints == nil {
		return true
	}
	return hints[i-2]|hints[i-1]|hints[i]|hints[i+1]|hints[i+2] == 0
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

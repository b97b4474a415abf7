package entities

import (
	"encoding/binary"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/techschau/techschau/german"
)

// lexMatch is a lexicon match in one sentence's tokens.
type lexMatch struct {
	tok, tokEnd int    // token index range [tok, tokEnd)
	start, end  int    // byte span of the name
	form        [2]int // byte span of the whole token(s)
	pat         int32
	entry       int32
	derived     bool
	ambiguous   bool
	part        bool // inside a hyphen compound
	version     int  // > 0: the name ends at this byte of the token, a version follows ("DeepSeek-V3.2")
}

// adjective endings tried after an adjective stem, longest first.
var adjEndings = [...]string{"innen", "en", "er", "es", "em", "in", "e", "n", ""} // longest first

// isWordToken reports whether a token can hold a name.
func isWordToken(t german.Token) bool {
	return t.Kind == german.Word || t.Kind == german.Number
}

// firstRune returns the first rune of s.
func firstRune(s string) rune {
	if s == "" {
		return utf8.RuneError
	}
	if s[0] < utf8.RuneSelf {
		return rune(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isUpperRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

// caseOK reports whether text (already known to equal word k of p when
// lower-cased) has an acceptable case.
func (p *pattern) caseOK(k int, text string) bool {
	w := p.words[k]
	if text == w {
		return true
	}
	if p.derived {
		return true
	}
	if p.exactCase[k] {
		return false
	}
	rw, rt := firstRune(w), firstRune(text)
	if isUpperRune(rw) {
		return isUpperRune(rt)
	}
	// a word written with a lower-case first letter (iPhone, eBay, der, für)
	return rw == rt
}

// tokFact is what the matcher, the rules and the linker use of one token, made
// once per document so that each token is lower-cased and hashed only once.
type tokFact struct {
	lower string // german.AppendLower(Text); Text itself when that is lower case
	h     uint64 // wordHash(lower)
	words uint32 // word-list bits (nameLists.wordBits); 0 for a plain lower-case token
	flags uint8
}

// tokFact flags.
const (
	fCap        uint8 = 1 << iota // first rune upper case
	fDigit                        // an ASCII digit
	fUpperAfter                   // an upper-case ASCII letter after the first byte
	fHyphen                       // a hyphen (see hyphenAt)
)

// appendFacts appends the facts of toks to dst. Lower-cased forms that differ
// from the text are written to *arena, which must not be reset while the facts
// are in use. text is the text the tokens are in, or "".
func appendFacts(dst []tokFact, toks []german.Token, text string, arena *[]byte, n *nameLists) []tokFact {
	dst = slices.Grow(dst, len(toks))
	a := *arena
	for i := range toks {
		t := &toks[i]
		s := t.Text
		// the token's bytes followed by eight more of the text, if they are there
		// (a token made by the caller may not be in text)
		var ext string
		if e := t.Start + len(s) + 8; t.Start >= 0 && e <= len(text) && len(s) > 0 &&
			unsafe.StringData(text[t.Start:]) == unsafe.StringData(s) {
			ext = text[t.Start:e]
		}
		start := len(a)
		if cap(a)-start < len(s)+8 {
			a = slices.Grow(a, len(s)+8)
		}
		buf := a[start : start+len(s)+8]
		lw, h, flags, kind := asciiFacts(s, ext, buf)
		switch kind {
		case factsCopied:
			a = a[:start+len(s)] // keep the lower-cased copy
		case factsNonASCII:
			a, flags = appendLowerFlags(a, s)
			lw = bytesString(a[start:])
			h = wordHash(lw)
		}
		if s != "" && (s[0] >= 'A' && s[0] <= 'Z' || s[0] >= utf8.RuneSelf && isUpperRune(firstRune(s))) {
			flags |= fCap
		}
		var words uint32
		if flags&(fCap|fUpperAfter|fDigit) != 0 {
			// the rules read no other word-list bit of a plain lower-case token:
			// first names and org tails are capitalised (TestWordListCase)
			words = n.wordBits(h, lw, s)
		}
		dst = append(dst, tokFact{lower: lw, h: h, flags: flags, words: words})
	}
	*arena = a
	return dst
}

// SWAR constants: bytes of a uint64.
const (
	swarLow7 = 0x7f7f7f7f7f7f7f7f
	swarHigh = 0x8080808080808080
	swarOnes = 0x0101010101010101
)

// swarIn returns 0x80 in each byte of v that is ASCII and in [lo, hi].
func swarIn(v uint64, lo, hi byte) uint64 {
	x := v & swarLow7
	ge := x + uint64(0x80-lo)*swarOnes
	gt := x + uint64(0x7f-hi)*swarOnes
	return ge &^ gt & swarHigh &^ v
}

// le64 returns the first eight bytes of s as a little-endian word.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Results of asciiFacts.
const (
	factsAsIs     = iota // lw is s
	factsCopied          // lw is the lower-cased copy in buf
	factsNonASCII        // s has a byte ≥ 0x80: no result
)

// asciiFacts lower-cases, hashes and flags an ASCII s eight bytes at a time,
// as german.AppendLower, wordHash and appendLowerFlags would. The lower-cased bytes
// are written to buf, which must have room for len(s)+8. h is wordHash(lw).
// ext is "" or s followed by at least eight bytes: the last word of s is then
// loaded at once.
func asciiFacts(s, ext string, buf []byte) (lw string, h uint64, flags uint8, kind int) {
	buf = buf[:len(s)+8]
	h = uint64(len(s)) ^ hashK0
	var upper, after, digit, hyph uint64
	// whole words of eight bytes, then the tail (an empty last word when
	// len(s) is a multiple of 8, as in wordHash)
	for off := 0; ; off += 8 {
		var v uint64
		last := off+8 > len(s)
		switch {
		case !last:
			v = le64(s[off:])
		case len(s) > off && len(ext) >= off+8:
			v = le64(ext[off:]) & (1<<(8*(len(s)-off)) - 1)
		default:
			for j := off; j < len(s); j++ {
				v |= uint64(s[j]) << (8 * (j - off))
			}
		}
		if v&swarHigh != 0 {
			return "", 0, 0, factsNonASCII
		}
		u := swarIn(v, 'A', 'Z')
		upper |= u
		if off == 0 {
			after |= u &^ 0x80
		} else {
			after |= u
		}
		digit |= swarIn(v, '0', '9')
		hyph |= swarIn(v, '-', '-')
		v |= u >> 2
		binary.LittleEndian.PutUint64(buf[off:], v)
		h = mix64(h^v, hashK1)
		if last {
			break
		}
	}
	if after != 0 {
		flags |= fUpperAfter
	}
	if digit != 0 {
		flags |= fDigit
	}
	if hyph != 0 {
		flags |= fHyphen
	}
	if upper == 0 {
		return s, h, flags, factsAsIs
	}
	return bytesString(buf[:len(s)]), h, flags, factsCopied
}

// appendLowerFlags is german.AppendLower and the flags of asciiFacts in one
// pass, for a token that is not ASCII.
func appendLowerFlags(dst []byte, s string) ([]byte, uint8) {
	var flags uint8
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'A' <= c && c <= 'Z':
				if i > 0 {
					flags |= fUpperAfter
				}
				c += 'a' - 'A'
			case '0' <= c && c <= '9':
				flags |= fDigit
			case c == '-':
				flags |= fHyphen
			}
			dst = append(dst, c)
			i++
			continue
		}
		// a hyphen starts a rune; no rune's inner bytes start one
		if hyphenAt(s, i) > 0 {
			flags |= fHyphen
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = append(dst, c)
			i++
			continue
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
		i += n
	}
	return dst, flags
}

// matcher holds the scratch space of one matching call.
type matcher struct {
	lex   *Lexicon
	buf   []byte // lower-cased token
	facts []tokFact
	arena []byte
}

// lower returns the lower-cased s (valid until the next call). Lower-case ASCII
// is returned without a copy; the bytes must not be modified.
func (m *matcher) lower(s string) []byte {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c >= 'A' && c <= 'Z' {
			m.buf = german.AppendLower(m.buf[:0], s)
			return m.buf
		}
	}
	if s == "" {
		return nil
	}
	return unsafe.Slice(unsafe.StringData(s), len(s))
}

// match appends the lexicon matches of toks to out. Matches do not overlap and
// are in token order.
func (m *matcher) match(toks []german.Token, out []lexMatch) []lexMatch {
	if m.lex == nil || len(m.lex.pats) == 0 {
		return out
	}
	m.arena = m.arena[:0]
	m.facts = appendFacts(m.facts[:0], toks, "", &m.arena, names())
	out = m.matchFacts(toks, m.facts, out)
	clear(m.facts)
	return out
}

// matchFacts is match with the facts of toks made by the caller.
func (m *matcher) matchFacts(toks []german.Token, facts []tokFact, out []lexMatch) []lexMatch {
	l := m.lex
	if l == nil || len(l.pats) == 0 {
		return out
	}
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if !isWordToken(*t) || t.Text == "" {
			continue
		}
		// a token that starts no name and no adjective form can only match as
		// a version (a capital and a digit) or a genitive (a capital, final s)
		f := &facts[i]
		names := l.idx.mayHave(f.h)
		if f.flags&fCap == 0 {
			names = l.lowerKeys.mayHave(f.h)
		}
		if names || l.mayAdjective(f.lower) || f.flags&(fHyphen|fCap) == fHyphen|fCap && roleTail(f.lower) > 0 ||
			len(t.Text) == 2 && t.Text[1] == '.' && (i+1 == len(toks) || facts[i+1].flags&fCap != 0) ||
			f.flags&fCap != 0 && (f.flags&fDigit != 0 || f.lower[len(f.lower)-1] == 's') {
			if lm, ok := m.matchAt(toks, facts, i); ok {
				out = append(out, lm)
				i = lm.tokEnd - 1
				continue
			}
		}
		if f.flags&fHyphen != 0 {
			out = m.matchParts(*t, i, out)
		}
	}
	return out
}

// mayAdjective is the cheap part of adjective: whether a stem plus ending can
// be lw (no false negatives).
func (l *Lexicon) mayAdjective(lw string) bool {
	if len(lw) < 3 || len(lw) > l.adjMaxWord {
		return false
	}
	// every stem tried is a prefix of lw
	h := uint32(lw[0]) | uint32(lw[1])<<8 | uint32(lw[2])<<16
	h = (h * 0x9E3779B1) >> 16 // headHash
	return l.adjShort || l.adjHead[h>>3]&(1<<(h&7)) != 0
}

// lookup returns the patterns whose first word is lw (hash h).
func (l *Lexicon) lookup(h uint64, lw string) ([]int32, bool) {
	k, ok := l.idx.get(h, lw)
	if !ok {
		return nil, false
	}
	return l.idxCands[k].all, true
}

// matchAt tries the patterns that start with the whole token toks[i]: multi-word
// names, the token itself, its genitive, and adjective forms.
func (m *matcher) matchAt(toks []german.Token, facts []tokFact, i int) (lexMatch, bool) {
	l := m.lex
	t := toks[i]
	f := &facts[i]
	lws := f.lower
	lw := unsafe.Slice(unsafe.StringData(lws), len(lws))
	upper := f.flags&fCap != 0
	if !upper && !l.lowerKeys.mayHave(f.h) {
		// a lower-case token starts no name written capitalised: skip the index
	} else if k, ok := l.idx.get(f.h, lws); ok {
		cands := l.idxCands[k].all
		if !upper {
			// a lower-case token matches only names written so ("iPhone", "eBay")
			cands = l.idxCands[k].lower
		}
		class, classOK := int32(-1), false
		for _, pi := range cands {
			q := &l.quick[pi]
			// extend needs the second token to start with the second word
			// (equal, or with a genitive s or as a compound's first part)
			if q.n > 1 && (i+int(q.n) > len(toks) || q.len1 > 0 && !startsWith(facts[i+1].lower, q.len1, q.first1)) {
				continue
			}
			p := &l.pats[pi]
			if q.case0 != class {
				class, classOK = q.case0, p.caseOK(0, t.Text)
			}
			if !classOK {
				continue
			}
			if len(p.words) == 1 {
				return lexMatch{tok: i, tokEnd: i + 1, start: t.Start, end: t.End, form: [2]int{t.Start, t.End},
					pat: pi, entry: p.entry, ambiguous: p.ambiguous}, true
			}
			if lm, ok := m.extend(toks, facts, i, pi); ok {
				return lm, true
			}
		}
	}
	// a version glued to the name: "DeepSeek-V3.2"
	if k := lastDot(t.Text, upper && f.flags&fDigit != 0); k > 0 && k < len(t.Text)-1 && allDigits(t.Text[k+1:]) && len(lw) == len(t.Text) {
		if cands, ok := l.lookup(wordHash(lws[:k]), lws[:k]); ok {
			for _, pi := range cands {
				p := &l.pats[pi]
				if len(p.words) != 1 || !p.caseOK(0, t.Text[:k]) {
					continue
				}
				return lexMatch{tok: i, tokEnd: i + 1, start: t.Start, end: t.End, form: [2]int{t.Start, t.End},
					pat: pi, entry: p.entry, version: k}, true
			}
		}
	}
	// a one-letter name the tokeniser took for an initial: "auf der Plattform X."
	if len(t.Text) == 2 && t.Text[1] == '.' && upper && (i+1 == len(toks) || facts[i+1].flags&fCap != 0) {
		if cands, ok := l.lookup(wordHash(lws[:1]), lws[:1]); ok {
			for _, pi := range cands {
				if p := &l.pats[pi]; len(p.words) == 1 && p.words[0] == t.Text[:1] {
					return lexMatch{tok: i, tokEnd: i + 1, start: t.Start, end: t.Start + 1, form: [2]int{t.Start, t.End},
						pat: pi, entry: p.entry, ambiguous: p.ambiguous}, true
				}
			}
		}
	}
	// a model glued to the line by a hyphen: "Playstation-4", "Nexus-6P"
	if f.flags&fHyphen != 0 && upper {
		if k := strings.LastIndexByte(t.Text, '-'); k > 0 && len(lw) == len(t.Text) && (versionNumber(t.Text[k+1:]) || modelCode(t.Text[k+1:])) {
			if cands, ok := l.lookup(wordHash(lws[:k]), lws[:k]); ok {
				for _, pi := range cands {
					p := &l.pats[pi]
					if len(p.words) != 1 || l.entries[p.entry].Type != PRODUCT || !p.caseOK(0, t.Text[:k]) {
						continue
					}
					return lexMatch{tok: i, tokEnd: i + 1, start: t.Start, end: t.End, form: [2]int{t.Start, t.End},
						pat: pi, entry: p.entry, version: k}, true
				}
			}
		}
	}
	// a role compound names its institution: "EU-Ratspräsident" (EU-Rat),
	// "EU-Kommissionspräsidentin" (EU-Kommission)
	if f.flags&fHyphen != 0 && upper {
		if n := roleTail(lws); n > 0 {
			stem := strings.TrimSuffix(lws[:len(lws)-n], "s")
			if cands, ok := l.lookup(wordHash(stem), stem); ok && strings.IndexByte(stem, '-') > 0 {
				for _, pi := range cands {
					p := &l.pats[pi]
					if len(p.words) != 1 || p.ambiguous || l.entries[p.entry].Type != ORG {
						continue
					}
					return lexMatch{tok: i, tokEnd: i + 1, start: t.Start, end: t.Start + len(stem), form: [2]int{t.Start, t.End},
						pat: pi, entry: p.entry, part: true}, true
				}
			}
		}
	}
	// genitive: Huaweis, Chinas, OpenAI’s
	if n := len(lw); n >= 3 && upper {
		cut := 0
		switch {
		case lw[n-1] == 's' && (lw[n-2] == '\''):
			cut = 2
		case n >= 5 && lw[n-1] == 's' && lw[n-2] == 0x99 && lw[n-3] == 0x80 && lw[n-4] == 0xE2: // ’s
			cut = 4
		case lw[n-1] == 's':
			cut = 1
		}
		if cut > 0 {
			if cands, ok := l.lookup(wordHash(lws[:n-cut]), lws[:n-cut]); ok {
				stem := t.Text[:len(t.Text)-cut]
				for _, pi := range cands {
					p := &l.pats[pi]
					if len(p.words) != 1 || p.ambiguous || !p.caseOK(0, stem) {
						continue
					}
					return lexMatch{tok: i, tokEnd: i + 1, start: t.Start, end: t.Start + len(stem), form: [2]int{t.Start, t.End},
						pat: pi, entry: p.entry}, true
				}
			}
		}
	}
	if pi, ok := m.adjective(lw); ok && m.derivedOK(toks, i, pi, len(lw)) {
		p := &l.pats[pi]
		return lexMatch{tok: i, tokEnd: i + 1, start: t.Start, end: t.End, form: [2]int{t.Start, t.End},
			pat: pi, entry: p.entry, derived: true}, true
	}
	return lexMatch{}, false
}

// adjective looks lw up as an adjective stem plus ending.
func (m *matcher) adjective(lw []byte) (int32, bool) {
	l := m.lex
	if !l.mayAdjective(bytesString(lw)) {
		return 0, false
	}
	// the endings that fit the last byte, then the bare stem
	var ends [5]int
	k := 0
	switch lw[len(lw)-1] {
	case 'n':
		if hasSuffixBytes(lw, "innen") {
			ends[k] = 5
			k++
		}
		if hasSuffixBytes(lw, "en") {
			ends[k] = 2
			k++
		}
		if hasSuffixBytes(lw, "in") {
			ends[k] = 2
			k++
		}
		ends[k] = 1
		k++
	case 'r', 's', 'm':
		if lw[len(lw)-2] == 'e' {
			ends[k] = 2
			k++
		}
	case 'e':
		ends[k] = 1
		k++
	}
	ends[k] = 0
	k++
	for _, el := range ends[:k] {
		n := len(lw) - el
		if n < 2 || n > l.maxAdj || !l.adjLast[lw[n-1]] {
			continue
		}
		if h := tailHash(lw[:n]); l.adjTail[h>>3]&(1<<(h&7)) == 0 {
			continue
		}
		stem := bytesString(lw[:n])
		if pi, ok := l.adjIdx.get(wordHash(stem), stem); ok {
			return pi, true
		}
	}
	return 0, false
}

// extend checks the words after the first of the multi-word pattern pi at toks[i].
// The last word may carry a genitive -s or be the first part of a compound.
func (m *matcher) extend(toks []german.Token, facts []tokFact, i int, pi int32) (lexMatch, bool) {
	p := &m.lex.pats[pi]
	n := len(p.words)
	if i+n > len(toks) {
		return lexMatch{}, false
	}
	for k := 1; k < n; k++ {
		t := toks[i+k]
		last := k == n-1
		lw := facts[i+k].lower
		if lw == p.lower[k] && p.caseOK(k, t.Text) {
			if last {
				return lexMatch{tok: i, tokEnd: i + n, start: toks[i].Start, end: t.End, form: [2]int{toks[i].Start, t.End},
					pat: pi, entry: p.entry, ambiguous: p.ambiguous}, true
			}
			continue
		}
		if !last {
			return lexMatch{}, false
		}
		w := p.lower[k]
		// genitive
		if len(lw) == len(w)+1 && lw[len(w)] == 's' && lw[:len(w)] == w && p.caseOK(k, t.Text[:len(w)]) {
			return lexMatch{tok: i, tokEnd: i + n, start: toks[i].Start, end: t.Start + len(w), form: [2]int{toks[i].Start, t.End},
				pat: pi, entry: p.entry, ambiguous: p.ambiguous}, true
		}
		// first part of a compound: "Huawei Ascend-Chips"
		if len(lw) > len(w)+1 && len(lw) == len(t.Text) && lw[:len(w)] == w && hyphenAt(t.Text, len(w)) > 0 && p.caseOK(k, t.Text[:len(w)]) {
			return lexMatch{tok: i, tokEnd: i + n, start: toks[i].Start, end: t.Start + len(w), form: [2]int{toks[i].Start, t.End},
				pat: pi, entry: p.entry, ambiguous: p.ambiguous}, true
		}
	}
	return lexMatch{}, false
}

// maxParts bounds the hyphen parts looked at in one compound.
const maxParts = 8

// matchParts looks for names among the hyphen parts of a compound token.
func (m *matcher) matchParts(t german.Token, i int, out []lexMatch) []lexMatch {
	var ps [maxParts][2]int // offsets relative to t.Start
	n := 0
	s := t.Text
	start := 0
	for j := 0; j < len(s) && n < maxParts; {
		w := hyphenAt(s, j)
		if w == 0 {
			j++
			continue
		}
		if j > start {
			ps[n] = [2]int{start, j}
			n++
		}
		j += w
		start = j
	}
	if n == 0 {
		return out
	}
	if len(s) > start && n < maxParts {
		ps[n] = [2]int{start, len(s)}
		n++
	}
	if n < 2 {
		return out
	}
	l := m.lex
	for a := 0; a < n; a++ {
		found := false
		for b := n - 1; b >= a && !found; b-- {
			if a == 0 && b == n-1 {
				continue // the whole token was tried
			}
			sub := s[ps[a][0]:ps[b][1]]
			lw := m.lower(sub)
			if cands, ok := l.lookup(wordHash(bytesString(lw)), bytesString(lw)); ok {
				for _, pi := range cands {
					p := &l.pats[pi]
					// an ambiguous name only as the first part, where the
					// recogniser asks what the rest says ("Spiegel-Bericht")
					if len(p.words) != 1 || p.ambiguous && a != 0 || !p.caseOK(0, sub) {
						continue
					}
					out = append(out, lexMatch{tok: i, tokEnd: i + 1, start: t.Start + ps[a][0], end: t.Start + ps[b][1],
						form: [2]int{t.Start, t.End}, pat: pi, entry: p.entry, part: true, ambiguous: p.ambiguous})
					found = true
					break
				}
			}
			if !found && b == n-1 && len(lw) > 3 && lw[len(lw)-1] == 's' {
				stem := bytesString(lw[:len(lw)-1])
				if cands, ok := l.lookup(wordHash(stem), stem); ok {
					for _, pi := range cands {
						p := &l.pats[pi]
						if len(p.words) != 1 || p.ambiguous || !p.caseOK(0, sub[:len(sub)-1]) {
							continue
						}
						out = append(out, lexMatch{tok: i, tokEnd: i + 1, start: t.Start + ps[a][0], end: t.Start + ps[b][1] - 1,
							form: [2]int{t.Start, t.End}, pat: pi, entry: p.entry, part: true})
						found = true
						break
					}
				}
			}
			if !found && a == b {
				if pi, ok := m.adjective(lw); ok {
					out = append(out, lexMatch{tok: i, tokEnd: i + 1, start: t.Start + ps[a][0], end: t.Start + ps[b][1],
						form: [2]int{t.Start, t.End}, pat: pi, entry: l.pats[pi].entry, derived: true, part: true})
					found = true
				}
			}
			if found {
				a = b
			}
		}
	}
	return out
}

// hyphenAt returns the byte width of a hyphen ('-', U+2010, U+2011) at s[i], or 0.
func hyphenAt(s string, i int) int {
	if i >= len(s) {
		return 0
	}
	if s[i] == '-' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91) {
		return 3
	}
	return 0
}

// derivedOK rejects adjective matches that are no place reference: a lower-case
// adjective written capitalised inside a sentence before a noun is part of a name
// ("Deutschen Landkreistag"), and the bare capitalised stem is a language
// ("auf Deutsch").
func (m *matcher) derivedOK(toks []german.Token, i int, pi int32, n int) bool {
	p := &m.lex.pats[pi]
	t := toks[i]
	if !p.lowerAdj || !isUpperRune(firstRune(t.Text)) {
		return true
	}
	if n == len(p.lower[0]) {
		return false // "Deutsch", "Englisch"
	}
	if i == 0 || !isWordToken(toks[i-1]) && toks[i-1].Text != "," {
		return true // sentence start or after a quote or colon
	}
	if i+1 < len(toks) && toks[i+1].Kind == german.Word && isUpperRune(firstRune(toks[i+1].Text)) {
		return false
	}
	return true
}

// startsWith reports whether s may start with a word of n bytes whose first
// byte is b.
func startsWith(s string, n int32, b byte) bool {
	return len(s) >= int(n) && s[0] == b
}

// lastDot returns the index of the last '.' in s if check is true, else -1.
func lastDot(s string, check bool) int {
	if !check {
		return -1
	}
	return strings.LastIndexByte(s, '.')
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func hasSuffixBytes(b []byte, suf string) bool {
	return len(b) >= len(suf) && string(b[len(b)-len(suf):]) == suf
}

// roleTails end role compounds whose first part is an institution
// ("EU-Ratspräsident", "EU-Kommissionssprecherin").
var roleTails = [...]string{"präsidentin", "präsident", "sprecherin", "sprecher", "chefin", "chef", "vorsitzende", "vorsitzender",
	"mitglied", "mitglieder", "beamtin", "beamte", "beamter"}

// roleTail returns the byte length of the role noun lw ends in, or 0.
func roleTail(lw string) int {
	for _, r := range roleTails {
		if len(lw) > len(r)+3 && strings.HasSuffix(lw, r) {
			return len(r)
		}
	}
	return 0
}

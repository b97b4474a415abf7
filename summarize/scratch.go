package summarize

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// dupShare is the share of content terms already covered at which a
// sentence counts as a near-duplicate of the summary so far.
const dupShare = 0.6

// maxVocab bounds the stem cache kept across calls in a pooled scratch.
const maxVocab = 1 << 17

// maxStops bounds the function-word ids (german's stop list has fewer than
// 600 words); words past it are not told apart in XStops.
const maxStops = 1024

// wordEntry is the cached analysis of one surface word (or number): its
// content-term id (-1 for stop words and the like), for hyphenated compounds
// the ids of its parts in scratch.partIDs[p0:p0+np], and what the sentence
// features and keyphrases ask of the word, so that no token is looked at
// twice. It fills 16 bytes, a quarter of a cache line.
type wordEntry struct {
	id    int32
	p0    int32
	np    uint16
	flags uint16 // word-list flags (words.go)
	stop  int16  // function-word id, -1 for content words (and past maxStops)
	bits  uint8  // eAdj, eUpper, …
}

const (
	eAdj           uint8 = 1 << iota // looks like an inflected attributive adjective
	eUpper                           // starts with an upper-case letter (german.Token.IsUpper)
	eAnaphor                         // isAnaphor
	eDemonstrative                   // isDemonstrative
	eNumber                          // a number, counted as a term of its own
	eCapAdj                          // capitalised, yet an adjective by its ending ("US-amerikanischer", "Chinesische")
)

func (e wordEntry) adj() bool           { return e.bits&eAdj != 0 }
func (e wordEntry) upper() bool         { return e.bits&eUpper != 0 }
func (e wordEntry) anaphor() bool       { return e.bits&eAnaphor != 0 }
func (e wordEntry) demonstrative() bool { return e.bits&eDemonstrative != 0 }
func (e wordEntry) p1() int32           { return e.p0 + int32(e.np) }

// termState is the per-call state of one term id, kept in 32 bytes so that
// a token (and a candidate's term in the set search) touches one cache line.
type termState struct {
	tf    int32   // occurrences in the eligible sentences
	mark  uint32  // stamp of the last sentence that saw it
	where int32   // its index in scratch.uniq for the marking sentence
	first int32   // rank of the first eligible sentence with it (termStats)
	bm    uint32  // mark of the summary being extended (choose)
	v     float32 // its value: Model.Term · its features, plus the headline weight
	df    uint16  // eligible sentences with it, saturating (termStats)
	tf3   uint16  // occurrences in the first three, saturating (termStats)
	flags uint8   // tCov, tUpper, …
	runes uint8   // min(runes of the stem, 20): a property of the id, kept across calls
}

// Term flags (termState.flags).
const (
	tCov    uint8 = 1 << iota // covered by a chosen sentence (chooseGreedy)
	tUpper                    // capitalised other than as a sentence's first word
	tWhole                    // a word or number of its own, not only part of a compound
	tNumber                   // a number
	tHead                     // in the headline
)

func (ts *termState) has(f uint8) bool { return ts.flags&f != 0 }

// Sentence flags (sent.flags).
const (
	sQuote uint32 = 1 << iota
	sQuoteStart
	sQuestion
	sColon
	sParen
	sCommas
	sAnaphor
	sOpener
	sMeta
	sNews
	sSpeech
	sSubj
	sDate
	sHead  // part of the headline
	sTrunc // ends with an ellipsis: a teaser cut short, page residue
)

// sent is the per-call analysis of one eligible sentence.
type sent struct {
	idx        int   // index in seg.Sentences
	start, end int   // span
	u0, u1     int32 // unique terms in scratch.uniq[u0:u1], counts in scratch.cnt
	s0, s1     int32 // distinct function words in scratch.stops[s0:s1]
	n0, n1     int32 // entities (Hints.Entities indices) in scratch.entList[n0:n1]
	e0         int32 // entries of its word tokens from scratch.ents[e0:]
	words      int32 // word tokens
	toks       int32 // word and number tokens (the length the scorer counts)
	names      int32 // capitalised content words after the first word
	nums       int32 // number tokens
	flags      uint32
	line       bool
	a          float64 // the sentence's share of a set's value numerator (Model.Sent · features, boost)
	num        float64 // a plus the values of its terms: the numerator of its value without the set part
	val        float64 // value of the sentence alone
	score      float64 // positive(val), for the greedy path and the reported score
	runes      int     // length in runes, computed lazily (-1 unknown)
}

func (si *sent) has(f uint32) bool { return si.flags&f != 0 }

// scratch is per-call working memory, pooled by a Summarizer. Term ids map
// stems to dense integers; the word→id cache survives between calls (stems
// are a pure function of the word) and is cleared when it grows too large.
type scratch struct {
	words   wordTable
	stems   stemTable
	partIDs []int32
	nTerms  int32
	stemBuf []byte // the stems by term id, one after the other
	stemEnd []int  // end of the stem in stemBuf by term id
	stopIDs map[string]int16

	terms []termState // by term id; zero for ids not in touched (but mark)
	stamp uint32

	touched   []int32
	hashes    [][2]uint64 // sc.words.hash and packKey of the words of one sentence
	sink      uint32      // keeps the slot reads of load
	ents      []wordEntry // by word token of the eligible sentences, in text order
	uniq      []int32
	cnt       []int32
	stops     []int16
	stopMark  [maxStops]uint32
	entList   []int32    // entities by sentence (sent.n0, n1)
	entPairs  [][2]int32 // (sentence, entity) pairs of mapEntities
	entSal    []float64  // salience of Hints.Entities[i], clamped
	sents     []sent
	headSents []sent // headline sentences (dropHeadline)
	headEnd   int    // end of the first line when it is a headline, else -1 (isHeadline)
	heap      []item
	aside     []item
	chosen    []int
	beam      beamScratch

	// keyphrases
	kpIndex  idTable // packed stem ids → kpGroups index
	kpHeads  idTable // tail of the stem of a one-word group → its index
	kpGroups []phraseGroup
	kpSurf   []surface
	kpWords  []kpWord
	kpCands  []kpCand
	kpTaken  []int32

	maxScore float64
}

func newScratch() *scratch {
	return &scratch{words: newWordTable(), stems: newStemTable(), stopIDs: map[string]int16{}}
}

// addWord analyses word, which is not in sc.words and whose hash is h, and
// adds it.
func (sc *scratch) addWord(word string, h uint64) wordEntry {
	id, lower := sc.contentID(word)
	e := wordEntry{id: id, stop: -1}
	if id < 0 && !hasLetter(word) && hasDigit(word) {
		e.id = sc.termID(word) // a number is a term of its own
		e.bits |= eNumber
	}
	if (german.Token{Text: word}).IsUpper() {
		e.bits |= eUpper
	}
	if isAnaphor(word) {
		e.bits |= eAnaphor
	}
	if isDemonstrative(word) {
		e.bits |= eDemonstrative
	}
	if id >= 0 && isAdjective(lower) {
		e.bits |= eAdj
		if e.bits&eUpper != 0 && isCapAdjective(lower) {
			e.bits |= eCapAdj
		}
	}
	if lower == "" {
		lower = german.Lower(word)
	}
	e.flags = wordFlags(lower)
	if e.id < 0 {
		s, ok := sc.stopIDs[lower]
		if !ok && len(sc.stopIDs) < maxStops {
			s = int16(len(sc.stopIDs))
			sc.stopIDs[lower] = s
			ok = true
		}
		if ok {
			e.stop = s
		}
	}
	if strings.IndexByte(word, '-') >= 0 {
		e.p0 = int32(len(sc.partIDs))
		for part := range strings.SplitSeq(word, "-") {
			if id, _ := sc.contentID(part); id >= 0 && id != e.id {
				sc.partIDs = append(sc.partIDs, id)
			}
		}
		e.np = uint16(min(len(sc.partIDs)-int(e.p0), 1<<16-1))
	}
	sc.words.put(word, h, e)
	return e
}

// contentID returns the term id of word's stem, or -1 when word is no content
// word (stop word, single letter, no letter at all), and for a content word
// its lower-case form.
func (sc *scratch) contentID(word string) (int32, string) {
	if utf8.RuneCountInString(word) < 2 || !hasLetter(word) {
		return -1, ""
	}
	lower := german.Lower(word)
	if german.IsStopWord(lower) {
		return -1, lower
	}
	return sc.termID(german.Stem(lower)), lower
}

// termID returns the term id of stem, adding it when new. Stems of words
// have a letter, numbers have none, so the two never share an id.
func (sc *scratch) termID(stem string) int32 {
	h := sc.stems.hash(stem)
	if id := sc.stemID(stem, h); id >= 0 {
		return id
	}
	id := sc.nTerms
	sc.nTerms++
	sc.stems.put(h, id)
	sc.stemBuf = append(sc.stemBuf, stem...)
	sc.stemEnd = append(sc.stemEnd, len(sc.stemBuf))
	if int(id) >= len(sc.terms) {
		n := max(2*len(sc.terms), 1024)
		sc.terms = grow(sc.terms, n)
	}
	sc.terms[id] = termState{runes: uint8(min(utf8.RuneCountInString(stem), 20))}
	return id
}

// stemID returns the term id of stem, whose sc.stems.hash is h, or -1.
func (sc *scratch) stemID(stem string, h uint64) int32 {
	t := &sc.stems
	for i := t.start(h); t.slots[i].id1 != 0; i = t.next(i) {
		if s := t.slots[i]; s.tag == uint32(h>>32) && string(sc.stem(s.id1-1)) == stem {
			return s.id1 - 1
		}
	}
	return -1
}

// stem returns the stem of term id.
func (sc *scratch) stem(id int32) []byte {
	start := 0
	if id > 0 {
		start = sc.stemEnd[id-1]
	}
	return sc.stemBuf[start:sc.stemEnd[id]]
}

func grow[T any](s []T, n int) []T {
	out := make([]T, n)
	copy(out, s)
	return out
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return true
		}
	}
	return false
}

// load analyses the eligible sentences of seg; with keepEnts it keeps the
// entries of their words in sc.ents for keyphrases.
func (sc *scratch) load(seg *german.Segmented, h Hints, keepEnts bool) {
	// Size the per-token arrays once: grown by append, a multi-megabyte
	// text copied them over and over.
	ntok := 0
	for i := range seg.Sentences {
		ntok += len(seg.Sentences[i].Tokens)
	}
	sc.begin(ntok, len(seg.Sentences), keepEnts)
	for i := range seg.Sentences {
		sc.loadSentence(seg.Text, i, &seg.Sentences[i], h, keepEnts)
	}
	sc.dropHeadline()
}

// loadText segments text and analyses its sentences in one streaming pass
// (german.SegmentSeq): the tokens are read while they are in the cache and
// never all kept. It is load(german.Segment(text), Hints{}, false).
func (sc *scratch) loadText(text string) {
	// about one token per 6 bytes, one sentence per 80, as german.Segment
	// estimates them
	sc.begin(len(text)/6+1, len(text)/80+4, false)
	i := 0
	for s := range german.SegmentSeq(text) {
		sc.loadSentence(text, i, &s, Hints{}, false)
		i++
	}
	sc.dropHeadline()
}

// begin prepares a load of about ntok tokens in nsent sentences.
func (sc *scratch) begin(ntok, nsent int, keepEnts bool) {
	if sc.words.n > maxVocab {
		sc.words.clear()
		sc.stems.clear()
		clear(sc.stopIDs)
		sc.partIDs = sc.partIDs[:0]
		sc.stemBuf = sc.stemBuf[:0]
		sc.stemEnd = sc.stemEnd[:0]
		sc.nTerms = 0
	}
	if keepEnts {
		sc.ents = slices.Grow(sc.ents, ntok)
	}
	sc.uniq = slices.Grow(sc.uniq, ntok)
	sc.cnt = slices.Grow(sc.cnt, ntok)
	sc.sents = slices.Grow(sc.sents, nsent)
}

// counts reports whether token tok of a sentence with span s counts: it
// lies inside s and outside the skipped span (Hints.Skip).
func counts(tok *german.Token, s, skip german.Span) bool {
	return tok.Start >= s.Start && tok.End <= s.End && tok.Start < tok.End &&
		(tok.End <= skip.Start || tok.Start >= skip.End)
}

// headlineWords bounds the words of a line taken as the headline.
const headlineWords = 25

// isHeadline reports whether sentence s of text, the next to be loaded, is
// (part of) the headline: inside h.Headline, or without that hint inside the
// first line of the eligible text when that line is a headline (firstLine).
func (sc *scratch) isHeadline(text string, s *german.Sentence, h Hints) bool {
	if h.Headline.End > h.Headline.Start {
		return s.Start >= h.Headline.Start && s.End <= h.Headline.End
	}
	if len(sc.sents) == 0 {
		sc.headEnd = firstLine(text, s.Start, h.Skip)
	} else if !sc.sents[len(sc.sents)-1].has(sHead) {
		return false
	}
	return s.End <= sc.headEnd
}

// firstLine returns the end of the line of text that starts at start when
// that line reads as a headline, else -1: a line followed by more text, of
// at most headlineWords words, that does not end with a full stop (it ends
// with no punctuation, "?", "!", ":" or an ellipsis, as headlines and
// kickers do; a lead paragraph of one sentence ends with a full stop), and
// holds no dateline (skip).
func firstLine(text string, start int, skip german.Span) int {
	nl := strings.IndexByte(text[start:], '\n')
	if nl < 0 {
		return -1
	}
	end := start + nl
	if strings.TrimSpace(text[end:]) == "" || skip.End > skip.Start && skip.Start < end && skip.End > start {
		return -1
	}
	line := strings.TrimRight(text[start:end], " \t\r\"'“”„«»’)")
	if len(strings.Fields(line)) > headlineWords {
		return -1
	}
	if strings.HasSuffix(line, ".") && !strings.HasSuffix(line, "...") {
		return -1
	}
	return end
}

// loadSentence analyses sentence i of text, s, unless it is not eligible.
func (sc *scratch) loadSentence(text string, i int, s *german.Sentence, h Hints, keepEnts bool) {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return
	}
	if h.Exclude != nil && h.Exclude(i) {
		return
	}
	// Hash the words and numbers first and touch their slots in a tight
	// loop, so that the cache misses of the lookups below overlap instead
	// of coming one by one.
	hs := sc.hashes[:0]
	for ti := range s.Tokens {
		tok := &s.Tokens[ti]
		if tok.Kind != german.Word && tok.Kind != german.Number || !counts(tok, s.Span, h.Skip) {
			continue
		}
		var hk [2]uint64 // hash, packed key
		if n := len(tok.Text); n <= 8 {
			if n >= 4 { // packKey, inlined by hand
				hk[1] = le32(tok.Text) | le32(tok.Text[n-4:])<<(8*(n-4))
			} else {
				hk[1] = packShort(tok.Text)
			}
			hk[0] = sc.words.hashShort(hk[1], n)
		} else {
			hk[0] = sc.words.hash(tok.Text)
		}
		hs = append(hs, hk)
	}
	sc.hashes = hs
	var touch uint32
	for _, hk := range hs {
		touch += sc.words.touch(hk[0])
	}
	sc.sink += touch
	e0 := int32(len(sc.ents))
	u0 := int32(len(sc.uniq))
	s0 := int32(len(sc.stops))
	var flags uint32
	var words, toks, names, nums, commas int32
	var first, second uint16 // word flags of the first two words
	lastPunct, prevPunct := "", ""
	sc.nextStamp() // the sentence's mark for its terms and function words
	for ti := range s.Tokens {
		tok := &s.Tokens[ti]
		if !counts(tok, s.Span, h.Skip) {
			continue
		}
		switch tok.Kind {
		case german.Punct:
			if isQuote(tok.Text) {
				flags |= sQuote
				if toks == 0 && lastPunct == "" {
					flags |= sQuoteStart
				}
			}
			switch tok.Text {
			case "(":
				flags |= sParen
			case ",":
				commas++
			}
			prevPunct, lastPunct = lastPunct, tok.Text
			continue
		case german.Word, german.Number:
		default:
			prevPunct, lastPunct = lastPunct, ""
			continue
		}
		prevPunct, lastPunct = lastPunct, ""
		e, ok := sc.words.get(tok.Text, hs[toks][0], hs[toks][1])
		if !ok {
			e = sc.addWord(tok.Text, hs[toks][0])
		}
		toks++
		if tok.Kind == german.Number {
			nums++
			if isYear(tok.Text) {
				flags |= sDate
			}
			if e.id >= 0 {
				sc.terms[e.id].flags |= tNumber | tWhole
				sc.count(e.id)
			}
			continue
		}
		if words == 0 && e.anaphor() || words < 3 && e.demonstrative() {
			flags |= sAnaphor
		}
		switch words {
		case 0:
			first = e.flags
		case 1:
			second = e.flags
		}
		flags |= uint32(e.flags&(wNews|wSpeech|wSubj|wDate)) << wordToSent
		if words > 0 && e.upper() && e.id >= 0 {
			names++
			sc.terms[e.id].flags |= tUpper
		}
		words++
		if keepEnts {
			sc.ents = append(sc.ents, e)
		}
		if e.id >= 0 {
			sc.terms[e.id].flags |= tWhole
			sc.count(e.id)
		} else if e.stop >= 0 && sc.stopMark[e.stop] != sc.stamp {
			sc.stopMark[e.stop] = sc.stamp
			sc.stops = append(sc.stops, e.stop)
		}
		for _, id := range sc.partIDs[e.p0:e.p1()] {
			sc.count(id)
		}
	}
	if words == 0 {
		sc.uniq, sc.cnt, sc.stops = sc.uniq[:u0], sc.cnt[:u0], sc.stops[:s0]
		return
	}
	switch {
	case lastPunct == "?", isCloser(lastPunct) && prevPunct == "?":
		flags |= sQuestion
	case lastPunct == ":":
		flags |= sColon
	case lastPunct == "...", lastPunct == "…":
		flags |= sTrunc
	}
	if commas >= 3 {
		flags |= sCommas
	}
	if first&wOpener != 0 {
		flags |= sOpener
	}
	if first&wMetaStart != 0 || first&wWie != 0 && second&wMetaAfterWie != 0 ||
		first&wLesen != 0 && second&wSie != 0 || first&wMehr != 0 && second&wMehrObj != 0 {
		flags |= sMeta
	}
	if sc.isHeadline(text, s, h) {
		flags |= sHead
	}
	sc.sents = append(sc.sents, sent{
		idx: i, start: s.Start, end: s.End,
		u0: u0, u1: int32(len(sc.uniq)), s0: s0, s1: int32(len(sc.stops)), e0: e0,
		words: words, toks: toks, names: names, nums: nums, flags: flags, line: s.Line, runes: -1,
	})
}

// dropHeadline moves the headline sentences out of the eligible ones into
// sc.headSents, unless nothing else is left: they are never chosen and do not
// count as ranks, but their terms are marked as headline terms, and
// keyphrases still read them. Headline sentences come first.
func (sc *scratch) dropHeadline() {
	n := 0
	for n < len(sc.sents) && sc.sents[n].has(sHead) {
		n++
	}
	if n == 0 || n == len(sc.sents) {
		for k := range sc.sents {
			sc.sents[k].flags &^= sHead
		}
		return
	}
	for k := range n {
		si := &sc.sents[k]
		for j := si.u0; j < si.u1; j++ {
			sc.terms[sc.uniq[j]].flags |= tHead
		}
	}
	sc.headSents = append(sc.headSents[:0], sc.sents[:n]...)
	sc.sents = append(sc.sents[:0], sc.sents[n:]...)
}

// wordToSent shifts the word flags wNews, wSpeech, wSubj and wDate onto the
// sentence flags sNews, sSpeech, sSubj and sDate (TestFlagShift).
const wordToSent = 9

// isYear reports a number that reads as a year (1900–2099).
func isYear(s string) bool {
	return len(s) == 4 && (s[:2] == "19" || s[:2] == "20") && hasDigit(s[2:3]) && hasDigit(s[3:])
}

// isCloser reports a closing quotation mark or parenthesis after which a
// question mark still ends the sentence.
func isCloser(p string) bool { return p == ")" || isQuote(p) }

// count counts an occurrence of term id in the sentence marked sc.stamp.
func (sc *scratch) count(id int32) {
	ts := &sc.terms[id]
	if ts.mark == sc.stamp {
		sc.cnt[ts.where]++
		ts.tf++
		return
	}
	ts.mark = sc.stamp
	ts.where = int32(len(sc.uniq))
	sc.uniq = append(sc.uniq, id)
	sc.cnt = append(sc.cnt, 1)
	if ts.tf == 0 {
		sc.touched = append(sc.touched, id)
	}
	ts.tf++
}

func (sc *scratch) nextStamp() {
	sc.stamp++
	if sc.stamp == 0 { // wrapped: forget all marks
		for i := range sc.terms {
			sc.terms[i].mark = 0
		}
		clear(sc.stopMark[:])
		sc.stamp = 1
	}
}

// item is a lazy-greedy heap entry.
type item struct {
	val   float64
	k     int32 // index in sc.sents
	round int32 // selection round in which val was computed
}

func (a item) before(b item) bool {
	if a.val != b.val {
		return a.val > b.val
	}
	return a.k < b.k
}

// maxEvals bounds the value recomputations per selection round, which keeps
// selection near-linear when many sentences are asked for (WithRatio on a
// huge text); past the bound the best recomputed sentence is taken.
const maxEvals = 32

// chooseGreedy selects up to n sentences (indices into sc.sents) by maximal
// marginal relevance with a lazy greedy heap: a sentence's value only falls
// as more of its terms are covered, so stale values are upper bounds.
func (sc *scratch) chooseGreedy(text string, n, maxChars int, lambda float64) []int {
	sc.heap = sc.heap[:0]
	for k := range sc.sents {
		sc.heap = append(sc.heap, item{val: (1 - lambda) * sc.sents[k].score / sc.maxScore, k: int32(k)})
	}
	for i := len(sc.heap)/2 - 1; i >= 0; i-- {
		sc.down(i)
	}
	chosen := sc.chosen[:0]
	defer func() { sc.chosen = chosen[:0] }()
	budget := maxChars
	for round := int32(0); len(chosen) < n; round++ {
		aside := sc.aside[:0]
		for evals := 0; len(sc.heap) > 0; {
			top := sc.heap[0]
			si := &sc.sents[top.k]
			if budget >= 0 {
				if si.runes < 0 {
					si.runes = runeCount(text, si.start, si.end)
				}
				if si.runes > budget { // never fits: budgets only shrink
					sc.pop()
					continue
				}
			}
			if top.round == round || evals == maxEvals {
				break
			}
			sc.pop()
			red := sc.redundancy(si)
			if red >= dupShare {
				red = 2 // near-duplicate of what is chosen: only as a last resort
			}
			top.val = (1-lambda)*si.score/sc.maxScore - lambda*red
			top.round = round
			evals++
			aside = append(aside, top)
			if len(sc.heap) == 0 || !sc.heap[0].before(top) {
				break // no stale upper bound beats it
			}
		}
		// the best fresh candidate: in aside, or a fresh heap top
		best := -1
		for i := range aside {
			if best < 0 || aside[i].before(aside[best]) {
				best = i
			}
		}
		var pick item
		switch {
		case len(sc.heap) > 0 && sc.heap[0].round == round && (best < 0 || sc.heap[0].before(aside[best])):
			pick = sc.heap[0]
			sc.pop()
		case best >= 0:
			pick = aside[best]
			aside[best] = aside[len(aside)-1]
			aside = aside[:len(aside)-1]
		default:
			sc.aside = aside
			return chosen
		}
		for _, it := range aside {
			sc.push(it)
		}
		sc.aside = aside[:0]
		si := &sc.sents[pick.k]
		chosen = append(chosen, int(pick.k))
		if budget >= 0 {
			budget -= si.runes
		}
		for j := si.u0; j < si.u1; j++ {
			sc.terms[sc.uniq[j]].flags |= tCov
		}
	}
	return chosen
}

// redundancy is the share of si's content terms already covered.
func (sc *scratch) redundancy(si *sent) float64 {
	n := si.u1 - si.u0
	if n == 0 {
		return 0
	}
	c := 0
	for j := si.u0; j < si.u1; j++ {
		if sc.terms[sc.uniq[j]].has(tCov) {
			c++
		}
	}
	return float64(c) / float64(n)
}

func (sc *scratch) push(it item) {
	sc.heap = append(sc.heap, it)
	i := len(sc.heap) - 1
	for i > 0 {
		parent := (i - 1) / 2
		if !sc.heap[i].before(sc.heap[parent]) {
			return
		}
		sc.heap[i], sc.heap[parent] = sc.heap[parent], sc.heap[i]
		i = parent
	}
}

func (sc *scratch) pop() {
	last := len(sc.heap) - 1
	sc.heap[0] = sc.heap[last]
	sc.heap = sc.heap[:last]
	if last > 0 {
		sc.down(0)
	}
}

func (sc *scratch) down(i int) {
	h := sc.heap
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && h[r].before(h[l]) {
			m = r
		}
		if !h[m].before(h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// reset clears the per-call state, keeping capacity and the word cache.
func (sc *scratch) reset() {
	for _, id := range sc.touched {
		sc.terms[id] = termState{mark: sc.terms[id].mark, runes: sc.terms[id].runes}
	}
	sc.touched = sc.touched[:0]
	sc.ents = sc.ents[:0]
	sc.uniq = sc.uniq[:0]
	sc.cnt = sc.cnt[:0]
	sc.stops = sc.stops[:0]
	sc.entList = sc.entList[:0]
	sc.sents = sc.sents[:0]
	sc.headSents = sc.headSents[:0]
	sc.heap = sc.heap[:0]
}

// anaphors are sentence openers that refer back to earlier sentences.
var anaphors = []string{"er", "sie", "es", "dies", "diese", "dieser", "dieses", "damit", "dabei",
	"daher", "dafür", "deshalb", "deswegen", "auch", "und", "aber", "doch", "zudem", "außerdem",
	"allerdings", "jedoch", "denn", "dort", "hier", "ihm", "ihr", "ihn", "ihnen", "so", "dann", "trotzdem"}

// anaphorInitials has bit c-'a' set for the initial c of every anaphor.
var anaphorInitials = func() uint32 {
	var m uint32
	for _, a := range anaphors {
		m |= 1 << (a[0] - 'a')
	}
	return m
}()

// isDemonstrative reports "dieser" and its forms, which point back when
// they come early in a sentence ("Trotz dieser Bemühungen").
func isDemonstrative(word string) bool {
	if len(word) < 4 || len(word) > 6 || word[0] != 'd' && word[0] != 'D' {
		return false
	}
	for _, d := range [...]string{"dies", "diese", "dieser", "dieses", "diesem", "diesen"} {
		if strings.EqualFold(word, d) {
			return true
		}
	}
	return false
}

func isAnaphor(word string) bool {
	if len(word) > 12 || word == "" {
		return false
	}
	// An ASCII first byte folds only to its other case, so it must be the
	// initial of an anaphor; other first runes ('ſ' folds to 's') go the
	// long way.
	if c := word[0] | 0x20; word[0] < utf8.RuneSelf && (c < 'a' || c > 'z' || anaphorInitials&(1<<(c-'a')) == 0) {
		return false
	}
	ascii := true
	for i := 0; i < len(word); i++ {
		ascii = ascii && word[i] < utf8.RuneSelf
	}
	for _, a := range anaphors {
		// an ASCII word folds byte for byte, so only to one of its length
		if (!ascii || len(a) == len(word)) && strings.EqualFold(word, a) {
			return true
		}
	}
	return false
}

// positive maps a linear score monotonically onto (0, ∞): unchanged above
// 0.01, exponentially approaching 0 below, so that order is kept.
func positive(v float64) float64 {
	const knee = 0.01
	if v >= knee {
		return v
	}
	return max(knee*math.Exp((v-knee)/knee), 1e-300)
}

// isQuote reports a quotation mark token: " „ “ ” » « ‚ ‘ ’ (not ').
func isQuote(p string) bool {
	switch p {
	case "\"", "„", "“", "”", "»", "«", "‚", "‘", "’":
		return true
	}
	return false
}

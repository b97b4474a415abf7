package summarize

import (
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// Sentence features, combined linearly by params.w.
const (
	fBias     = iota
	fFirst    // rank 0 among eligible sentences
	fSecond   // rank 1
	fThird    // rank 2
	fFourth   // rank 3
	fPos      // 1/(1+rank)
	fCen      // centrality: shared content weight with the rest of the text, max 1
	fLead     // share of content terms that the first sentence also has
	fLength   // min(words, 50)/50
	fShort    // fewer than 8 words
	fQuote    // contains a quotation mark
	fRelPos   // rank/sentences
	fLead3    // share of content terms that occur in the first three sentences (others)
	fLong     // more than 35 words
	fNumber   // contains a number
	fAnaphor  // starts with a pronoun or connective that needs context ("Er", "Damit")
	nFeatures // number of features
)

// params are the scoring weights. w was fitted on the 10kGNAD dev
// teaser/body pairs (summarize/tune_test.go): ridge regression (α = 0.03) of
// each sentence's mean ROUGE-1/2/L F1 against the teaser. The lead bonus by
// budget was chosen by 4-fold cross-validation (go test -run
// TestCrossValidateLead -cvlead), which also estimates the held-out margins
// over Lead-k. Coordinate ascent on the margins (-ascend) fitted the dev set
// better but did worse out of fold, so it is not used.
type params struct {
	w           [nFeatures]float64
	lenExp      float64    // centrality = shared weight / uniqueTerms^lenExp
	linePenalty float64    // factor for line units without final punctuation
	boost       float64    // weight of Hints.Boost
	leadBonus   [4]float64 // by budget n (1, 2, 3+): added to each of the first n sentences
}

var defaultParams = params{
	w: [nFeatures]float64{
		fBias:    0.0461,
		fFirst:   0.0037,
		fSecond:  0.0220,
		fThird:   0.0218,
		fFourth:  0.0109,
		fPos:     0.0192,
		fCen:     0.0266,
		fLead:    0.0081,
		fLength:  0.0154,
		fShort:   -0.0170,
		fQuote:   0.0004,
		fRelPos:  -0.0136,
		fLead3:   0.0066,
		fLong:    0.0024,
		fNumber:  0.0011,
		fAnaphor: -0.0050,
	},
	lenExp:      0.5,
	linePenalty: 0.2,
	boost:       0.1,
	leadBonus:   [4]float64{2: 0.005, 3: 0.01},
}

// dupShare is the share of content terms already covered at which a
// sentence counts as a near-duplicate of the summary so far.
const dupShare = 0.6

// maxVocab bounds the stem cache kept across calls in a pooled scratch.
const maxVocab = 1 << 17

// wordEntry is the cached analysis of one surface word: its content-term id
// (-1 for stop words and the like), for hyphenated compounds the ids of its
// parts in scratch.partIDs[p0:p1], and what the sentence features and
// keyphrases ask of the word, so that no token is looked at twice.
type wordEntry struct {
	id            int32
	p0, p1        int32
	adj           bool // looks like an inflected attributive adjective
	upper         bool // starts with an upper-case letter (german.Token.IsUpper)
	anaphor       bool // isAnaphor
	demonstrative bool // isDemonstrative
}

// termState is the per-call state of one term id, kept together so that a
// token touches one cache line.
type termState struct {
	tf    int32  // occurrences in the eligible sentences
	mark  uint32 // stamp of the last sentence that saw it
	where int32  // its index in scratch.uniq for the marking sentence
	cov   bool   // covered by a chosen sentence
}

// sent is the per-call analysis of one eligible sentence.
type sent struct {
	idx        int   // index in seg.Sentences
	start, end int   // span
	u0, u1     int32 // unique terms in scratch.uniq[u0:u1], counts in scratch.cnt
	e0         int32 // entries of its word tokens from scratch.ents[e0:]
	words      int   // word tokens
	line       bool
	number     bool // has a number token
	anaphor    bool // first word needs context
	quote      bool // has a quotation mark
	score      float64
	runes      int // length in runes, computed lazily (-1 unknown)
}

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

	terms []termState // by term id; tf and cov are zero for ids not in touched
	stamp uint32

	touched []int32
	hashes  [][2]uint64 // sc.words.hash and packKey of the words of one sentence
	sink    uint32      // keeps the slot reads of load
	ents    []wordEntry // by word token of the eligible sentences, in text order
	uniq    []int32
	cnt     []int32
	sents   []sent
	heap    []item
	aside   []item
	chosen  []int
	feat    [nFeatures]float64

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
	return &scratch{words: newWordTable(), stems: newStemTable()}
}

// addWord analyses word, which is not in sc.words and whose hash is h, and
// adds it.
func (sc *scratch) addWord(word string, h uint64) wordEntry {
	id, lower := sc.contentID(word)
	e := wordEntry{
		id:            id,
		upper:         german.Token{Text: word}.IsUpper(),
		anaphor:       isAnaphor(word),
		demonstrative: isDemonstrative(word),
	}
	if e.id >= 0 {
		e.adj = isAdjective(lower)
	}
	if strings.IndexByte(word, '-') >= 0 {
		e.p0 = int32(len(sc.partIDs))
		for part := range strings.SplitSeq(word, "-") {
			if id, _ := sc.contentID(part); id >= 0 && id != e.id {
				sc.partIDs = append(sc.partIDs, id)
			}
		}
		e.p1 = int32(len(sc.partIDs))
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
		return -1, ""
	}
	stem := german.Stem(lower)
	h := sc.stems.hash(stem)
	if id := sc.stemID(stem, h); id >= 0 {
		return id, lower
	}
	id := sc.nTerms
	sc.nTerms++
	sc.stems.put(h, id)
	sc.stemBuf = append(sc.stemBuf, stem...)
	sc.stemEnd = append(sc.stemEnd, len(sc.stemBuf))
	if int(id) >= len(sc.terms) {
		sc.terms = grow(sc.terms, max(2*len(sc.terms), 1024))
	}
	return id, lower
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
}

// begin prepares a load of about ntok tokens in nsent sentences.
func (sc *scratch) begin(ntok, nsent int, keepEnts bool) {
	if sc.words.n > maxVocab {
		sc.words.clear()
		sc.stems.clear()
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

// loadSentence analyses sentence i of text, s, unless it is not eligible.
func (sc *scratch) loadSentence(text string, i int, s *german.Sentence, h Hints, keepEnts bool) {
	if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
		return
	}
	if h.Exclude != nil && h.Exclude(i) {
		return
	}
	// Hash the words first and touch their slots in a tight loop, so
	// that the cache misses of the lookups below overlap instead of
	// coming one by one.
	hs := sc.hashes[:0]
	for ti := range s.Tokens {
		tok := &s.Tokens[ti]
		if tok.Kind != german.Word || tok.Start < s.Start || tok.End > s.End || tok.Start >= tok.End {
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
	words := 0
	number, anaphor, quote := false, false, false
	for ti := range s.Tokens {
		tok := &s.Tokens[ti]
		switch tok.Kind {
		case german.Number:
			number = true
		case german.Punct:
			quote = quote || isQuote(tok.Text)
		}
		if tok.Kind != german.Word || tok.Start < s.Start || tok.End > s.End || tok.Start >= tok.End {
			continue
		}
		e, ok := sc.words.get(tok.Text, hs[words][0], hs[words][1])
		if !ok {
			e = sc.addWord(tok.Text, hs[words][0])
		}
		if words == 0 && e.anaphor || words < 3 && e.demonstrative {
			anaphor = true
		}
		if words == 0 {
			sc.nextStamp() // the sentence's mark for its terms
		}
		words++
		if keepEnts {
			sc.ents = append(sc.ents, e)
		}
		if e.id >= 0 {
			sc.count(e.id)
		}
		for _, id := range sc.partIDs[e.p0:e.p1] {
			sc.count(id)
		}
	}
	if words == 0 {
		return
	}
	sc.sents = append(sc.sents, sent{
		idx: i, start: s.Start, end: s.End,
		u0: u0, u1: int32(len(sc.uniq)), e0: e0,
		words: words, line: s.Line, number: number, anaphor: anaphor, quote: quote, runes: -1,
	})
}

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
		sc.stamp = 1
	}
}

// score sets every sentence's relevance.
func (sc *scratch) score(text string, p *params, h Hints, n int) {
	sc.maxScore = 0
	sc.features(text, p, func(k int, f *[nFeatures]float64) {
		si := &sc.sents[k]
		v := 0.0
		for j, x := range f {
			v += p.w[j] * x
		}
		if k < n {
			v += p.leadBonus[min(n, 3)]
		}
		if si.line {
			v *= p.linePenalty
		}
		if h.Boost != nil {
			if b := h.Boost(si.idx); b == b && !math.IsInf(b, 0) { // skip NaN, Inf
				v += p.boost * b
			}
		}
		si.score = positive(v)
		sc.maxScore = max(sc.maxScore, si.score)
	})
}

// features calls fn with the feature vector of every eligible sentence.
func (sc *scratch) features(text string, p *params, fn func(k int, f *[nFeatures]float64)) {
	maxCen := 0.0
	for k := range sc.sents {
		si := &sc.sents[k]
		dot := 0.0
		for j := si.u0; j < si.u1; j++ {
			dot += float64(sc.terms[sc.uniq[j]].tf - sc.cnt[j])
		}
		si.score = 0
		if n := si.u1 - si.u0; n > 0 {
			si.score = dot / math.Pow(float64(n), p.lenExp)
		}
		maxCen = max(maxCen, si.score)
	}
	// mark the terms of the first three sentences: stamp+1..stamp+3 by sentence
	sc.nextStamp()
	sc.nextStamp()
	sc.nextStamp()
	base := sc.stamp - 2
	if base == 0 || base > sc.stamp { // wrapped meanwhile
		for i := range sc.terms {
			sc.terms[i].mark = 0
		}
		sc.stamp, base = 3, 1
	}
	for k := min(len(sc.sents), 3) - 1; k >= 0; k-- {
		si := &sc.sents[k]
		for j := si.u0; j < si.u1; j++ {
			sc.terms[sc.uniq[j]].mark = base + uint32(k)
		}
	}
	n := float64(len(sc.sents))
	f := &sc.feat
	for k := range sc.sents {
		si := &sc.sents[k]
		clear(f[:])
		f[fBias] = 1
		if k < 4 {
			f[fFirst+k] = 1
		}
		f[fPos] = 1 / (1 + float64(k))
		if maxCen > 0 {
			f[fCen] = si.score / maxCen
		}
		if si.u1 > si.u0 {
			c, c3 := 0, 0
			for j := si.u0; j < si.u1; j++ {
				m := sc.terms[sc.uniq[j]].mark
				if m == base && k > 0 {
					c++
				}
				if m >= base && m != base+uint32(k) {
					c3++
				}
			}
			nu := float64(si.u1 - si.u0)
			f[fLead] = float64(c) / nu
			f[fLead3] = float64(c3) / nu
		}
		if si.words > 35 {
			f[fLong] = 1
		}
		if si.number {
			f[fNumber] = 1
		}
		if si.anaphor {
			f[fAnaphor] = 1
		}
		f[fLength] = float64(min(si.words, 50)) / 50
		if si.words < 8 {
			f[fShort] = 1
		}
		if si.quote {
			f[fQuote] = 1
		}
		f[fRelPos] = float64(k) / n
		fn(k, f)
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

// choose selects up to n sentences (indices into sc.sents) by maximal
// marginal relevance with a lazy greedy heap: a sentence's value only falls
// as more of its terms are covered, so stale values are upper bounds.
func (sc *scratch) choose(text string, n, maxChars int, lambda float64) []int {
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
			sc.terms[sc.uniq[j]].cov = true
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
		if sc.terms[sc.uniq[j]].cov {
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
		sc.terms[id].tf, sc.terms[id].cov = 0, false
	}
	sc.touched = sc.touched[:0]
	sc.ents = sc.ents[:0]
	sc.uniq = sc.uniq[:0]
	sc.cnt = sc.cnt[:0]
	sc.sents = sc.sents[:0]
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

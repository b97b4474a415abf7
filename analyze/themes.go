package analyze

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// Theme tagging.
//
// Every body sentence gets, per theme, the sum of the weights of the cues it
// contains (stems, word forms, compound parts, phrases, entity mentions,
// pairs of places), each cue counted at most twice, a cue right after a
// negation (kein, nicht, ohne ...) at 30 %. The sum is divided by the
// sentence length over 18 content words (density: a long sentence needs more
// cues to be "about" the theme) and mapped to a sentence score
// f = clamp((density-0.5)/1.5, 0, 0.85): one weak cue gives nothing. The
// article's score combines its three best sentences as 1 - Π(1 - f), so a
// theme needs one sentence that is mainly about it, or several that are
// partly about it. The best sentences are the evidence.

const (
	sentenceWords = 14.0 // content words at which density is the plain cue sum
	minNorm       = 0.7  // shortest sentences count at most 1/0.7 of their cues
	cueOffset     = 0.4  // density at which a sentence starts to count
	cueScale      = 1.3  // density range from 0 to full sentence score
	sentenceCap   = 0.85 // maximum score from one sentence
	singleCueCap  = 0.45 // maximum score of a sentence with a single weak cue
	strongCue     = 1.3  // weight of a cue that is unambiguous alone
	evidenceMin   = 0.15 // minimum sentence score for evidence
	maxEvidence   = 3
	negationReach = 3 // words after a negation that it affects
	negationKeep  = 0.3
	contextMin    = 2.0 // cue weight over the body that shows a context
)

type cueRef struct {
	theme int32
	cue   int32
	w     float64
}

type phraseCue struct {
	units []int32 // ids of the phrase's units in the tagger's vocabulary
	cueRef
}

type pairCue struct {
	a, b string
	cueRef
}

type tagger struct {
	ids, labels []string
	nThemes     int   // ids[:nThemes] are themes, the rest contexts
	requires    []int // per theme, the index of its required context or -1
	nCues       int
	stems       *wordTable[[]cueRef]
	forms       *wordTable[[]cueRef]
	parts       *wordTable[[]cueRef]
	partLens    []int
	partHead    gramSet // first 4 bytes of compound parts
	// vocab numbers the units of phrases; a sentence is matched against
	// phrases as a sequence of unit ids (-1: a unit no phrase has)
	vocab   *wordTable[int32]
	phrases [][]phraseCue // by the id of the first unit
	empty   int32         // id of the unit "" (a word no cue can match)
	nicht   int32         // id of the unit "nicht" (any negation)
	ents    map[string][]cueRef
	pairs   []pairCue
	// filters: a word whose folded form passes none of them cannot match a
	// stem, part, form or phrase cue and is not stemmed
	prefix    gramSet // first 4 bytes of cue stems
	inner     gramSet // 4-grams of compound parts
	short     *wordTable[bool]
	shortHead gramSet // filters the short lookups (see headKey)
	// filters of mayMatch: a candidate that passes none is not stemmed
	eqKeys    prefixFilter // stems, phrase units, folded forms
	partKeys  prefixFilter // parts
	partTails gramSet      // the last 4 bytes of parts
	shortLens []int
	// partFilter: every part has at least 4 bytes, so partHead rules
	// parts out
	partFilter bool
	pool       sync.Pool       // of *sentScratch
	caches     chan *wordCache // free list (a sync.Pool would drop them at every GC)
	nCaches    atomic.Int32
}

// stopWord reports whether w (lower-cased in lower) is a stop word; its
// unit is then its lower-case form. A capitalised word in mid-sentence is
// a noun or a name in German, except the polite "Sie" forms, so only
// lower-case words and sentence-initial ones are looked up.
func stopWord(w string, lower []byte, initial bool) bool {
	if len(w) == len(lower) && w == string(lower) {
		return german.IsStopWord(w)
	}
	if !initial {
		switch string(lower) {
		case "sie", "ihnen", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres":
			return true
		}
		return false
	}
	if len(lower) > 16 {
		return false
	}
	return german.IsStopWord(unsafe.String(unsafe.SliceData(lower), len(lower)))
}

// unit returns the vocabulary id of a sentence unit, -1 if no phrase has it.
func (g *tagger) unit(b []byte) int32 {
	id, ok := g.vocab.get(b)
	if !ok {
		return -1
	}
	return id
}

// candidate reports whether a word with folded form f may match a cue.
func (g *tagger) candidate(f []byte) bool {
	if len(f) >= 4 && g.prefix.has(f) {
		return true
	}
	for _, l := range g.shortLens {
		if len(f) >= l && g.shortHead.hasKey(headKey(f[:l])) {
			if _, ok := g.short.get(f[:l]); ok {
				return true
			}
		}
	}
	for i := 1; i+4 <= len(f) && len(f) >= 8; i++ {
		if g.inner.has(f[i:]) {
			return true
		}
	}
	return false
}

// addFilter registers a cue stem (already folded) in the filters.
func (g *tagger) addFilter(short map[string]bool, st string, part bool) {
	if st == "" {
		return
	}
	if len(st) < 4 {
		if !short[st] {
			short[st] = true
			if !slices.Contains(g.shortLens, len(st)) {
				g.shortLens = append(g.shortLens, len(st))
			}
		}
	} else {
		g.prefix.add([]byte(st))
	}
	if part {
		for i := 0; i+4 <= len(st); i++ {
			g.inner.add([]byte(st[i:]))
		}
		if len(st) >= 4 {
			g.partHead.add([]byte(st))
		}
	}
}

// isNegator reports the negation words (lower case) of the tagger.
func isNegator(lower []byte) bool {
	switch string(lower) {
	case "kein", "keine", "keinen", "keinem", "keiner", "keines", "nicht", "ohne", "nie", "niemals", "weder":
		return true
	}
	return false
}

var negators = map[string]bool{"kein": true, "keine": true, "keinen": true, "keinem": true, "keiner": true, "keines": true, "nicht": true, "ohne": true, "nie": true, "niemals": true, "weder": true}

// stemUnit stems one word the way the tagger does: stop words stay as
// their lower-case form (they are never stemmed), other words go through
// german.Stem.
func stemUnit(word string) string {
	lw := german.Lower(word)
	if german.IsStopWord(lw) {
		return lw
	}
	return german.Stem(lw)
}

// phraseStems splits a phrase into the units the tagger matches.
func phraseStems(p string) []string {
	var out []string
	for _, tok := range german.Tokens(p) {
		if tok.Kind != german.Word && tok.Kind != german.Number {
			continue
		}
		for _, sp := range tok.Parts() {
			st := stemUnit(p[sp.Start:sp.End])
			if negators[st] {
				st = "nicht"
			}
			out = append(out, st)
		}
	}
	return out
}

func newTagger(t *Taxonomy) *tagger {
	g := &tagger{ents: map[string][]cueRef{}, caches: make(chan *wordCache, min(runtime.GOMAXPROCS(0), maxCaches))}
	stemCues, formCues, partCues := map[string][]cueRef{}, map[string][]cueRef{}, map[string][]cueRef{}
	short := map[string]bool{}
	var vocab []string
	vocabID := map[string]int32{}
	var phrases [][]phraseCue
	cue := int32(0)
	lens := map[int]bool{}
	// contexts are scored like themes, after them, and never listed
	defs := slices.Clone(t.themes)
	g.nThemes = len(defs)
	ctxIndex := map[string]int{}
	for _, name := range sortedKeys(t.contexts) {
		ctxIndex[name] = len(defs)
		defs = append(defs, ThemeDef{ID: "context:" + name, Cues: t.contexts[name]})
	}
	for _, d := range t.themes {
		r := -1
		if i, ok := ctxIndex[d.Requires]; ok && d.Requires != "" {
			r = i
		}
		g.requires = append(g.requires, r)
	}
	for ti, d := range defs {
		g.ids = append(g.ids, d.ID)
		g.labels = append(g.labels, d.LabelDE)
		th := int32(ti)
		add := func(m map[string][]cueRef, k string, w float64) {
			m[k] = append(m[k], cueRef{th, cue, w})
			cue++
		}
		// stems and stemmed words: one cue per stem (the largest weight)
		stems := map[string]float64{}
		for k, w := range d.Cues.Stems {
			stems[k] = maxAbs(stems[k], w)
		}
		for k, w := range d.Cues.Words {
			st := stemUnit(k)
			stems[st] = maxAbs(stems[st], w)
		}
		for _, k := range sortedKeys(stems) {
			add(stemCues, k, stems[k])
			g.addFilter(short, k, false)
		}
		for _, k := range sortedKeys(d.Cues.Forms) {
			add(formCues, k, d.Cues.Forms[k])
			f, _ := foldInto(nil, k)
			g.addFilter(short, string(f), false)
		}
		for _, k := range sortedKeys(d.Cues.Parts) {
			add(partCues, k, d.Cues.Parts[k])
			lens[len(k)] = true
			g.addFilter(short, k, true)
		}
		for _, k := range sortedKeys(d.Cues.Entities) {
			add(g.ents, k, d.Cues.Entities[k])
		}
		for _, k := range sortedKeys(d.Cues.Phrases) {
			st := phraseStems(k)
			if len(st) == 0 {
				continue
			}
			units := make([]int32, len(st))
			for i, x := range st {
				if !german.IsStopWord(x) {
					g.addFilter(short, x, false)
				}
				id, ok := vocabID[x]
				if !ok {
					id = int32(len(vocab))
					vocabID[x] = id
					vocab = append(vocab, x)
					phrases = append(phrases, nil)
				}
				units[i] = id
			}
			phrases[units[0]] = append(phrases[units[0]], phraseCue{units, cueRef{th, cue, d.Cues.Phrases[k]}})
			cue++
		}
		for _, p := range d.Cues.Pairs {
			g.pairs = append(g.pairs, pairCue{p.A, p.B, cueRef{th, cue, p.Weight}})
			cue++
		}
	}
	for l := range lens {
		g.partLens = append(g.partLens, l)
	}
	slices.Sort(g.partLens)
	g.nCues = int(cue)
	g.partFilter = len(g.partLens) > 0 && g.partLens[0] >= 4
	g.stems, g.forms, g.parts = wordTableOf(stemCues), wordTableOf(formCues), wordTableOf(partCues)
	g.short = wordTableOf(short)
	for k := range stemCues {
		g.eqKeys.add(k)
	}
	for k := range formCues {
		f, _ := foldInto(nil, k)
		g.eqKeys.add(string(f))
	}
	for _, k := range vocab {
		g.eqKeys.add(k)
	}
	for k := range partCues {
		g.partKeys.add(k)
		if len(k) < 4 { // no tail to filter by: let every stem through
			for i := range g.partTails {
				g.partTails[i] = ^uint64(0)
			}
			continue
		}
		g.partTails.add([]byte(k[len(k)-4:]))
	}
	for st := range short {
		g.shortHead.addKey(headKey([]byte(st)))
	}
	ids := make([]int32, len(vocab))
	for i := range ids {
		ids[i] = int32(i)
	}
	g.vocab, g.phrases = newWordTable(vocab, ids), phrases
	g.empty, g.nicht = g.unit(nil), g.unit([]byte("nicht"))
	return g
}

// sentScratch is the working memory of one tagging run: the cues of the
// current sentence and the per-document buffers. The tagger pools it.
type sentScratch struct {
	acc     []float64
	ncue    []int     // distinct positive cues per theme
	maxw    []float64 // largest cue weight per theme
	hits    []uint8   // per cue, times counted in the sentence
	touched []int32   // cues with hits > 0
	seq     []int32   // unit ids of the sentence's words
	neg     []bool    // seq position follows a negation within reach
	fold    []byte
	starts  []int
	eh      []entHit
	best    [][]themeHit
	totals  []float64
	cache   *wordCache // nil: none was free
	cues    []cueRef   // the cues of one word when there is no cache
	sink    uint32     // keeps touch's loads
	hashes  []uint32   // wordHash of the sentence's tokens (touch)
	// buffers of sortBySentence
	count    []int
	ehSorted []entHit
}

// entHit is an entity mentioned in a body sentence.
type entHit struct {
	sent int
	id   string
	key  string // country or id of a place, "" for non-places
}

// sortBySentence sorts eh stably by sentence: a counting sort, as the
// sentence indexes are small and a document names many entities.
func (sc *sentScratch) sortBySentence(eh []entHit, nSent int) []entHit {
	if slices.IsSortedFunc(eh, func(a, b entHit) int { return cmp.Compare(a.sent, b.sent) }) {
		return eh
	}
	count := slices.Grow(sc.count[:0], nSent+1)[:nSent+1]
	clear(count)
	for _, h := range eh {
		count[h.sent+1]++
	}
	for i := 1; i < len(count); i++ {
		count[i] += count[i-1]
	}
	out := slices.Grow(sc.ehSorted[:0], len(eh))[:len(eh)]
	for _, h := range eh {
		out[count[h.sent]] = h
		count[h.sent]++
	}
	sc.count = count
	sc.ehSorted = eh // the two buffers swap roles
	return out
}

func (g *tagger) getScratch() *sentScratch {
	if sc, ok := g.pool.Get().(*sentScratch); ok {
		return sc
	}
	nt := len(g.ids)
	return &sentScratch{
		acc: make([]float64, nt), ncue: make([]int, nt), maxw: make([]float64, nt),
		hits: make([]uint8, g.nCues), best: make([][]themeHit, nt), totals: make([]float64, nt),
	}
}

func (g *tagger) putScratch(sc *sentScratch) {
	if cap(sc.seq) > 1<<16 || cap(sc.starts) > 1<<16 || cap(sc.eh) > 1<<14 {
		return // keep no memory of an outsized document
	}
	g.pool.Put(sc)
}

func (sc *sentScratch) add(r cueRef, negated bool) {
	h := sc.hits[r.cue]
	if h >= 2 {
		return
	}
	if h == 0 {
		sc.touched = append(sc.touched, r.cue)
		if r.w > 0 {
			sc.ncue[r.theme]++
			if r.w > sc.maxw[r.theme] && !negated {
				sc.maxw[r.theme] = r.w
			}
		}
	}
	sc.hits[r.cue] = h + 1
	w := r.w
	if negated && w > 0 {
		w *= negationKeep
	}
	sc.acc[r.theme] += w
}

type themeHit struct {
	f   float64
	idx int
}

// tag scores the themes over the body sentences of seg.
// Tokens inside skip (the dateline) are ignored.
func (g *tagger) tag(seg *german.Segmented, bp []bool, ents []entities.Entity, threshold float64, lang string, skip german.Span, stop func() bool) []Theme {
	sc := getScratch()
	defer putScratch(sc)
	sc.low.reset(seg.Text)
	return g.tagLower(seg, &sc.low, bp, ents, threshold, lang, skip, stop)
}

// tagLower is tag with seg.Text lower-cased by the caller.
func (g *tagger) tagLower(seg *german.Segmented, low *lowerText, bp []bool, ents []entities.Entity, threshold float64, lang string, skip german.Span, stop func() bool) []Theme {
	out := []Theme{}
	if lang != "de" || len(g.ids) == 0 {
		return out
	}
	sc := g.getScratch()
	sc.cache = g.getCache()
	defer func() {
		if sc.cache != nil {
			g.putCache(sc.cache)
		}
		sc.cache = nil
		g.putScratch(sc)
	}()
	best, totals := g.sentenceScores(sc, seg, low, bp, ents, skip, stop)
	for t := range g.nThemes {
		hs := best[t]
		if len(hs) == 0 {
			continue
		}
		if r := g.requires[t]; r >= 0 && totals[r] < contextMin {
			continue
		}
		slices.SortStableFunc(hs, func(a, b themeHit) int { return cmp.Compare(b.f, a.f) })
		rest := 1.0
		for i := 0; i < len(hs) && i < 3; i++ {
			rest *= 1 - hs[i].f
		}
		score := math.Round((1-rest)*1e4) / 1e4
		if score < threshold {
			continue
		}
		var ev []german.Span
		for i := 0; i < len(hs) && i < maxEvidence; i++ {
			if hs[i].f < evidenceMin && i > 0 {
				break
			}
			s := seg.Sentences[hs[i].idx]
			ev = append(ev, german.Span{Start: s.Start, End: s.End})
		}
		slices.SortFunc(ev, func(a, b german.Span) int { return a.Start - b.Start })
		out = append(out, Theme{ID: g.ids[t], Label: g.labels[t], Score: score, Evidence: ev, Actors: []string{}})
	}
	slices.SortStableFunc(out, func(a, b Theme) int {
		if a.Score != b.Score {
			if a.Score > b.Score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// stem returns german.Stem(w), from the folded form f of w when
// that gives the same stem without allocating (see foldInto). The result
// may alias f.
func stem(f []byte, stemsSame bool, w string) string {
	if stemsSame {
		return german.Stem(unsafe.String(unsafe.SliceData(f), len(f)))
	}
	return german.Stem(w)
}

// sentenceScores returns, per theme, the body sentences with a positive
// sentence score, in text order.
// The second result is, per theme or context, the sum of the cue weights
// over all body sentences. Both live in sc.
func (g *tagger) sentenceScores(sc *sentScratch, seg *german.Segmented, low *lowerText, bp []bool, ents []entities.Entity, skip german.Span, stop func() bool) ([][]themeHit, []float64) {
	// entity cues per sentence
	starts := sc.starts[:0]
	for _, s := range seg.Sentences {
		starts = append(starts, s.Start)
	}
	sc.starts = starts
	eh := sc.eh[:0]
	if len(g.ents) > 0 || len(g.pairs) > 0 {
		for _, e := range ents {
			key := ""
			if isPlaceLike(e) {
				key = e.Country
				if key == "" {
					key = e.ID
				}
			}
			for _, m := range e.Mentions {
				si := sort.SearchInts(starts, m.Start+1) - 1
				if si < 0 || si >= len(bp) || bp[si] || m.Start >= seg.Sentences[si].End {
					continue
				}
				eh = append(eh, entHit{si, e.ID, key})
				if e.Parent != "" {
					eh = append(eh, entHit{si, e.Parent, ""})
				}
			}
		}
		eh = sc.sortBySentence(eh, len(seg.Sentences))
	}
	sc.eh = eh
	nt := len(g.ids)
	best := sc.best // per theme, sentences with f > 0
	for t := range best {
		best[t] = best[t][:0]
	}
	totals := sc.totals
	clear(totals)
	ei := 0
	for si, s := range seg.Sentences {
		for ei < len(eh) && eh[ei].sent < si {
			ei++
		}
		if bp[si] {
			continue
		}
		if si&63 == 0 && stop != nil && stop() {
			break
		}
		clear(sc.acc)
		clear(sc.ncue)
		clear(sc.maxw)
		for _, c := range sc.touched {
			sc.hits[c] = 0
		}
		sc.touched = sc.touched[:0]
		sc.seq = sc.seq[:0]
		sc.neg = sc.neg[:0]
		content := 0
		lastNeg := -100
		any := false
		wordIdx := 0
		g.touch(sc, s.Tokens)
		for ti, tok := range s.Tokens {
			if tok.Kind != german.Word || tok.Start >= skip.Start && tok.End <= skip.End {
				continue
			}
			w := tok.Text
			info, cues := g.wordHashed(sc, low, w, sc.hashes[ti], tok.Start, tok.End)
			if info.neg {
				lastNeg = len(sc.seq)
				sc.seq = append(sc.seq, g.nicht)
				sc.neg = append(sc.neg, false)
				continue
			}
			initial := wordIdx == 0
			wordIdx++
			if initial && info.stopInit || !initial && info.stop {
				sc.seq = append(sc.seq, info.lowUnit)
				sc.neg = append(sc.neg, false)
				continue
			}
			content++
			negated := len(sc.seq)-lastNeg <= negationReach
			if !info.hyphen {
				for _, r := range cues {
					sc.add(r, negated)
					any = true
				}
				sc.seq = append(sc.seq, info.stemUnit)
				sc.neg = append(sc.neg, negated)
				continue
			}
			// a hyphenated compound: each part is a unit
			for off := 0; off <= len(w); {
				k := strings.IndexByte(w[off:], '-')
				if k < 0 {
					k = len(w) - off
				}
				part, start := w[off:off+k], tok.Start+off
				off += k + 1
				if part == "" {
					continue
				}
				info, cues := g.word(sc, low, part, start, start+len(part))
				if initial && info.stopInit || !initial && info.stop {
					sc.seq = append(sc.seq, info.lowUnit)
					sc.neg = append(sc.neg, negated)
					continue
				}
				for _, r := range cues[info.nForms:] {
					sc.add(r, negated)
					any = true
				}
				sc.seq = append(sc.seq, info.stemUnit)
				sc.neg = append(sc.neg, negated)
			}
		}
		// phrases
		if len(g.phrases) > 0 {
			for i, id := range sc.seq {
				if id < 0 || id == g.empty {
					continue
				}
				for _, pc := range g.phrases[id] {
					if i+len(pc.units) <= len(sc.seq) && slices.Equal(sc.seq[i:i+len(pc.units)], pc.units) {
						sc.add(pc.cueRef, sc.neg[i])
						any = true
					}
				}
			}
		}
		// entities and pairs
		if ei < len(eh) && eh[ei].sent == si {
			for j := ei; j < len(eh) && eh[j].sent == si; j++ {
				for _, r := range g.ents[eh[j].id] {
					sc.add(r, false)
					any = true
				}
			}
			for _, pc := range g.pairs {
				hasA, hasB := false, false
				for j := ei; j < len(eh) && eh[j].sent == si; j++ {
					k := eh[j].key
					if k == "" {
						continue
					}
					if k == pc.a || eh[j].id == pc.a {
						hasA = true
					} else if k == pc.b || eh[j].id == pc.b {
						hasB = true
					}
				}
				if hasA && hasB {
					sc.add(pc.cueRef, false)
					any = true
				}
			}
		}
		if !any {
			continue
		}
		for t := range nt {
			totals[t] += sc.acc[t]
		}
		norm := max(minNorm, float64(content)/sentenceWords)
		for t := range nt {
			f := (sc.acc[t]/norm - cueOffset) / cueScale
			if f <= 0 {
				continue
			}
			limit := sentenceCap
			if sc.ncue[t] < 2 && sc.maxw[t] < strongCue {
				limit = singleCueCap // one word is a passing mention
			}
			best[t] = append(best[t], themeHit{min(f, limit), si})
		}
	}
	return best, totals
}

// unitString is unit for a string.
func (g *tagger) unitString(s string) int32 {
	id, ok := g.vocab.getString(s)
	if !ok {
		return -1
	}
	return id
}

// mayMatch reports whether a candidate with folded form f, stemmed from f
// (see foldInto), may match a stem, form, part or phrase unit. The stem is
// a prefix of f no shorter than the start p1 of Snowball's region R1 (no
// suffix is removed before it) or than f if f is shorter: a key it equals
// is a prefix of f of at least that length; a part it starts with is a
// prefix of f; a part it ends with ends at one of the positions from there
// on and has its last 4 bytes there.
func (g *tagger) mayMatch(f []byte) bool {
	from := stemMinLen(f)
	if g.eqKeys.mayHavePrefix(f, from) {
		return true
	}
	if len(f) < 7 { // parts count for stems of 7 bytes or more
		return false
	}
	if g.partKeys.mayHavePrefix(f, 1) {
		return true
	}
	for e := max(from, 7); e <= len(f); e++ {
		if g.partTails.has(f[e-4 : e]) {
			return true
		}
	}
	return false
}

// stemMinLen returns a lower bound of the length of german.Stem(f) for a
// folded f (see foldInto): min(len(f), p1) where p1 is the start of R1 as
// the stemmer computes it (after marking u and y between vowels), or 1
// for input with bytes outside ASCII.
func stemMinLen(f []byte) int {
	n := len(f)
	if n > 63 {
		return 1
	}
	for i := 0; i < n; i++ {
		if f[i] >= 0x80 {
			return 1
		}
	}
	var cons [64]bool // u or y between vowels: a consonant for the stemmer
	v := func(i int) bool {
		switch f[i] {
		case 'a', 'e', 'i', 'o', 'u', 'y':
			return !cons[i]
		}
		return false
	}
	for p := 0; p+2 < n; p++ {
		if v(p) && v(p+2) && (f[p+1] == 'u' || f[p+1] == 'y') {
			cons[p+1] = true
		}
	}
	p1 := n
	if n >= 3 {
		k := 0
		for k < n && !v(k) {
			k++
		}
		if k < n {
			k++
			for k < n && v(k) {
				k++
			}
			if k < n {
				p1 = max(k+1, 3)
			}
		}
	}
	return min(n, p1)
}

// appendStemCues appends the stem and compound-part cues of one stem to
// refs, in the order they count.
func (g *tagger) appendStemCues(refs []cueRef, st string) []cueRef {
	if r, ok := g.stems.getString(st); ok && len(r) > 0 {
		return append(refs, r...)
	}
	if len(st) < 7 {
		return refs
	}
	// a part starts with one of the 4-byte heads (partFilter: all parts
	// are that long)
	head := !g.partFilter || g.partHead.hasString(st)
	for _, l := range g.partLens {
		if l > len(st)-3 {
			break
		}
		if head {
			if r, ok := g.parts.getString(st[:l]); ok {
				refs = append(refs, r...)
			}
		}
		tail := st[len(st)-l:]
		if !g.partFilter || g.partHead.hasString(tail) {
			if r, ok := g.parts.getString(tail); ok {
				refs = append(refs, r...)
			}
		}
	}
	return refs
}

// maxAbs returns the weight of larger magnitude (0 means unset).
func maxAbs(a, b float64) float64 {
	if a == 0 || math.Abs(b) > math.Abs(a) {
		return b
	}
	return a
}

// isPlaceLike reports entities that stand for a state or bloc in pair cues:
// places, and governments and public bodies by their id.
func isPlaceLike(e entities.Entity) bool {
	if e.Type == entities.LOC {
		return true
	}
	if e.Type != entities.ORG {
		return false
	}
	if e.ID == "eu" {
		return true
	}
	for _, k := range []string{"regierung", "kommission", "ministerium", "parlament", "kongress", "weisses-haus"} {
		if strings.Contains(e.ID, k) {
			return true
		}
	}
	return false
}

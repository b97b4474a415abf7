package analyze

import (
	"cmp"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// Scoring. Every body sentence gets, per theme, the sum of the weights of
// the taxonomy cues it contains (stems, word forms, compound parts,
// phrases, entity mentions, pairs of places), each cue counted at most
// twice, a cue within three words after a negation (kein, nicht, ohne ...)
// at 30 %. Its density is that sum over the sentence's length in units of
// 14 content words (at least 0.7), so a long sentence needs more cues to be
// about the theme. Over the document the tagger keeps, per theme, the
// densest sentences, how many sentences carry cues, how dense the whole
// body is, what the headline and lead say, the entity cues, the distinct
// cues and the negated share; the ThemeModel turns these features into the
// theme's score (themes_model.go). A theme whose taxonomy entry requires a
// context (technology) is scored only when the body shows it.

const (
	sentenceWords = 14.0 // content words at which density is the plain cue sum
	minNorm       = 0.7  // shortest sentences count at most 1/0.7 of their cues
	densityCap    = 5.0  // densities above this add nothing
	strongDensity = 1.0  // a sentence this dense is mainly about the theme
	leadSentences = 2    // body sentences that count as headline and lead
	evidenceMin   = 0.6  // density of a second or third evidence sentence
	maxEvidence   = 3
	maxActors     = 8
	negationReach = 3 // words after a negation that it affects
	negationKeep  = 0.3
	contextMin    = 1.5 // cue weight over the body that shows a context
	minBodySents  = 8   // share of sentences: the shortest body counted
	minBodyWords  = 120 // cue density of the body: the fewest words counted
)

// sentScratch is the working memory of one tagging run: the cues of the
// current sentence and the per-document aggregates. The tagger pools it.
type sentScratch struct {
	// per theme or context, for the current sentence
	acc  []float64 // cue weight
	ents []float64 // of which entity and pair cues
	negw []float64 // weight lost to negation
	maxw []float64 // largest cue weight not negated
	ncue []int     // distinct positive cues
	// of the positive cue weight not negated (sentence features)
	phr      []float64 // from phrases
	verb     []float64 // from lower-case words in mid-sentence
	main     []float64 // from words outside adverbial and relative clauses
	cueWords []int     // content words with a positive cue
	wordMark []int32   // per theme, the last word counted in cueWords (+1)
	hedge    bool      // the sentence has a hedge word
	// the word or phrase being counted
	curVerb, curSub, curPhrase bool
	curWord                    int32
	// per cue
	hits    []uint8 // times counted in the sentence
	touched []int32 // cues with hits > 0
	seen    []bool  // counted positively somewhere in the document
	seenCue []int32 // cues with seen set
	// per theme or context, for the document
	agg []themeAgg
	// the sentence as phrase units
	seq    []int32 // unit ids of the sentence's words
	neg    []bool  // seq position follows a negation within reach
	sub    []bool  // seq position lies in an adverbial or relative clause
	starts []int
	names  []german.Span // mentions of people: their words are no cues
	fold   []byte        // folded form of the word being described
	eh     []entHit
	cache  *wordCache // nil: none was free
	cues   []cueRef   // the cues of one word when there is no cache
	sink   uint32     // keeps touch's loads
	hashes []uint32   // wordHash of the sentence's tokens (touch)
	// buffers of sortBySentence
	count    []int
	ehSorted []entHit
	// body statistics
	bodySents, bodyWords int
	// the sentence model: the sentences with cues, per theme the index of
	// its latest one in recs (-1: none), and the sums of the probabilities
	recs    []sentRec
	lastRec []int
	sagg    []sentAgg
	ctxW    []float64 // by body sentence and context, the context's weight
}

// themeAgg is what the document says about one theme or context.
type themeAgg struct {
	top      [maxEvidence]themeHit // densest sentences, densest first
	nTop     int
	sents    int     // sentences with a positive cue sum
	strong   int     // sentences at least strongDensity dense
	pos      float64 // sum of positive sentence cue sums
	negw     float64 // weight lost to negation
	ents     float64 // entity and pair cue weight
	lead     float64 // densest of the first leadSentences body sentences
	maxw     float64 // largest cue weight not negated
	distinct int     // distinct cues counted positively
	topCues  int     // distinct positive cues of the densest sentence
}

type themeHit struct {
	d   float64 // density
	idx int     // sentence index
}

// insert keeps h among the densest maxEvidence sentences.
func (a *themeAgg) insert(h themeHit) {
	i := a.nTop
	if i == maxEvidence {
		if h.d <= a.top[i-1].d {
			return
		}
		i--
	} else {
		a.nTop++
	}
	for i > 0 && a.top[i-1].d < h.d {
		a.top[i] = a.top[i-1]
		i--
	}
	a.top[i] = h
}

// entHit is an entity mentioned in a body sentence.
type entHit struct {
	sent  int
	start int    // byte offset of the mention
	id    string // entity id (cues)
	key   string // country or id of a place, "" for non-places (pairs)
	actor string // the id that acts (actors), "" for none
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
		acc: make([]float64, nt), ents: make([]float64, nt), negw: make([]float64, nt), maxw: make([]float64, nt),
		ncue: make([]int, nt), hits: make([]uint8, g.nCues), seen: make([]bool, g.nCues), agg: make([]themeAgg, nt),
		phr: make([]float64, nt), verb: make([]float64, nt), main: make([]float64, nt), cueWords: make([]int, nt),
		wordMark: make([]int32, nt), lastRec: make([]int, nt), sagg: make([]sentAgg, nt),
	}
}

func (g *tagger) putScratch(sc *sentScratch) {
	if cap(sc.seq) > 1<<16 || cap(sc.starts) > 1<<16 || cap(sc.eh) > 1<<14 || cap(sc.recs) > 1<<14 || cap(sc.ctxW) > 1<<16 {
		return // keep no memory of an outsized document
	}
	g.pool.Put(sc)
}

// add counts cue r in the current sentence.
func (sc *sentScratch) add(r cueRef, negated, entity bool) {
	h := sc.hits[r.cue]
	if h >= 2 {
		return
	}
	if h == 0 {
		sc.touched = append(sc.touched, r.cue)
		if r.w > 0 {
			sc.ncue[r.theme]++
			if !negated {
				sc.maxw[r.theme] = max(sc.maxw[r.theme], r.w)
				if !sc.seen[r.cue] {
					sc.seen[r.cue] = true
					sc.seenCue = append(sc.seenCue, r.cue)
					sc.agg[r.theme].distinct++
				}
			}
		}
	}
	sc.hits[r.cue] = h + 1
	w := r.w
	if negated && w > 0 {
		sc.negw[r.theme] += w * (1 - negationKeep)
		w *= negationKeep
	}
	if w > 0 && !negated {
		if sc.curPhrase {
			sc.phr[r.theme] += w
		} else if !entity && sc.wordMark[r.theme] != sc.curWord {
			sc.wordMark[r.theme] = sc.curWord
			sc.cueWords[r.theme]++
		}
		if sc.curVerb {
			sc.verb[r.theme] += w
		}
		if !sc.curSub {
			sc.main[r.theme] += w
		}
	}
	if entity {
		sc.ents[r.theme] += w
	}
	sc.acc[r.theme] += w
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
	sc := g.scan(seg, low, bp, ents, skip, stop)
	defer g.release(sc)
	var x [numThemeFeatures]float64
	for t := range g.nThemes {
		if !g.features(sc, t, x[:]) {
			continue
		}
		score := math.Round(g.model.score(t, x[:])*1e4) / 1e4
		if score < threshold {
			continue
		}
		out = append(out, g.theme(sc, seg, low, t, score))
	}
	slices.SortStableFunc(out, func(a, b Theme) int {
		if a.Score != b.Score {
			return cmp.Compare(b.Score, a.Score)
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// themeFeatures returns, per theme, whether it may be scored and its
// feature vector.
func (g *tagger) themeFeatures(seg *german.Segmented, low *lowerText, bp []bool, ents []entities.Entity, skip german.Span) []ThemeFeatures {
	sc := g.scan(seg, low, bp, ents, skip, nil)
	defer g.release(sc)
	out := make([]ThemeFeatures, g.nThemes)
	for t := range g.nThemes {
		x := make([]float64, numThemeFeatures)
		out[t] = ThemeFeatures{ID: g.ids[t], Scored: g.features(sc, t, x), Values: x}
	}
	for _, r := range sc.recs {
		s := seg.Sentences[r.idx]
		f := &out[r.theme]
		f.Sentences = append(f.Sentences, ThemeSentence{Start: s.Start, End: s.End, Values: slices.Clone(r.x[:])})
	}
	return out
}

// scan runs the sentence loop over seg and returns the scratch with the
// document's aggregates; release gives it back.
func (g *tagger) scan(seg *german.Segmented, low *lowerText, bp []bool, ents []entities.Entity, skip german.Span, stop func() bool) *sentScratch {
	sc := g.getScratch()
	sc.cache = g.getCache()
	sc.resetDocument()
	g.sentences(sc, seg, low, bp, ents, skip, stop)
	g.scoreSentences(sc)
	return sc
}

// resetDocument clears the per-document aggregates.
func (sc *sentScratch) resetDocument() {
	clear(sc.agg)
	for _, c := range sc.seenCue {
		sc.seen[c] = false
	}
	sc.seenCue = sc.seenCue[:0]
	sc.bodySents, sc.bodyWords = 0, 0
	sc.recs = sc.recs[:0]
	sc.ctxW = sc.ctxW[:0]
	for i := range sc.lastRec {
		sc.lastRec[i] = -1
	}
	clear(sc.sagg)
	clear(sc.wordMark)
	sc.curWord = 0
}

func (g *tagger) release(sc *sentScratch) {
	if sc.cache != nil {
		g.putCache(sc.cache)
	}
	sc.cache = nil
	g.putScratch(sc)
}

// theme builds the listed Theme t: the evidence sentences, densest first,
// and the actors named in them.
func (g *tagger) theme(sc *sentScratch, seg *german.Segmented, low *lowerText, t int, score float64) Theme {
	hits := g.evidence(sc, t)
	ev := make([]german.Span, 0, len(hits))
	for _, h := range hits {
		s := seg.Sentences[h.idx]
		ev = append(ev, german.Span{Start: s.Start, End: s.End})
	}
	return Theme{ID: g.ids[t], Label: g.labels[t], Score: score, Evidence: ev, Actors: g.actors(sc, seg, low, t, hits)}
}

// actors lists the entities acting in the evidence sentences ev of theme
// t: people, organisations and places (a product counts for its maker).
// A mention counts by the rank of its sentence (3, 2, 1), twice when it is
// itself a cue of the theme or stands within actorReach words of one
// ("von chinesischen Behörden gedrängt": China acts); the ones that count
// most come first, ties by sentence rank and first mention.
func (g *tagger) actors(sc *sentScratch, seg *german.Segmented, low *lowerText, t int, ev []themeHit) []string {
	type actor struct {
		id           string
		w            float64
		rank, offset int     // first sentence rank and mention
		last         int     // rank of the latest sentence counted
		inLast       float64 // what the latest sentence added
	}
	var as []actor
	for r, h := range ev {
		toks := seg.Sentences[h.idx].Tokens
		near := g.cueWords(sc, low, toks, t)
		lo := sort.Search(len(sc.eh), func(i int) bool { return sc.eh[i].sent >= h.idx })
		for j := lo; j < len(sc.eh) && sc.eh[j].sent == h.idx; j++ {
			e := sc.eh[j]
			if e.actor == "" {
				continue
			}
			w := float64(maxEvidence - r)
			if g.isEntityCue(e.id, t) || nearCue(toks, near, e.start) {
				w *= 2
			}
			k := slices.IndexFunc(as, func(a actor) bool { return a.id == e.actor })
			if k < 0 {
				as = append(as, actor{id: e.actor, w: w, rank: r, offset: e.start, last: r, inLast: w})
				continue
			}
			if as[k].last == r {
				// another mention in the same sentence: the better one counts
				if w > as[k].inLast {
					as[k].w += w - as[k].inLast
					as[k].inLast = w
				}
				continue
			}
			as[k].w += w
			as[k].last, as[k].inLast = r, w
		}
	}
	slices.SortStableFunc(as, func(a, b actor) int {
		if a.w != b.w {
			return cmp.Compare(b.w, a.w)
		}
		if a.rank != b.rank {
			return a.rank - b.rank
		}
		return a.offset - b.offset
	})
	out := make([]string, 0, min(len(as), maxActors))
	for _, a := range as[:min(len(as), maxActors)] {
		out = append(out, a.id)
	}
	return out
}

// actorReach is how many words from a theme's cue an entity mention acts.
const actorReach = 2

// cueWords returns the indexes of the word tokens in toks (counting words
// only) that carry a positive cue of theme t.
func (g *tagger) cueWords(sc *sentScratch, low *lowerText, toks []german.Token, t int) []int {
	var out []int
	n := 0
	for _, tok := range toks {
		if tok.Kind != german.Word {
			continue
		}
		_, cues := g.word(sc, low, tok.Text, tok.Start, tok.End)
		hit := slices.ContainsFunc(cues, func(r cueRef) bool { return int(r.theme) == t && r.w > 0 })
		if !hit && strings.IndexByte(tok.Text, '-') > 0 {
			hit = g.partCue(sc, low, tok, t)
		}
		if hit {
			out = append(out, n)
		}
		n++
	}
	return out
}

// partCue reports whether a part of hyphenated token tok is a cue of t.
func (g *tagger) partCue(sc *sentScratch, low *lowerText, tok german.Token, t int) bool {
	w := tok.Text
	for off := 0; off < len(w); {
		k := strings.IndexByte(w[off:], '-')
		if k < 0 {
			k = len(w) - off
		}
		if k > 0 {
			ps := tok.Start + off
			info, cues := g.word(sc, low, w[off:off+k], ps, ps+k)
			if slices.ContainsFunc(cues[info.nForms:], func(r cueRef) bool { return int(r.theme) == t && r.w > 0 }) {
				return true
			}
		}
		off += k + 1
	}
	return false
}

// nearCue reports whether the word token holding byte offset at lies
// within actorReach words of one of the word indexes near.
func nearCue(toks []german.Token, near []int, at int) bool {
	n := 0
	for _, tok := range toks {
		if tok.Kind != german.Word {
			continue
		}
		if tok.Start <= at && at < tok.End {
			for _, c := range near {
				if c-n <= actorReach && n-c <= actorReach {
					return true
				}
			}
			return false
		}
		n++
	}
	return false
}

// isEntityCue reports whether entity id is a positive cue of theme t.
func (g *tagger) isEntityCue(id string, t int) bool {
	return slices.ContainsFunc(g.ents[id], func(r cueRef) bool { return int(r.theme) == t && r.w > 0 })
}

// entityHits collects the entity mentions of the body sentences, sorted
// by sentence, in sc.eh.
func (g *tagger) entityHits(sc *sentScratch, seg *german.Segmented, bp []bool, ents []entities.Entity, skip german.Span) {
	starts := sc.starts[:0]
	for _, s := range seg.Sentences {
		starts = append(starts, s.Start)
	}
	sc.starts = starts
	eh := sc.eh[:0]
	sc.names = sc.names[:0]
	for _, e := range ents {
		if e.Type == entities.PER {
			for _, m := range e.Mentions {
				sc.names = append(sc.names, german.Span{Start: m.Start, End: m.End})
			}
		}
		key := ""
		if isPlaceLike(e) {
			key = e.Country
			if key == "" {
				key = e.ID
			}
		}
		actor := ""
		switch e.Type {
		case entities.ORG, entities.PER, entities.LOC:
			actor = e.ID
		default:
			actor = e.Parent // a product acts through its maker
		}
		for _, m := range e.Mentions {
			si := sort.SearchInts(starts, m.Start+1) - 1
			if si < 0 || si >= len(bp) || bp[si] || m.Start >= seg.Sentences[si].End {
				continue
			}
			if m.Start >= skip.Start && m.End <= skip.End && skip.End > skip.Start {
				continue // a dateline place is where the news came from
			}
			eh = append(eh, entHit{si, m.Start, e.ID, key, actor})
			if e.Parent != "" {
				eh = append(eh, entHit{si, m.Start, e.Parent, "", ""})
			}
		}
	}
	sc.eh = sc.sortBySentence(eh, len(seg.Sentences))
	slices.SortFunc(sc.names, func(a, b german.Span) int { return a.Start - b.Start })
}

// inName reports whether the token [start, end) lies in a person's name
// (sc.names, sorted); next is the index to search from, advanced.
func (sc *sentScratch) inName(start, end int, next *int) bool {
	for *next < len(sc.names) && sc.names[*next].End <= start {
		*next++
	}
	return *next < len(sc.names) && sc.names[*next].Start <= start && end <= sc.names[*next].End
}

// sentences scans the body sentences of seg and fills sc.agg.
func (g *tagger) sentences(sc *sentScratch, seg *german.Segmented, low *lowerText, bp []bool, ents []entities.Entity, skip german.Span, stop func() bool) {
	g.entityHits(sc, seg, bp, ents, skip)
	eh := sc.eh
	ei, ni := 0, 0
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
		sc.resetSentence()
		content, any := g.words(sc, low, s.Tokens, skip, &ni)
		if content == 0 {
			continue
		}
		body := sc.bodySents
		sc.bodySents++
		sc.bodyWords += content
		any = g.matchPhrases(sc) || any
		ej := ei
		for ej < len(eh) && eh[ej].sent == si {
			ej++
		}
		any = g.matchEntities(sc, eh[ei:ej]) || any
		if any {
			g.record(sc, s, si, body, content)
		}
	}
}

func (sc *sentScratch) resetSentence() {
	clear(sc.acc)
	clear(sc.ents)
	clear(sc.negw)
	clear(sc.maxw)
	clear(sc.ncue)
	clear(sc.phr)
	clear(sc.verb)
	clear(sc.main)
	clear(sc.cueWords)
	sc.hedge = false
	sc.curVerb, sc.curSub, sc.curPhrase = false, false, false
	for _, c := range sc.touched {
		sc.hits[c] = 0
	}
	sc.touched = sc.touched[:0]
	sc.seq = sc.seq[:0]
	sc.neg = sc.neg[:0]
	sc.sub = sc.sub[:0]
}

// words counts the cues of a sentence's words and fills sc.seq with its
// phrase units. It returns the number of content words and whether a cue
// was found.
func (g *tagger) words(sc *sentScratch, low *lowerText, toks []german.Token, skip german.Span, name *int) (content int, any bool) {
	lastNeg := -100
	wordIdx := 0
	clauseStart := true // the next word opens a clause
	g.touch(sc, toks)
	for ti, tok := range toks {
		if tok.Kind == german.Punct && clauseBreak(tok.Text) {
			clauseStart, sc.curSub = true, false
			continue
		}
		if tok.Kind != german.Word || tok.Start >= skip.Start && tok.End <= skip.End {
			continue
		}
		sc.curWord++
		if sc.inName(tok.Start, tok.End, name) {
			// a person's name ("Faber") counts as a content word but is
			// no cue, and no phrase runs through it
			wordIdx++
			content++
			clauseStart = false
			sc.unit(-1, false)
			continue
		}
		w := tok.Text
		info, cues := g.wordHashed(sc, low, w, sc.hashes[ti], tok.Start, tok.End)
		initial := wordIdx == 0
		if clauseStart {
			// an adverbial clause opens with its subordinator, a relative
			// clause after a comma with its pronoun
			f := g.flag(info.lowUnit)
			sc.curSub = f&unitSubord != 0 || !initial && f&unitRel != 0
			clauseStart = false
		}
		if info.neg {
			lastNeg = len(sc.seq)
			sc.unit(g.nicht, false)
			continue
		}
		wordIdx++
		if initial && info.stopInit || !initial && info.stop {
			if g.flag(info.lowUnit)&unitHedge != 0 {
				sc.hedge = true
			}
			sc.unit(info.lowUnit, false)
			continue
		}
		if g.flag(info.stemUnit)&unitHedge != 0 {
			sc.hedge = true
		}
		content++
		negated := len(sc.seq)-lastNeg <= negationReach
		sc.curVerb = !initial && lowerInitial(w)
		if !info.hyphen {
			for _, r := range cues {
				sc.add(r, negated, false)
				any = true
			}
			sc.unit(info.stemUnit, negated)
			continue
		}
		any = g.hyphenParts(sc, low, w, tok.Start, initial, negated) || any
	}
	sc.curVerb, sc.curSub = false, false
	return content, any
}

// hyphenParts counts the cues of the parts of a hyphenated compound, each
// a phrase unit; form cues match whole words only.
func (g *tagger) hyphenParts(sc *sentScratch, low *lowerText, w string, start int, initial, negated bool) (any bool) {
	for off := 0; off <= len(w); {
		k := strings.IndexByte(w[off:], '-')
		if k < 0 {
			k = len(w) - off
		}
		part, ps := w[off:off+k], start+off
		off += k + 1
		if part == "" {
			continue
		}
		info, cues := g.word(sc, low, part, ps, ps+len(part))
		if initial && info.stopInit || !initial && info.stop {
			sc.unit(info.lowUnit, negated)
			continue
		}
		for _, r := range cues[info.nForms:] {
			sc.add(r, negated, false)
			any = true
		}
		sc.unit(info.stemUnit, negated)
	}
	return any
}

func (sc *sentScratch) unit(id int32, negated bool) {
	sc.seq = append(sc.seq, id)
	sc.neg = append(sc.neg, negated)
	sc.sub = append(sc.sub, sc.curSub)
}

// clauseBreak reports the punctuation that ends a clause.
func clauseBreak(p string) bool {
	switch p {
	case ",", ";", ":", "(", ")", "–", "—":
		return true
	}
	return false
}

// lowerInitial reports whether w starts with a lower-case letter (in
// German mid-sentence: a verb, participle, adjective or adverb).
func lowerInitial(w string) bool {
	c := w[0]
	if c >= 'a' && c <= 'z' {
		return true
	}
	// ä ö ü ß
	return c == 0xc3 && len(w) > 1 && (w[1] == 0xa4 || w[1] == 0xb6 || w[1] == 0xbc || w[1] == 0x9f)
}

// matchPhrases counts the phrase cues of the sentence in sc.seq.
func (g *tagger) matchPhrases(sc *sentScratch) (any bool) {
	if len(g.phrases) == 0 {
		return false
	}
	sc.curPhrase = true
	for i, id := range sc.seq {
		if id < 0 || id == g.empty {
			continue
		}
		for _, pc := range g.phrases[id] {
			if g.phraseAt(sc.seq, i, pc.units) {
				sc.curSub = sc.sub[i]
				sc.add(pc.cueRef, sc.neg[i], false)
				any = true
			}
		}
	}
	sc.curPhrase, sc.curSub = false, false
	return any
}

// maxFillers is how many filler words a phrase match may skip.
const maxFillers = 2

// phraseAt reports whether the phrase units match seq at i (the caller
// has matched the first), skipping up to maxFillers filler words
// (particles and adverbs like "noch", "bereits", "vorübergehend": "lässt
// noch auf sich warten") between them.
func (g *tagger) phraseAt(seq []int32, i int, units []int32) bool {
	j, skipped := i+1, 0
	for _, u := range units[1:] {
		for {
			if j >= len(seq) {
				return false
			}
			if seq[j] == u {
				break
			}
			if skipped == maxFillers || g.flag(seq[j])&unitFiller == 0 {
				return false
			}
			j++
			skipped++
		}
		j++
	}
	return true
}

// matchEntities counts the entity and pair cues of the sentence's entity
// mentions eh. A pair with a "with" theme counts only when that theme
// already has a cue in the sentence (words and phrases are counted first).
func (g *tagger) matchEntities(sc *sentScratch, eh []entHit) (any bool) {
	if len(eh) == 0 {
		return false
	}
	for _, h := range eh {
		for _, r := range g.ents[h.id] {
			sc.add(r, false, true)
			any = true
		}
	}
	for _, pc := range g.pairs {
		if pc.with >= 0 && sc.acc[pc.with] <= 0 {
			continue
		}
		hasA, hasB := false, false
		for _, h := range eh {
			if h.key == "" {
				continue
			}
			if h.key == pc.a || h.id == pc.a {
				hasA = true
			} else if h.key == pc.b || h.id == pc.b {
				hasB = true
			}
		}
		if hasA && hasB {
			sc.add(pc.cueRef, false, true)
			any = true
		}
	}
	return any
}

// record adds the current sentence (index si, the body's sentence number
// body, content words) to the document's aggregates.
func (g *tagger) record(sc *sentScratch, s german.Sentence, si, body, content int) {
	norm := max(minNorm, float64(content)/sentenceWords)
	g.recordSentence(sc, s, si, body, content, norm)
	for t := range sc.agg {
		a := &sc.agg[t]
		a.negw += sc.negw[t]
		a.ents += sc.ents[t]
		a.maxw = max(a.maxw, sc.maxw[t])
		if sc.acc[t] <= 0 {
			continue
		}
		d := sc.acc[t] / norm
		a.pos += sc.acc[t]
		a.sents++
		if d >= strongDensity {
			a.strong++
		}
		if body < leadSentences {
			a.lead = max(a.lead, d)
		}
		if a.nTop == 0 || d > a.top[0].d {
			a.topCues = sc.ncue[t]
		}
		a.insert(themeHit{d, si})
	}
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

package summarize

import (
	"bytes"
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// maxPhraseWords bounds the words of one keyphrase.
const maxPhraseWords = 3

// adjSuffixes mark attributive adjectives once an inflection ending is
// removed (chinesisch-e, technolog-isch-e, staatlich-en, wichtig-e).
var adjSuffixes = []string{"isch", "lich", "ig", "al", "iv", "ell", "är", "bar", "sam", "haft", "los", "end", "ös", "ent", "ant"}

// adjBases are frequent short adjectives without a telling suffix.
var adjBases = []string{"neu", "groß", "gross", "klein", "hoh", "erst", "letzt", "stark", "eigen", "weit", "lang", "jung", "alt", "gut", "best", "schnell", "künstlich"}

// isAdjective reports whether a lower-case word looks like an inflected
// attributive adjective ("technologische", "chinesischen", "neue").
func isAdjective(lower string) bool {
	base := ""
	for _, end := range []string{"en", "em", "er", "es", "e"} {
		if b, ok := strings.CutSuffix(lower, end); ok {
			base = b
			break
		}
	}
	if utf8.RuneCountInString(base) < 3 {
		return false
	}
	for _, s := range adjSuffixes {
		if strings.HasSuffix(base, s) {
			return true
		}
	}
	return slices.Contains(adjBases, base)
}

// capAdjSuffixes are the adjective suffixes that (almost) no German noun
// ends with once an inflection ending is removed, unlike -ig ("Könige"), -iv
// ("Archive"), -ent and -ant ("Studenten", "Präsidenten").
var capAdjSuffixes = []string{"isch", "lich", "bar", "sam", "haft", "los"}

// isCapAdjective reports whether a lower-case word that is capitalised in
// the text is still an adjective: an inflection ending after one of
// capAdjSuffixes ("us-amerikanischer", "chinesische", "staatlichen").
func isCapAdjective(lower string) bool {
	for _, end := range []string{"en", "em", "er", "es", "e"} {
		if b, ok := strings.CutSuffix(lower, end); ok {
			for _, s := range capAdjSuffixes {
				if strings.HasSuffix(b, s) && utf8.RuneCountInString(b) > len(s)+1 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// phraseGroup is one keyphrase candidate: the stems of its words, with
// counts and surface forms. Groups live in scratch.kpGroups.
type phraseGroup struct {
	ids        [maxPhraseWords]int32 // stem ids of the words
	nids       int
	count      float64 // weighted occurrences
	firstRank  int     // rank of the first sentence it occurs in
	nonInitial bool    // seen at least once not as the first word of a sentence
	surf, last int32   // its surface forms: a list in scratch.kpSurf
	p0, p1     int32   // one-word groups: the compound parts of the first surface form, in scratch.partIDs
	adjs       uint8   // bit i: word i is an adjective
	n          int32   // occurrences
	nameLead   int32   // one-word groups: occurrences right before another capitalised noun ("Joe" Biden)
	score      float64
	text       string // the reported surface form
}

// surface is one surface form of a group, linked to the group's next one.
type surface struct {
	text  string
	count int32
	next  int32 // -1 ends the list
}

// kpWord is a word of the sentence being scanned for phrases.
type kpWord struct {
	tok     int32 // index in the sentence's tokens
	id      int32
	p0, p1  int32 // compound parts, as in wordEntry
	noun    bool
	adj     bool
	upper   bool
	initial bool
}

// idBits is the width of one stem id in a packed phrase key.
const idBits = 21

// phraseKey packs up to maxPhraseWords stem ids into one map key; ok is
// false for ids too large to pack (only in texts with millions of stems).
func phraseKey(ids []int32) (key uint64, ok bool) {
	for i, id := range ids {
		if id < 0 || id >= 1<<idBits-1 {
			return 0, false
		}
		key |= uint64(id+1) << (idBits * i)
	}
	return key, true
}

// Keyphrases returns up to n phrases that characterise the text: nouns,
// hyphenated compounds ("Huawei-Chips"), names and adjective–noun phrases
// ("technologische Unabhängigkeit"), grouped by the stems of their words so
// that inflected forms count together, each reported in its most frequent
// original surface form. Excluded sentences are ignored; boosted sentences
// weigh more. Phrases are ordered by score, best first, ties by text.
// n ≤ 0 or a text without content words gives an empty result.
func (s *Summarizer) Keyphrases(seg *german.Segmented, h Hints, n int) []Keyphrase {
	out := []Keyphrase{}
	if seg == nil || n <= 0 || len(seg.Sentences) == 0 {
		return out
	}
	sc := s.getScratch()
	defer s.putScratch(sc)
	defer sc.reset()
	sc.load(seg, h, true)
	return sc.keyphrases(seg, h, n)
}

// keyphrases extracts up to n keyphrases from a loaded scratch.
func (sc *scratch) keyphrases(seg *german.Segmented, h Hints, n int) []Keyphrase {
	out := []Keyphrase{}
	if n <= 0 || len(sc.sents) == 0 {
		return out
	}
	defer sc.resetKeyphrases()
	add := func(ids []int32, adjs uint8, lead bool, w *kpWord, text string, rank int, weight float64) {
		key, ok := phraseKey(ids)
		if !ok {
			return
		}
		initial := w.initial
		gi, found := sc.kpIndex.get(key)
		if !found {
			gi = int32(len(sc.kpGroups))
			g := phraseGroup{nids: len(ids), firstRank: rank, surf: -1, last: -1, p0: w.p0, p1: w.p1, adjs: adjs}
			copy(g.ids[:], ids)
			sc.kpGroups = append(sc.kpGroups, g)
			sc.kpIndex.add(key, gi)
		}
		g := &sc.kpGroups[gi]
		g.count += weight
		g.n++
		if lead {
			g.nameLead++
		}
		g.nonInitial = g.nonInitial || !initial
		for si := g.surf; si >= 0; si = sc.kpSurf[si].next {
			if sc.kpSurf[si].text == text {
				sc.kpSurf[si].count++
				return
			}
		}
		si := int32(len(sc.kpSurf))
		sc.kpSurf = append(sc.kpSurf, surface{text: text, count: 1, next: -1})
		if g.last >= 0 {
			sc.kpSurf[g.last].next = si
		} else {
			g.surf = si
		}
		g.last = si
	}

	var ids [maxPhraseWords]int32
	// the headline first (dropHeadline keeps it apart), then the body
	nh := len(sc.headSents)
	for rank := range nh + len(sc.sents) {
		var si *sent
		if rank < nh {
			si = &sc.headSents[rank]
		} else {
			si = &sc.sents[rank-nh]
		}
		weight := 1.0
		if h.Boost != nil {
			if b := h.Boost(si.idx); b > 0 && b < 1e6 {
				weight += b
			}
		}
		ws := sc.kpWords[:0]
		first := true
		toks := seg.Sentences[si.idx].Tokens
		flush := func() {
			for i := range ws {
				wi := &ws[i]
				if wi.noun { // every noun alone
					ids[0] = wi.id
					lead := wi.upper && i+1 < len(ws) && ws[i+1].noun && ws[i+1].upper && !ws[i+1].initial
					add(ids[:1], 0, lead, wi, toks[wi.tok].Text, rank, weight)
				}
				// adjective(s) + noun, noun + noun (names): up to maxPhraseWords
				ids[0] = wi.id
				var adjs uint8
				if wi.adj {
					adjs = 1
				}
				for j := i + 1; j < len(ws) && j-i < maxPhraseWords; j++ {
					prev, wj := &ws[j-1], &ws[j]
					if !(wj.noun && (prev.adj || prev.noun)) && !(wj.adj && prev.adj) {
						break
					}
					ids[j-i] = wj.id
					if wj.adj {
						adjs |= 1 << (j - i)
					}
					if wj.noun && (wi.adj || wi.upper && !wi.initial) {
						add(ids[:j-i+1], adjs, false, wi, seg.Text[toks[wi.tok].Start:toks[wj.tok].End], rank, weight)
					}
				}
			}
			ws = ws[:0]
		}
		ents := sc.ents[si.e0:]
		for ti := range toks {
			tok := &toks[ti]
			if !counts(tok, german.Span{Start: si.start, End: si.end}, h.Skip) {
				continue
			}
			if tok.Kind != german.Word {
				if len(ws) > 0 {
					flush()
				}
				first = false
				continue
			}
			e := &ents[0] // load kept the entry of every word token
			ents = ents[1:]
			initial := first
			first = false
			noun, adj := false, false
			if e.id >= 0 {
				if e.upper() && e.bits&eCapAdj == 0 {
					noun = true
				} else {
					adj = e.adj()
				}
			}
			if !noun && !adj {
				if len(ws) > 0 {
					flush()
				}
				continue
			}
			ws = append(ws, kpWord{tok: int32(ti), id: e.id, p0: e.p0, p1: e.p1(), noun: noun, adj: adj, upper: e.upper(), initial: initial})
		}
		flush()
		sc.kpWords = ws[:0]
	}

	// closed compounds: "Exportkontrollen" shares its head with "Kontrollen"
	for gi := range sc.kpGroups {
		if g := &sc.kpGroups[gi]; g.nids == 1 {
			if stem := sc.stem(g.ids[0]); len(stem) >= minHead {
				sc.kpHeads.add(tail(stem), int32(gi))
			}
		}
	}
	headTF := func(gi int) float64 {
		g := &sc.kpGroups[gi]
		if g.nids != 1 {
			return 0
		}
		if hi := sc.head(gi); hi >= 0 {
			return float64(sc.terms[sc.kpGroups[hi].ids[0]].tf)
		}
		return 0
	}

	best := 0.0
	cands := sc.kpCands[:0]
	for gi := range sc.kpGroups {
		g := &sc.kpGroups[gi]
		if g.nids == 1 && !g.nonInitial {
			continue // only ever capitalised as the first word: likely no noun
		}
		if sc.generic(g) {
			continue // "Weg", "Jahr", "nächste Woche", "CDU-Chef": fits any article
		}
		if g.nids == 1 && 5*g.nameLead >= 4*g.n {
			continue // a first name or the first word of a name: "Joe" (Biden), "Goldman" (Sachs)
		}
		if g.nids > 1 && g.adjs != 0 && g.n < 2 {
			continue // an adjective phrase is a keyphrase when the article repeats it
		}
		// the most frequent surface form; among equally frequent ones the
		// shortest, which is usually the base form ("Modell", not "Modells"),
		// then the first seen
		bs := g.surf
		for si := g.surf; si >= 0; si = sc.kpSurf[si].next {
			x, y := &sc.kpSurf[si], &sc.kpSurf[bs]
			if x.count > y.count || x.count == y.count && len(x.text) < len(y.text) {
				bs = si
			}
		}
		g.text = sc.kpSurf[bs].text
		spread := 0.0
		for _, id := range g.ids[:g.nids] {
			spread += float64(sc.terms[id].tf)
		}
		spread /= float64(g.nids)
		// compound parts ("Huawei-Chips": Huawei, Chips) add their frequency
		parts := headTF(gi)
		if g.nids == 1 {
			for _, id := range sc.partIDs[g.p0:g.p1] {
				parts += float64(sc.terms[id].tf)
			}
		}
		lenBonus := 1 + 0.4*float64(g.nids-1)
		pos := 1 + 1/(1+float64(g.firstRank))
		g.score = (g.count + 0.5*(spread-g.count) + 0.25*parts) * lenBonus * pos
		if g.count < 2 && g.nids > 1 {
			g.score *= 0.6
		}
		best = max(best, g.score)
		cands = append(cands, kpCand{score: g.score, gi: int32(gi)})
	}
	sc.kpCands = cands
	if best <= 0 {
		return out
	}
	// Candidates best first (score, then text, then first seen): a heap,
	// since only a few of them are taken.
	for i := len(cands)/2 - 1; i >= 0; i-- {
		sc.siftDown(cands, i)
	}
	out = make([]Keyphrase, 0, min(n, len(cands)))
	taken := sc.kpTaken[:0]
	for len(cands) > 0 && len(out) < n {
		gi := cands[0].gi
		last := len(cands) - 1
		cands[0] = cands[last]
		cands = cands[:last]
		sc.siftDown(cands, 0)
		g := &sc.kpGroups[gi]
		if sc.coveredBy(g, taken) {
			continue
		}
		taken = append(taken, gi)
		out = append(out, Keyphrase{Text: g.text, Score: round(g.score / best)})
	}
	sc.kpTaken = taken
	return out
}

// generic reports whether every noun of g is a generic noun (isGenericStem),
// g is a generic noun before a name ("Firma Nordchip", "Konzern Siemens":
// the name makes a keyphrase of its own), or a hyphenated compound with a
// generic head.
func (sc *scratch) generic(g *phraseGroup) bool {
	if g.nids > 1 && g.adjs&1 == 0 && isGenericStem(string(sc.stem(g.ids[0]))) {
		return true
	}
	if g.nids == 1 && g.p1 > g.p0 && isGenericStem(string(sc.stem(sc.partIDs[g.p1-1]))) {
		return true // a hyphenated compound with a generic head: "CDU-Chef", "Nvidia-Zahlen"
	}
	for i, id := range g.ids[:g.nids] {
		if g.adjs&(1<<i) == 0 && !isGenericStem(string(sc.stem(id))) {
			return false
		}
	}
	return true
}

// kpCand is a keyphrase candidate: a group and a copy of its score, which
// orders most pairs without a look at the groups.
type kpCand struct {
	score float64
	gi    int32
}

// before reports whether candidate a comes before b: by score, then text,
// then first seen.
func (sc *scratch) before(a, b kpCand) bool {
	switch {
	case a.score > b.score:
		return true
	case a.score < b.score:
		return false
	}
	return sc.beforeTie(a, b)
}

// beforeTie is before for equal scores (or NaN, which cmp.Compare orders).
func (sc *scratch) beforeTie(a, b kpCand) bool {
	if c := cmp.Compare(b.score, a.score); c != 0 {
		return c < 0
	}
	if c := strings.Compare(sc.kpGroups[a.gi].text, sc.kpGroups[b.gi].text); c != 0 {
		return c < 0
	}
	return a.gi < b.gi
}

// siftDown restores the heap order of h below i.
func (sc *scratch) siftDown(h []kpCand, i int) {
	for {
		l := 2*i + 1
		if l >= len(h) {
			return
		}
		m := l
		if r := l + 1; r < len(h) && sc.before(h[r], h[l]) {
			m = r
		}
		if !sc.before(h[m], h[i]) {
			return
		}
		h[i], h[m] = h[m], h[i]
		i = m
	}
}

// minHead and minModifier are the least lengths in bytes of the head and
// the modifier of a closed compound.
const minHead, minModifier = 4, 3

// tail returns the last minHead bytes of a stem, which a compound shares
// with its head: the key of scratch.kpHeads.
func tail(stem []byte) uint64 {
	return uint64(stem[len(stem)-4]) | uint64(stem[len(stem)-3])<<8 | uint64(stem[len(stem)-2])<<16 | uint64(stem[len(stem)-1])<<24
}

// head returns the one-word group whose stem is the longest head of the
// stem of one-word group gi, or -1: the longest suffix stem[i:] that is
// the stem of another one-word group, with i ≥ minModifier, len(stem)-i ≥
// minHead and i the start of a rune.
func (sc *scratch) head(gi int) int32 {
	stem := sc.stem(sc.kpGroups[gi].ids[0])
	if len(stem) < minModifier+minHead {
		return -1
	}
	key := tail(stem)
	best, bestLen := int32(-1), 0
	t := &sc.kpHeads
	for i := t.start(key); t.slots[i].full; i = t.next(i) {
		s := &t.slots[i]
		if s.key != key || int(s.val) == gi {
			continue
		}
		h := sc.stem(sc.kpGroups[s.val].ids[0])
		if len(h) > bestLen && len(h) <= len(stem)-minModifier && bytes.HasSuffix(stem, h) && runeStart(stem, len(stem)-len(h)) {
			best, bestLen = s.val, len(h)
		}
	}
	return best
}

// runeStart reports whether ranging over string(s) yields index i.
func runeStart(s []byte, i int) bool {
	for j := range string(s) {
		if j >= i {
			return j == i
		}
	}
	return false
}

// coveredBy reports whether g shares a word with a phrase already taken
// ("Unabhängigkeit" after "technologische Unabhängigkeit", "Modell R2" after
// "Modell"): each word is reported once, in its best phrase.
func (sc *scratch) coveredBy(g *phraseGroup, taken []int32) bool {
	for _, ti := range taken {
		t := &sc.kpGroups[ti]
		for _, id := range g.ids[:g.nids] {
			if slices.Contains(t.ids[:t.nids], id) {
				return true
			}
		}
	}
	return false
}

// resetKeyphrases clears the keyphrase scratch, keeping capacity.
func (sc *scratch) resetKeyphrases() {
	sc.kpIndex.reset()
	sc.kpHeads.reset()
	clear(sc.kpSurf) // drop string references
	sc.kpGroups = sc.kpGroups[:0]
	sc.kpSurf = sc.kpSurf[:0]
	sc.kpCands = sc.kpCands[:0]
	sc.kpTaken = sc.kpTaken[:0]
}

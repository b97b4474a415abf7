package summarize

import (
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

type phraseGroup struct {
	ids        []int32 // stem ids of the words
	count      float64 // weighted occurrences
	firstRank  int     // rank of the first sentence it occurs in
	nonInitial bool    // seen at least once not as the first word of a sentence
	surfaces   []surface
	score      float64
}

type surface struct {
	text  string
	count int
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
	sc.load(seg, h)
	return sc.keyphrases(seg, h, n)
}

// keyphrases extracts up to n keyphrases from a loaded scratch.
func (sc *scratch) keyphrases(seg *german.Segmented, h Hints, n int) []Keyphrase {
	out := []Keyphrase{}
	if n <= 0 || len(sc.sents) == 0 {
		return out
	}
	groups := make(map[string]*phraseGroup, 4*len(sc.sents))
	var order []*phraseGroup
	var key []byte
	add := func(ids []int32, text string, rank int, initial bool, weight float64) {
		key = key[:0]
		for _, id := range ids {
			key = append(key, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
		}
		g := groups[string(key)]
		if g == nil {
			g = &phraseGroup{ids: slices.Clone(ids), firstRank: rank}
			groups[string(key)] = g
			order = append(order, g)
		}
		g.count += weight
		g.nonInitial = g.nonInitial || !initial
		for i := range g.surfaces {
			if g.surfaces[i].text == text {
				g.surfaces[i].count++
				return
			}
		}
		g.surfaces = append(g.surfaces, surface{text: text, count: 1})
	}

	type word struct {
		tok     german.Token
		id      int32
		noun    bool
		adj     bool
		initial bool
	}
	var ws []word
	var ids []int32
	var one [1]int32
	for rank, si := range sc.sents {
		weight := 1.0
		if h.Boost != nil {
			if b := h.Boost(si.idx); b > 0 && b < 1e6 {
				weight += b
			}
		}
		ws = ws[:0]
		first := true
		flush := func() {
			for i := 0; i < len(ws); i++ {
				if !ws[i].noun && !ws[i].adj {
					continue
				}
				// every noun alone
				if ws[i].noun {
					one[0] = ws[i].id
					add(one[:], ws[i].tok.Text, rank, ws[i].initial, weight)
				}
				// adjective(s) + noun, noun + noun (names): up to maxPhraseWords
				ids = ids[:0]
				ids = append(ids, ws[i].id)
				for j := i + 1; j < len(ws) && j-i < maxPhraseWords; j++ {
					prev := ws[j-1]
					if !(ws[j].noun && (prev.adj || prev.noun)) && !(ws[j].adj && prev.adj) {
						break
					}
					ids = append(ids, ws[j].id)
					if ws[j].noun && (ws[i].adj || ws[i].tok.IsUpper() && !ws[i].initial) {
						add(ids, seg.Text[ws[i].tok.Start:ws[j].tok.End], rank, ws[i].initial, weight)
					}
				}
			}
			ws = ws[:0]
		}
		for _, tok := range seg.Sentences[si.idx].Tokens {
			if tok.Start < si.start || tok.End > si.end || tok.Start >= tok.End {
				continue
			}
			if tok.Kind != german.Word {
				flush()
				first = false
				continue
			}
			e := sc.term(tok.Text)
			w := word{tok: tok, id: e.id, initial: first}
			first = false
			if e.id >= 0 {
				if tok.IsUpper() {
					w.noun = true
				} else {
					w.adj = isAdjective(german.Lower(tok.Text))
				}
			}
			if !w.noun && !w.adj {
				flush()
				continue
			}
			ws = append(ws, w)
		}
		flush()
	}

	// closed compounds: "Exportkontrollen" shares its head with "Kontrollen"
	heads := map[string]*phraseGroup{}
	for _, g := range order {
		if len(g.ids) == 1 && g.ids[0] >= 0 {
			heads[sc.stemOf[g.ids[0]]] = g
		}
	}
	headOf := func(g *phraseGroup) *phraseGroup {
		if len(g.ids) != 1 {
			return nil
		}
		stem := sc.stemOf[g.ids[0]]
		for i := range stem {
			if i >= 3 && len(stem)-i >= 4 {
				if h := heads[stem[i:]]; h != nil && h != g {
					return h // the longest head that is a candidate itself
				}
			}
		}
		return nil
	}

	best := 0.0
	cands := order[:0:0]
	for _, g := range order {
		if len(g.ids) == 1 && !g.nonInitial {
			continue // only ever capitalised as the first word: likely no noun
		}
		spread := 0.0
		for _, id := range g.ids {
			spread += float64(sc.terms[id].tf)
		}
		spread /= float64(len(g.ids))
		// compound parts ("Huawei-Chips": Huawei, Chips) add their frequency
		parts := 0.0
		if len(g.ids) == 1 {
			if e, ok := sc.words[g.surfaces[0].text]; ok {
				for _, id := range sc.partIDs[e.p0:e.p1] {
					parts += float64(sc.terms[id].tf)
				}
			}
		}
		if h := headOf(g); h != nil {
			parts += float64(sc.terms[h.ids[0]].tf)
		}
		lenBonus := 1 + 0.4*float64(len(g.ids)-1)
		pos := 1 + 1/(1+float64(g.firstRank))
		g.score = (g.count + 0.5*(spread-g.count) + 0.25*parts) * lenBonus * pos
		if g.count < 2 && len(g.ids) > 1 {
			g.score *= 0.6
		}
		best = max(best, g.score)
		cands = append(cands, g)
	}
	if best <= 0 {
		return out
	}
	for _, g := range cands {
		// the most frequent form; among equally frequent ones the
		// shortest, which is usually the base form ("Modell", not "Modells")
		slices.SortStableFunc(g.surfaces, func(a, b surface) int { return cmp.Compare(b.count, a.count) })
		top := g.surfaces[0].count
		best := 0
		for i, sf := range g.surfaces {
			if sf.count == top && len(sf.text) < len(g.surfaces[best].text) {
				best = i
			}
		}
		g.surfaces[0], g.surfaces[best] = g.surfaces[best], g.surfaces[0]
	}
	slices.SortStableFunc(cands, func(a, b *phraseGroup) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return strings.Compare(a.surfaces[0].text, b.surfaces[0].text)
	})
	var taken []*phraseGroup
	for _, g := range cands {
		if len(out) == n {
			break
		}
		if coveredBy(g, taken) {
			continue
		}
		taken = append(taken, g)
		out = append(out, Keyphrase{Text: g.surfaces[0].text, Score: round(g.score / best)})
	}
	return out
}

// coveredBy reports whether g shares a word with a phrase already taken
// ("Unabhängigkeit" after "technologische Unabhängigkeit", "Modell R2" after
// "Modell"): each word is reported once, in its best phrase.
func coveredBy(g *phraseGroup, taken []*phraseGroup) bool {
	for _, t := range taken {
		for _, id := range g.ids {
			if slices.Contains(t.ids, id) {
				return true
			}
		}
	}
	return false
}

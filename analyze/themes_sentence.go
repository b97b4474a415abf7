package analyze

import (
	"math"
	"slices"

	"github.com/techschau/techschau/german"
)

// The sentence model. A text carries a theme when one of its sentences is
// mainly about it (THEMES.md), so besides the document's cue densities the
// ThemeModel scores every body sentence that has cues of a theme: is this
// sentence about the theme? Its features describe the sentence's cues —
// how dense and how many, of which kind (phrases, entities, lower-case
// words, i.e. the verbs, participles and adjectives that state an event),
// whether they stand in a main clause, whether the sentence hedges
// ("könnte", "möglicherweise") or asks — and its place: the lead, and the
// neighbours' cues of the same theme. The sentence probabilities feed the
// document's score (the best, the second best and their sum) and order
// the evidence.
const (
	sfDensity    = iota // cue weight over length (themes_score.go), at most densityCap
	sfCueSum            // log(1 + cue weight)
	sfMaxCue            // largest single cue weight, not negated
	sfDistinct          // distinct positive cues (at most 4)
	sfPhrase            // share of the cue weight from phrases
	sfEntity            // share of the cue weight from entities and pairs
	sfVerb              // share from lower-case words in mid-sentence (verbs, participles, adjectives)
	sfMain              // share from words outside adverbial and relative clauses
	sfCueWords          // share of the content words that carry a cue
	sfNegated           // share of the cue weight lost to negation
	sfHedge             // the sentence hedges: a conditional or speculative word
	sfQuestion          // the sentence is a question
	sfLead              // the sentence is the headline or lead (first two body sentences)
	sfNeighbours        // densest of the previous and next body sentence, at most densityCap
	sfContext           // log(1 + weight of the theme's required context in the sentence and its neighbours)
	sfAgainst           // log(1 + weight of the theme's counter-context in the sentence)
	numSentFeatures
)

var sentFeatureNames = [numSentFeatures]string{
	"density", "cue_sum", "max_cue", "distinct_cues", "phrase_share", "entity_share", "verb_share",
	"main_clause_share", "cue_word_share", "negated", "hedge", "question", "lead", "neighbours",
	"context", "against",
}

// ThemeSentenceFeatureNames returns the names of the sentence model's
// features, in the order of ThemeSentence.Values.
func ThemeSentenceFeatureNames() []string { return slices.Clone(sentFeatureNames[:]) }

// Word classes the sentence features need (flags of phrase units).
const (
	unitHedge  = 1 << iota // a conditional or speculative word
	unitSubord             // opens an adverbial clause
	unitRel                // a relative pronoun (opens a clause after a comma)
	unitFiller             // a particle or adverb a phrase match may skip
)

// hedgeWords are conditional and speculative words: a sentence with one
// speaks of a possibility, which THEMES.md does not count as a fact. The
// forms of "sollen" and "hätte" are left out: "sollte im Herbst
// erscheinen" and "hätte bereits" are how a delay is told.
var hedgeWords = []string{
	"könnte", "könnten", "würde", "würden", "wäre", "wären", "dürfte", "dürften", "müsste",
	"müssten", "vielleicht", "falls", "möglicherweise", "eventuell", "womöglich", "mögliche",
	"möglichen", "möglicher", "spekuliert", "Spekulationen", "Gerüchte", "Gerüchten", "befürchtet",
	"befürchten", "drohen", "droht", "drohende", "angeblich", "vermutlich", "denkbar", "Risiko",
}

// subordinators open adverbial clauses; "dass" and "ob" are left out, as
// reported speech ("teilte mit, dass der Start verschoben wird") carries
// its news in them.
var subordinators = []string{
	"weil", "da", "nachdem", "obwohl", "obgleich", "wenn", "falls", "als", "während", "bevor",
	"sobald", "solange", "sofern", "damit", "indem", "sodass", "wobei", "seit", "seitdem",
}

// fillers are particles and adverbs that stand inside the expressions
// of the taxonomy's phrases without changing them ("lässt noch auf sich
// warten", "fiel vorübergehend aus"); a phrase match skips up to
// maxFillers of them.
var fillers = []string{
	"noch", "schon", "bereits", "wohl", "nun", "jetzt", "auch", "zunächst", "vorerst", "erneut",
	"allerdings", "jedoch", "nämlich", "derzeit", "bislang", "bisher", "immer", "wieder", "erst",
	"vorübergehend", "endgültig", "weiterhin", "offenbar", "offensichtlich", "komplett",
	"vollständig", "teilweise", "kurzfristig", "zeitweise", "massiv", "gründlich",
}

// relativePronouns open a relative clause after a comma ("das" is left
// out: after a comma it is as often an article).
var relativePronouns = []string{
	"der", "die", "dem", "den", "dessen", "deren", "denen", "welcher", "welche", "welches",
	"welchem", "welchen",
}

// addWordClasses gives the words of the sentence features units with
// their flags. The few content words among them are added to the word
// filters (their 4-byte heads are rare, so few other words become
// candidates for stemming).
func (b *cueBuilder) addWordClasses() {
	set := func(words []string, flag uint8) {
		for _, w := range words {
			u := stemUnit(w)
			if !german.IsStopWord(german.Lower(w)) {
				b.addFilter(u, false) // a content word must pass the filters to get its unit
			}
			id := b.unit(u)
			for int(id) >= len(b.flags) {
				b.flags = append(b.flags, 0)
			}
			b.flags[id] |= flag
		}
	}
	set(hedgeWords, unitHedge)
	set(subordinators, unitSubord)
	set(relativePronouns, unitRel)
	set(fillers, unitFiller)
}

// flag returns the flags of unit id.
func (g *tagger) flag(id int32) uint8 {
	if id < 0 || int(id) >= len(g.unitFlags) {
		return 0
	}
	return g.unitFlags[id]
}

// sentRec is one body sentence with cues of one theme: its features and,
// once scored, its probability.
type sentRec struct {
	theme     int32
	idx, body int32 // sentence index in the segmentation and among the body sentences
	x         [numSentFeatures]float64
	p         float64
}

// sentAgg is what the sentence model says about a theme in a document.
type sentAgg struct {
	best, second, sum float64
}

func (s *sentAgg) add(p float64) {
	s.sum += p
	switch {
	case p > s.best:
		s.best, s.second = p, s.best
	case p > s.second:
		s.second = p
	}
}

// values sets the document features of the sentence model in x.
func (s *sentAgg) values(x []float64) {
	x[featSentBest] = s.best
	x[featSentSecond] = s.second
	x[featSentSum] = math.Log1p(s.sum)
}

// recordSentence keeps the sentence features of the current sentence
// (index si, body index body, content words) for every theme with a
// positive cue sum there.
func (g *tagger) recordSentence(sc *sentScratch, s german.Sentence, si, body, content int, norm float64) {
	question := false
	for i := len(s.Tokens) - 1; i >= 0; i-- {
		if tk := s.Tokens[i]; tk.Kind == german.Punct {
			if tk.Text == "?" {
				question = true
				break
			}
			continue
		}
		break
	}
	for t := range g.nThemes {
		acc := sc.acc[t]
		if acc <= 0 {
			continue
		}
		var r sentRec
		r.theme, r.idx, r.body = int32(t), int32(si), int32(body)
		x := &r.x
		d := acc / norm
		x[sfDensity] = min(d, densityCap)
		x[sfCueSum] = math.Log1p(acc)
		x[sfMaxCue] = sc.maxw[t]
		x[sfDistinct] = float64(min(sc.ncue[t], 4))
		x[sfPhrase] = min(1, sc.phr[t]/acc)
		x[sfEntity] = min(1, max(0, sc.ents[t])/acc)
		x[sfVerb] = min(1, sc.verb[t]/acc)
		x[sfMain] = min(1, sc.main[t]/acc)
		x[sfCueWords] = min(1, float64(sc.cueWords[t])/float64(content))
		if sc.negw[t] > 0 {
			x[sfNegated] = sc.negw[t] / (sc.negw[t] + acc)
		}
		if sc.hedge {
			x[sfHedge] = 1
		}
		if question {
			x[sfQuestion] = 1
		}
		if body < leadSentences {
			x[sfLead] = 1
		}
		if c := g.against[t]; c >= 0 {
			x[sfAgainst] = math.Log1p(max(0, sc.acc[c]))
		}
		// neighbours: the previous record of the theme, if it is the
		// previous body sentence, and this one are each other's
		if k := sc.lastRec[t]; k >= 0 && sc.recs[k].body == int32(body-1) {
			p := &sc.recs[k]
			x[sfNeighbours] = max(x[sfNeighbours], p.x[sfDensity])
			p.x[sfNeighbours] = max(p.x[sfNeighbours], x[sfDensity])
		}
		sc.lastRec[t] = len(sc.recs)
		sc.recs = append(sc.recs, r)
	}
	// the contexts' weights of this body sentence, for its neighbours
	nc := len(g.ids) - g.nThemes
	if nc == 0 {
		return
	}
	for len(sc.ctxW) < (body+1)*nc {
		sc.ctxW = append(sc.ctxW, 0)
	}
	for c := range nc {
		sc.ctxW[body*nc+c] = max(0, sc.acc[g.nThemes+c])
	}
}

// contextNear is the weight of context c (a tagger index) in body
// sentence body and its neighbours.
func (g *tagger) contextNear(sc *sentScratch, c, body int) float64 {
	nc := len(g.ids) - g.nThemes
	w := 0.0
	for b := max(0, body-1); b <= body+1; b++ {
		if k := b*nc + c - g.nThemes; k < len(sc.ctxW) {
			w += sc.ctxW[k]
		}
	}
	return w
}

// scoreSentences scores the recorded sentences with the sentence model
// and sums them up per theme.
func (g *tagger) scoreSentences(sc *sentScratch) {
	for i := range sc.recs {
		r := &sc.recs[i]
		if c := g.requires[r.theme]; c >= 0 {
			r.x[sfContext] = math.Log1p(g.contextNear(sc, c, int(r.body)))
		}
		r.p = g.model.sentence(int(r.theme), r.x[:])
		sc.sagg[r.theme].add(r.p)
	}
}

// evidence returns the sentence indexes of theme t's evidence, the most
// characteristic first: by sentence probability when the model has a
// sentence model, else by density; a second or third sentence only when
// it is about the theme too.
func (g *tagger) evidence(sc *sentScratch, t int) []themeHit {
	a := &sc.agg[t]
	if !g.model.hasSentence {
		var out []themeHit
		for i, h := range a.top[:a.nTop] {
			if i > 0 && h.d < evidenceMin {
				break
			}
			out = append(out, h)
		}
		return out
	}
	var top [maxEvidence]themeHit
	n := 0
	for _, r := range sc.recs {
		if int(r.theme) != t {
			continue
		}
		h := themeHit{r.p, int(r.idx)}
		i := n
		if i == maxEvidence {
			if h.d <= top[i-1].d {
				continue
			}
			i--
		} else {
			n++
		}
		for i > 0 && top[i-1].d < h.d {
			top[i] = top[i-1]
			i--
		}
		top[i] = h
	}
	out := make([]themeHit, 0, n)
	for i, h := range top[:n] {
		if i > 0 && h.d < sentenceEvidenceMin {
			break
		}
		out = append(out, h)
	}
	return out
}

// sentenceEvidenceMin is the sentence probability of a second or third
// evidence sentence.
const sentenceEvidenceMin = 0.2

// ThemeSentence is one body sentence with cues of a theme, as the
// sentence model sees it (see ThemeFeatures).
type ThemeSentence struct {
	// Start and End are the sentence's byte offsets.
	Start int `json:"start"`
	End   int `json:"end"`
	// Values are the features, named by ThemeSentenceFeatureNames.
	Values []float64 `json:"values"`
}

// DocumentValues returns the document features of f as an Analyzer with
// model m computes them: f.Values with the features that sum up the
// sentence model (sent_best, sent_second, sent_sum) scored by m's
// sentence model over f.Sentences. It lets a fitter try sentence models
// without analysing the texts again.
func (m *ThemeModel) DocumentValues(f ThemeFeatures) []float64 {
	x := slices.Clone(f.Values)
	if len(x) != numThemeFeatures {
		return x
	}
	c := m.compile([]string{f.ID})
	var s sentAgg
	for _, st := range f.Sentences {
		if len(st.Values) == numSentFeatures {
			s.add(c.sentence(0, st.Values))
		}
	}
	s.values(x)
	return x
}

// Prob is the model's probability that a sentence with features x
// (ThemeSentenceFeatureNames) is mainly about theme.
func (m *SentenceModel) Prob(theme string, x []float64) float64 {
	z := m.Intercept + m.Themes[theme]
	for i, n := range sentFeatureNames {
		if i < len(x) {
			z += m.Weights[n] * x[i]
		}
	}
	return 1 / (1 + math.Exp(-z))
}

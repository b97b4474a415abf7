package analyze

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/techschau/techschau/german"
)

// Theme tagging, in three files: this one builds the tagger from a
// Taxonomy (cue tables and word filters), themes_filter.go turns a word
// into the cues it counts for, and themes_score.go scans the body
// sentences, sums their cues and scores each theme with the ThemeModel
// (themes_model.go).

// cueRef is one cue of a theme (or context) as a word, phrase, entity or
// pair lookup finds it: the theme's index, the cue's id (unique over the
// tagger) and its taxonomy weight.
type cueRef struct {
	theme int32
	cue   int32
	w     float64
}

type phraseCue struct {
	units []int32 // ids of the phrase's units in the tagger's vocabulary
	cueRef
}

// pairCue is a Pair of the taxonomy: places a and b named in one
// sentence, and, when with >= 0, a cue of theme or context with there too.
type pairCue struct {
	a, b string
	with int
	cueRef
}

type tagger struct {
	ids, labels []string
	nThemes     int   // ids[:nThemes] are themes, the rest contexts
	requires    []int // per theme, the index of its required context or -1
	against     []int // per theme, the index of its counter-context or -1
	nCues       int
	cueNames    []string // per cue id, "kind:key" (for explaining a score)
	cueTheme    []int32  // per cue id, its theme or context
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
	// unitFlags are the word classes of units (unitHedge ...), by id
	unitFlags []uint8
	ents      map[string][]cueRef
	pairs     []pairCue
	// filters: a word whose folded form passes none of them cannot match a
	// stem, part, form or phrase cue and is not stemmed
	prefix    gramSet // first 4 bytes of cue stems
	inner     gramSet // 4-grams of compound parts
	short     *wordTable[bool]
	shortHead gramSet // filters the short lookups (see headKey)
	shortLens []int
	// partFilter: every part has at least 4 bytes, so partHead rules
	// parts out
	partFilter bool
	model      compiledModel
	pool       sync.Pool       // of *sentScratch
	caches     chan *wordCache // free list (a sync.Pool would drop them at every GC)
	nCaches    atomic.Int32
}

// newTagger builds the tagger of a taxonomy scored by model m.
func newTagger(t *Taxonomy, m *ThemeModel) *tagger {
	g := &tagger{ents: map[string][]cueRef{}, caches: make(chan *wordCache, min(runtime.GOMAXPROCS(0), maxCaches))}
	// contexts are scored like themes, after them, and never listed
	defs := slices.Clone(t.themes)
	g.nThemes = len(defs)
	index := map[string]int{}
	for i, d := range defs {
		index[d.ID] = i
	}
	ctxIndex := map[string]int{}
	for _, name := range sortedKeys(t.contexts) {
		ctxIndex[name] = len(defs)
		defs = append(defs, ThemeDef{ID: "context:" + name, Cues: t.contexts[name]})
	}
	ctx := func(name string) int {
		if i, ok := ctxIndex[name]; ok && name != "" {
			return i
		}
		return -1
	}
	for _, d := range t.themes {
		g.requires = append(g.requires, ctx(d.Requires))
		g.against = append(g.against, ctx(d.Against))
	}
	b := cueBuilder{g: g, stems: map[string][]cueRef{}, forms: map[string][]cueRef{}, parts: map[string][]cueRef{}, short: map[string]bool{}, vocabID: map[string]int32{}, lens: map[int]bool{}}
	for ti, d := range defs {
		g.ids = append(g.ids, d.ID)
		g.labels = append(g.labels, d.LabelDE)
		b.addTheme(int32(ti), d.Cues, func(with string) int {
			if i, ok := index[with]; ok {
				return i
			}
			if i, ok := ctxIndex[with]; ok {
				return i
			}
			return -1
		})
	}
	b.addWordClasses()
	b.finish()
	g.model = m.compile(g.ids[:g.nThemes])
	return g
}

// cueBuilder collects the cues of a taxonomy into the tagger's tables.
type cueBuilder struct {
	g                   *tagger
	stems, forms, parts map[string][]cueRef
	short               map[string]bool
	vocab               []string
	vocabID             map[string]int32
	phrases             [][]phraseCue
	cue                 int32
	lens                map[int]bool
	flags               []uint8 // by unit id
}

func (b *cueBuilder) next(th int32, w float64, name string) cueRef {
	r := cueRef{th, b.cue, w}
	b.cue++
	b.g.cueNames = append(b.g.cueNames, name)
	b.g.cueTheme = append(b.g.cueTheme, th)
	return r
}

// addTheme adds the cues of theme (or context) th; with resolves the
// "with" of a pair to a theme or context index.
func (b *cueBuilder) addTheme(th int32, c Cues, with func(string) int) {
	g := b.g
	// stems and stemmed words: one cue per stem (the largest weight); a
	// word or form with a hyphen or space is matched as a phrase, as the
	// sentence's compounds are split at their hyphens
	stems := map[string]float64{}
	phrases := maps.Clone(c.Phrases)
	if phrases == nil {
		phrases = map[string]float64{}
	}
	for k, w := range c.Stems {
		stems[k] = maxAbs(stems[k], w)
	}
	for k, w := range c.Words {
		if strings.ContainsAny(k, "- ") {
			phrases[k] = maxAbs(phrases[k], w)
			continue
		}
		st := stemUnit(k)
		stems[st] = maxAbs(stems[st], w)
	}
	for _, k := range sortedKeys(stems) {
		b.stems[k] = append(b.stems[k], b.next(th, stems[k], "stem:"+k))
		b.addFilter(k, false)
	}
	for _, k := range sortedKeys(c.Forms) {
		if strings.ContainsAny(k, "- ") {
			phrases[k] = maxAbs(phrases[k], c.Forms[k])
			continue
		}
		b.forms[k] = append(b.forms[k], b.next(th, c.Forms[k], "form:"+k))
		f, _ := foldInto(nil, k)
		b.addFilter(string(f), false)
	}
	for _, k := range sortedKeys(c.Parts) {
		b.parts[k] = append(b.parts[k], b.next(th, c.Parts[k], "part:"+k))
		b.lens[len(k)] = true
		b.addFilter(k, true)
	}
	for _, k := range sortedKeys(c.Entities) {
		g.ents[k] = append(g.ents[k], b.next(th, c.Entities[k], "entity:"+k))
	}
	// phrases that stem to the same units ("KI-Modelle", "KI Modellen")
	// are one cue, with the largest weight: else a match counts once per
	// spelling
	byUnits := map[string]string{} // joined stems -> the phrase kept
	for _, k := range sortedKeys(phrases) {
		key := strings.Join(phraseStems(k), " ")
		if kept, ok := byUnits[key]; ok {
			phrases[kept] = maxAbs(phrases[kept], phrases[k])
			delete(phrases, k)
			continue
		}
		byUnits[key] = k
	}
	for _, k := range sortedKeys(phrases) {
		st, stop := phraseUnits(k)
		if len(st) == 0 {
			continue
		}
		units := make([]int32, len(st))
		for i, x := range st {
			if !stop[i] {
				b.addFilter(x, false)
			}
			units[i] = b.unit(x)
		}
		b.phrases[units[0]] = append(b.phrases[units[0]], phraseCue{units, b.next(th, phrases[k], "phrase:"+k)})
	}
	for _, p := range c.Pairs {
		w := -1
		if p.With != "" {
			if w = with(p.With); w < 0 {
				continue // no such theme: the pair cannot match
			}
		}
		g.pairs = append(g.pairs, pairCue{p.A, p.B, w, b.next(th, p.Weight, "pair:"+p.A+"+"+p.B+"+"+p.With)})
	}
}

// unit returns the id of phrase unit x, adding it to the vocabulary.
func (b *cueBuilder) unit(x string) int32 {
	id, ok := b.vocabID[x]
	if !ok {
		id = int32(len(b.vocab))
		b.vocabID[x] = id
		b.vocab = append(b.vocab, x)
		b.phrases = append(b.phrases, nil)
	}
	return id
}

// addFilter registers a cue stem (already folded) in the word filters.
func (b *cueBuilder) addFilter(st string, part bool) {
	g := b.g
	if st == "" {
		return
	}
	if len(st) < 4 {
		if !b.short[st] {
			b.short[st] = true
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

// finish builds the lookup tables.
func (b *cueBuilder) finish() {
	g := b.g
	for l := range b.lens {
		g.partLens = append(g.partLens, l)
	}
	slices.Sort(g.partLens)
	g.nCues = int(b.cue)
	g.partFilter = len(g.partLens) > 0 && g.partLens[0] >= 4
	g.stems, g.forms, g.parts = wordTableOf(b.stems), wordTableOf(b.forms), wordTableOf(b.parts)
	g.short = wordTableOf(b.short)
	for st := range b.short {
		g.shortHead.addKey(headKey([]byte(st)))
	}
	ids := make([]int32, len(b.vocab))
	for i := range ids {
		ids[i] = int32(i)
	}
	g.vocab, g.phrases = newWordTable(b.vocab, ids), b.phrases
	g.unitFlags = b.flags
	g.empty, g.nicht = g.unit(nil), g.unit([]byte("nicht"))
}

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

// phraseStems splits a phrase into the units the tagger matches; every
// negation word is the unit "nicht".
func phraseStems(p string) []string {
	st, _ := phraseUnits(p)
	return st
}

// phraseUnits is phraseStems with, per unit, whether it is a stop word's
// own form (a content word's stem that only looks like one, "wart" of
// "warten", must pass the word filters).
func phraseUnits(p string) (units []string, stop []bool) {
	for _, tok := range german.Tokens(p) {
		if tok.Kind != german.Word && tok.Kind != german.Number {
			continue
		}
		for _, sp := range tok.Parts() {
			w := p[sp.Start:sp.End]
			if isNegator([]byte(german.Lower(w))) {
				units, stop = append(units, "nicht"), append(stop, true)
				continue
			}
			units, stop = append(units, stemUnit(w)), append(stop, german.IsStopWord(german.Lower(w)))
		}
	}
	return units, stop
}

// maxAbs returns the weight of larger magnitude (0 means unset).
func maxAbs(a, b float64) float64 {
	if a == 0 || b*b > a*a {
		return b
	}
	return a
}

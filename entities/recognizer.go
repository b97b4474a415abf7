package entities

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/ner"
)

// Option configures a Recognizer.
type Option func(*options)

type options struct {
	lex      *Lexicon
	extra    []*Lexicon
	noModel  bool
	noRules  bool
	minModel int
	model    *ner.Model // WithModel
}

// WithLexicon replaces the default lexicon by lex.
func WithLexicon(lex *Lexicon) Option { return func(o *options) { o.lex = lex } }

// WithExtraLexicon merges lex into the lexicon (its entries win on equal ids).
func WithExtraLexicon(lex *Lexicon) Option {
	return func(o *options) { o.extra = append(o.extra, lex) }
}

// WithoutModel turns the statistical model off: only the lexicon and the rules
// find entities.
func WithoutModel() Option { return func(o *options) { o.noModel = true } }

// WithoutRules turns the rules off (people after role nouns, organisations by
// legal form and head noun, products by shape and context, later short mentions).
func WithoutRules() Option { return func(o *options) { o.noRules = true } }

// Recognizer finds the entities of German text. A Recognizer is immutable and
// safe for concurrent use.
type Recognizer struct {
	lex   *Lexicon
	model *ner.Model
	// docModel is the model as Recognize uses it: the embedded model with
	// the outside bias chosen on real news (docOutsideBias); TagTokens keeps
	// the model's own bias, chosen on GermEval.
	docModel *ner.Model
	noRules  bool
	names    *nameLists
	pool     sync.Pool
}

// New returns a Recognizer with the default lexicon, the rules and the embedded
// statistical model unless options say otherwise.
func New(opts ...Option) (*Recognizer, error) {
	var o options
	for _, f := range opts {
		if f != nil {
			f(&o)
		}
	}
	lex := o.lex
	if lex == nil {
		d, err := DefaultLexicon()
		if err != nil {
			return nil, err
		}
		lex = d
	}
	for _, x := range o.extra {
		lex = lex.Merge(x)
	}
	r := &Recognizer{lex: lex, noRules: o.noRules, names: names()}
	if !o.noModel && o.model != nil {
		r.model = o.model
	} else if !o.noModel {
		m, err := ner.Default()
		if err != nil {
			return nil, fmt.Errorf("entities: %w", err)
		}
		r.model = m
		r.docModel = m.WithOutsideBias(docOutsideBias)
	}
	if r.docModel == nil {
		r.docModel = r.model
	}
	r.pool.New = func() any { return &state{} }
	return r, nil
}

// Lexicon returns the recognizer's lexicon.
func (r *Recognizer) Lexicon() *Lexicon { return r.lex }

// cand is a mention candidate.
type cand struct {
	sent       int // index into the used sentences
	tok, tokE  int // token range within the sentence
	start, end int
	form       [2]int
	entry      int32 // lexicon entry or -1
	key        string
	name       string
	parent     string
	typ        Type
	derived    bool
	part       bool
	ambiguous  bool
	source     string
	conf       float64
	order      int // priority order within a sentence
}

// state is the scratch space of one call.
type state struct {
	m      matcher
	lex    []lexMatch
	words  []string
	labels []ner.Label
	hints  []ner.Hint
	info   []tokInfo
	lexC   []cand
	sc     []cand
	out    []cand

	confirmed map[int32]bool
	// facts are the token facts of the call's sentences, sentence si's from
	// factOff[si]; their lower-cased forms live in lowArena.
	facts    []tokFact
	factOff  []int
	capWords []int32 // indices of the facts of capitalised Word tokens
	lowArena []byte
	counts   scratchTable // capitalised words of the text (recurs), built on demand
	short    scratchTable // link: short names, values index shortC
	shortC   []cand
	keyBuf   []byte
	// group's scratch: entity keys, the entity of each candidate, mentions per
	// entity, the entities before sorting, their scores and sort order
	byKey   scratchTable
	ent     []int32
	nm      []int32
	ents    []Entity
	score   []float64
	perm    []int32
	sents   []german.Sentence
	orig    []int
	keep    func(si int) bool // nil: all sentences count
	cur     []german.Sentence // the sentences of the call (for counts)
	counted bool
	// credits are the spans of bylines and photo credits (see appendCredits)
	credits []german.Span
	// lenient keeps every model name that overlaps no lexicon or rule name
	// (TagTokens on general CoNLL text, where the tech-news filter costs recall).
	lenient bool
}

// release drops the references into the call's text so that the pooled state
// keeps no document alive. Each call clears what it used: the scratch beyond
// the lengths is zero already.
func (st *state) release() {
	st.keep = nil
	clear(st.sents)
	clear(st.out)
	clear(st.facts)
	clear(st.shortC)
	st.sents, st.out, st.facts, st.shortC = st.sents[:0], st.out[:0], st.facts[:0], st.shortC[:0]
	st.counts.release()
	st.short.release()
	st.byKey.release()
}

// Recognize returns the entities of text (never nil). See RecognizeSegmented.
func (r *Recognizer) Recognize(text string) []Entity {
	return r.RecognizeSegmented(german.Segment(text), nil)
}

// RecognizeSegmented returns the entities of an already segmented text. use(i)
// says whether sentence i counts (nil: all); skipped sentences (boilerplate)
// contribute no mention. Entities are sorted by salience (descending), then id;
// mentions are in text order; offsets are bytes into seg.Text.
func (r *Recognizer) RecognizeSegmented(seg *german.Segmented, use func(i int) bool) []Entity {
	if seg == nil {
		return []Entity{}
	}
	st := r.pool.Get().(*state)
	defer r.pool.Put(st)
	sents := st.sents[:0]
	orig := st.orig[:0]
	for i, s := range seg.Sentences {
		if use == nil || use(i) {
			sents = append(sents, s)
			orig = append(orig, i)
		}
	}
	st.sents, st.orig = sents, orig
	if use != nil {
		// use may turn false during the run (a cancelled caller): later phases
		// skip such sentences
		st.keep = func(si int) bool { return use(orig[si]) }
	}
	defer st.release()
	cands := r.find(seg.Text, sents, st)
	return r.group(seg.Text, cands, st)
}

// find collects the accepted mention candidates of the sentences.
func (r *Recognizer) find(text string, sents []german.Sentence, st *state) []cand {
	st.m.lex = r.lex
	st.cur, st.counted = sents, false
	defer func() { st.cur = nil }()
	// pass 1: lexicon
	lexC := st.lexC[:0]
	if st.confirmed == nil {
		st.confirmed = map[int32]bool{}
	}
	confirmed := st.confirmed
	clear(confirmed)
	ntok := 0
	for _, s := range sents {
		ntok += len(s.Tokens)
	}
	// one allocation for a long text: growing per sentence copied the
	// facts of a multi-megabyte text over and over
	facts, offs := slices.Grow(st.facts[:0], ntok), slices.Grow(st.factOff[:0], len(sents)+1)
	st.lowArena = st.lowArena[:0]
	capWords := st.capWords[:0]
	for _, s := range sents {
		offs = append(offs, len(facts))
		base := len(facts)
		facts = appendFacts(facts, s.Tokens, text, &st.lowArena, r.names)
		for k := base; k < len(facts); k++ {
			if facts[k].flags&fCap != 0 && s.Tokens[k-base].Kind == german.Word {
				capWords = append(capWords, int32(k))
			}
		}
	}
	st.capWords = capWords
	offs = append(offs, len(facts))
	st.facts, st.factOff = facts, offs
	sentFacts := func(si int) []tokFact { return facts[offs[si]:offs[si+1]] }
	for si, s := range sents {
		if st.keep != nil && !st.keep(si) {
			continue
		}
		st.lex = st.m.matchFacts(s.Tokens, sentFacts(si), st.lex[:0])
		for _, lm := range st.lex {
			c := cand{sent: si, tok: lm.tok, tokE: lm.tokEnd, start: lm.start, end: lm.end, form: lm.form,
				entry: lm.entry, derived: lm.derived, part: lm.part, ambiguous: lm.ambiguous, source: SourceLexicon, conf: 0.95}
			e := &r.lex.entries[lm.entry]
			c.key, c.name, c.typ = e.ID, e.Name, e.Type
			if c.derived {
				c.typ = LOC
				c.conf = 0.85
			}
			if lm.version > 0 {
				t := sents[si].Tokens[lm.tok]
				c.parent, c.key, c.name, c.entry = c.key, c.key+"-"+slug(t.Text[lm.version+1:]), t.Text, -1
			}
			if !lm.ambiguous {
				confirmed[lm.entry] = true
			}
			lexC = append(lexC, c)
		}
	}
	out := st.out[:0]
	li := 0
	dl, dlSent := dateline(text, sents)
	for si, s := range sents {
		if st.keep != nil && !st.keep(si) {
			for ; li < len(lexC) && lexC[li].sent == si; li++ {
			}
			continue
		}
		sc := st.sc[:0]
		var excl [2]int
		if si == dlSent {
			excl = dl
		}
		l0 := li
		for ; li < len(lexC) && lexC[li].sent == si; li++ {
			c := lexC[li]
			if excl[1] > 0 && c.start >= excl[0] && c.end <= excl[1] {
				continue // the source of a dateline: "(IT BOLTWISE)", "(APA)"
			}
			if c.ambiguous && !r.ambiguousOK(c, s.Tokens, confirmed) {
				continue
			}
			if !c.derived && !c.part {
				switch c.typ {
				case ORG:
					c = extendLegal(c, s.Tokens, r.names)
					c = r.extendTail(text, c, s.Tokens)
				case PRODUCT:
					c = r.extendVersion(text, c, s.Tokens)
				}
			}
			sc = append(sc, c)
		}
		if !r.noRules {
			sortCands(sc)
			sc = r.products(text, si, s.Tokens, sc)
			if si < 3 {
				sc = datelinePlaces(text, si, s, sc)
			}
			sortCands(sc)
			sc = r.rules(text, si, s.Tokens, sentFacts(si), sc, excl, st)
			sortCands(sc)
			sc = r.shapes(text, si, s.Tokens, sentFacts(si), sc, excl)
		}
		if r.model != nil {
			sc = r.modelSpans(si, s.Tokens, sentFacts(si), sc, st, excl, lexC[l0:li])
		}
		slices.SortFunc(sc, func(a, b cand) int { return cmp.Compare(a.start, b.start) })
		out = append(out, sc...)
		clear(sc)
		st.sc = sc[:0]
	}
	clear(lexC)
	st.lexC = lexC[:0]
	if !r.noRules {
		linkYears(out)
		if st.credits = appendCredits(st.credits[:0], text, sents, r.names.firstNames); len(st.credits) > 0 {
			out = slices.DeleteFunc(out, func(c cand) bool { return inSpans(st.credits, c.start, c.end) })
		}
		out = r.link(sents, out, st)
	}
	st.out = out // cleared by release
	return out
}

// ambiguousOK decides whether an ambiguous lexicon match stands: the entity, its
// parent or a child is named unambiguously in the text, or a head noun stands
// right before it ("Modell R2", "Konzern Arm").
func (r *Recognizer) ambiguousOK(c cand, toks []german.Token, confirmed map[int32]bool) bool {
	e := &r.lex.entries[c.entry]
	if confirmed[c.entry] {
		return true
	}
	if p, ok := r.lex.byID[e.Parent]; ok && confirmed[p] {
		return true
	}
	// a version or model word after a product: "Pixel 10 Pro", "M4 Max"
	if e.Type == PRODUCT && c.tokE < len(toks) && c.end == toks[c.tokE-1].End {
		if modelRun(toks, c.tokE, true) > c.tokE {
			return true
		}
	}
	if newsContext(e.Type, toks, c.tok, c.tokE) {
		return true
	}
	if c.part && compoundConfirms(e.Type, toks[c.tok].Text, c.end-toks[c.tok].Start, r.names) {
		return true
	}
	// coordination with a confirmed name of the same type: "Signal und
	// Telegram", "SPD und die Grünen", "die Deutsche Bank, die Allianz"
	if k := c.tok - 1; k > 0 {
		if isArticle(toks[k].Text) {
			k--
		}
		if k > 0 && isConj(toks[k].Text) && r.coordinated(toks, k, e.Type, false) {
			return true
		}
	}
	if k := c.tokE; k+1 < len(toks) && isConj(toks[k].Text) {
		k++
		if isArticle(toks[k].Text) {
			k++
		}
		if k < len(toks) && r.coordinated(toks, k, e.Type, true) {
			return true
		}
	}
	if c.tok > 0 {
		lw := german.Lower(toks[c.tok-1].Text)
		n := r.names
		// "des Diskonters Hofer": a head noun in the genitive too
		if n.heads.match(lw)&(headOrg|headProd) != 0 || len(lw) > 4 && lw[len(lw)-1] == 's' && n.heads.match(lw[:len(lw)-1])&(headOrg|headProd) != 0 {
			return true
		}
		// a platform one writes "on": "schrieb er auf X.", "bei X, dass …"
		if e.Type == PRODUCT && (lw == "auf" || lw == "bei" || lw == "via") &&
			(c.tokE == len(toks) || toks[c.tokE].Kind == german.Punct || !isUpperRune(firstRune(toks[c.tokE].Text))) {
			return true
		}
	}
	for _, ch := range r.lex.children[c.entry] {
		if confirmed[ch] {
			return true
		}
	}
	return false
}

// isConj reports the words that coordinate names.
func isConj(w string) bool { return w == "und" || w == "oder" || w == "," || w == "sowie" }

// coordinated reports whether a lexicon name of type typ, not ambiguous,
// ends before toks[k] (after: starts at toks[k]): the one or two words there.
func (r *Recognizer) coordinated(toks []german.Token, k int, typ Type, after bool) bool {
	st := &matcher{lex: r.lex}
	for n := 1; n <= 2; n++ {
		i, j := k-n, k
		if after {
			i, j = k, k+n
		}
		if i < 0 || j > len(toks) {
			break
		}
		for _, lm := range st.match(toks[i:j], nil) {
			if !lm.ambiguous && !lm.part && !lm.derived && lm.tok == 0 && lm.tokEnd == j-i && r.lex.entries[lm.entry].Type == typ {
				return true
			}
		}
	}
	return false
}

// orgCompoundHeads end compounds whose first part names an organisation:
// its members, bodies and reports ("Grünen-Mitglieder", "Spiegel-Bericht",
// "Zeit-Interview"). Role nouns do too ("Grünen-Chef", see roleList).
var orgCompoundHeads = map[string]bool{
	"mitglied": true, "mitglieder": true, "mitgliedern": true, "fraktion": true, "parteitag": true, "spitze": true,
	"anhänger": true, "wähler": true, "landesverband": true, "kreisverband": true, "basis": true, "programm": true,
	"bericht": true, "berichten": true, "berichts": true, "interview": true, "podcast": true, "recherche": true, "recherchen": true,
	"umfrage": true, "artikel": true, "kolumne": true, "reportage": true, "meldung": true, "sendung": true, "informationen": true,
}

// compoundConfirms reports whether a hyphen compound w whose first n bytes
// are a name of type typ confirms that name: an organisation before a role,
// member, body or report ("Grünen-Co-Parteichef", "Spiegel-Bericht").
func compoundConfirms(typ Type, w string, n int, names *nameLists) bool {
	if typ != ORG || n >= len(w) || w[n] != '-' {
		return false
	}
	rest := german.Lower(w[n+1:])
	if i := strings.LastIndexByte(rest, '-'); i >= 0 {
		rest = rest[i+1:]
	}
	return orgCompoundHeads[rest] || names.heads.match(rest)&headRole != 0
}

// newsContext reports the contexts in which German news names an
// organisation, a product or a work and nothing else, for names that are
// also common words ("Bild", "Kurier", "Grüne", "Sky"), toks[i:j]:
//
//   - a source: after "laut" or a reporting verb and its article ("berichtete
//     der Kurier", "laut Spiegel", "so die Presse"), or before "zufolge";
//   - an affiliation in parentheses after a name ("Winfried Hermann
//     (Grüne)");
//   - a title in quotation marks ("die „Bild“", "der „Welt.“").
func newsContext(typ Type, toks []german.Token, i, j int) bool {
	if typ != ORG && typ != PRODUCT && typ != MISC {
		return false
	}
	k := i - 1
	if k >= 0 && isOpenQuote(toks[k].Text) {
		// a quoted title: the closing mark after it, a full stop allowed inside
		e := j
		if e < len(toks) && (toks[e].Text == "." || toks[e].Text == ",") {
			e++
		}
		if e < len(toks) && isCloseQuote(toks[e].Text) {
			return true
		}
		k--
	}
	if typ != ORG {
		return false
	}
	if k >= 0 && isArticle(toks[k].Text) {
		k--
	}
	if k >= 0 && sourceWord(german.Lower(toks[k].Text)) {
		return true
	}
	if j < len(toks) && toks[j].Text == "zufolge" {
		return true
	}
	// "Name (Partei)"
	return i >= 2 && j < len(toks) && toks[i-1].Text == "(" && toks[j].Text == ")" && isUpperRune(firstRune(toks[i-2].Text)) &&
		toks[i-2].Kind == german.Word
}

// sourceWord reports the words that introduce a cited source: "laut" and
// the reporting verbs of news.
func sourceWord(lw string) bool {
	switch lw {
	case "laut", "berichtet", "berichtete", "berichten", "berichteten", "schreibt", "schrieb", "meldet", "meldete",
		"zitiert", "zitierte", "so", "enthüllte", "enthüllt", "recherchierte":
		return true
	}
	return false
}

// isArticle reports the definite articles.
func isArticle(w string) bool {
	switch w {
	case "der", "die", "das", "dem", "den", "des", "Der", "Die", "Das", "Dem", "Den", "Des":
		return true
	}
	return false
}

// extendLegal extends an organisation match over a following legal form ("Siemens AG").
func extendLegal(c cand, toks []german.Token, n *nameLists) cand {
	if c.tokE < len(toks) && c.end == toks[c.tokE-1].End && n.legal[toks[c.tokE].Text] {
		t := toks[c.tokE]
		c.end, c.form[1], c.tokE = t.End, t.End, c.tokE+1
	}
	return c
}

// dateline returns the byte span of a dateline's source parenthesis
// ("PEKING / LONDON (IT BOLTWISE) –"): names inside it are not entities.
func dateline(text string, sents []german.Sentence) ([2]int, int) {
	if len(sents) == 0 {
		return [2]int{}, -1
	}
	// the dateline may be in the first or (after a headline) the second unit
	for k := 0; k < len(sents) && k < 3; k++ {
		toks := sents[k].Tokens
		open := -1
		for i := 0; i < len(toks) && i < 16; i++ {
			switch toks[i].Text {
			case "(":
				open = i
			case ")":
				if open >= 0 && i+1 < len(toks) && isDash(toks[i+1].Text) {
					return [2]int{toks[open].Start, toks[i].End}, k
				}
				open = -1
			}
		}
	}
	return [2]int{}, -1
}

func isDash(s string) bool { return s == "–" || s == "-" || s == "—" || s == "--" }

// overlaps reports whether [s,e) overlaps an accepted candidate.
func overlaps(sc []cand, s, e int) bool {
	for i := range sc {
		if s < sc[i].end && sc[i].start < e {
			return true
		}
	}
	return false
}

// group merges candidates into entities, with salience and confidence.
func (r *Recognizer) group(text string, cands []cand, st *state) []Entity {
	if len(cands) == 0 {
		return []Entity{}
	}
	// pass 1: the entity of each candidate (in order of first mention) and the
	// number of mentions of each, so that one array holds all mentions
	byKey := &st.byKey
	byKey.reset(len(cands))
	ent := st.ent[:0]
	nm := st.nm[:0]
	for i := range cands {
		k := cands[i].key
		sl, ok := byKey.slot(wordHash(k), k)
		if !ok {
			sl.val = int32(len(nm))
			nm = append(nm, 0)
		}
		ent = append(ent, sl.val)
		nm[sl.val]++
	}
	st.ent, st.nm = ent, nm
	ments := make([]Mention, len(cands))
	ents := slices.Grow(st.ents[:0], len(nm))[:len(nm)]
	score := slices.Grow(st.score[:0], len(nm))[:len(nm)]
	clear(score)
	off := 0
	for i, n := range nm {
		ents[i].Mentions = ments[off : off : off+int(n)]
		off += int(n)
	}
	for ci := range cands {
		c := &cands[ci]
		i := ent[ci]
		e := &ents[i]
		if len(e.Mentions) == 0 {
			*e = Entity{ID: c.key, Name: c.name, Type: c.typ, Source: c.source, Parent: c.parent, Mentions: e.Mentions}
			if c.entry >= 0 {
				le := &r.lex.entries[c.entry]
				e.Name, e.Type, e.Wikidata, e.Parent, e.Country = le.Name, le.Type, le.Wikidata, le.Parent, le.Country
			}
		}
		e.Mentions = append(e.Mentions, Mention{Start: c.start, End: c.end, Text: text[c.start:c.end],
			Form: text[c.form[0]:c.form[1]], Derived: c.derived})
		if c.conf > e.Confidence {
			e.Confidence = c.conf
		}
		w := 1.0
		if c.derived {
			w = 0.5
		}
		switch {
		case c.sent == 0:
			w *= 2
		case c.sent == 1:
			w *= 1.5
		}
		if c.tok <= 2 {
			w *= 1.2
		}
		score[i] += w
	}
	// a platform that was its maker's name is the company where the text
	// does not name the maker (ENTITIES.md: brand = company; Facebook before
	// Meta)
	for i := range ents {
		if e := &ents[i]; e.Type == PRODUCT && formerCompanyNames[e.ID] && e.Parent != "" {
			named := false
			for j := range ents {
				named = named || ents[j].ID == e.Parent
			}
			if !named {
				e.Type = ORG
			}
		}
	}
	best := 0.0
	for i := range ents {
		best = max(best, score[i])
		n := len(ents[i].Mentions)
		ents[i].Confidence = min(0.99, ents[i].Confidence+0.02*float64(n-1))
		ents[i].Confidence = round3(ents[i].Confidence)
	}
	for i := range ents {
		ents[i].Salience = round3(score[i] / best)
	}
	// sort a permutation, not the large structs
	perm := st.perm[:0]
	for i := range ents {
		perm = append(perm, int32(i))
	}
	slices.SortFunc(perm, func(x, y int32) int {
		a, b := &ents[x], &ents[y]
		if c := cmp.Compare(b.Salience, a.Salience); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
	out := make([]Entity, len(ents))
	for i, p := range perm {
		out[i] = ents[p]
	}
	clear(ents) // the pooled scratch keeps no document alive
	st.ents, st.score, st.perm = ents[:0], score[:0], perm[:0]
	return out
}

// docOutsideBias is the outside bias of the embedded model inside
// Recognize: chosen by 5-fold cross-validation on the team's labels of real
// news (go run ./internal/cmd/evalents; 0 won in four of five folds over
// 4000, 8000 and 16000, the GermEval choice that TagTokens keeps).
const docOutsideBias = 0

// formerCompanyNames are products that carry the name their maker had:
// typed ORG where the text does not name the maker.
var formerCompanyNames = map[string]bool{"facebook": true}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }

// TagTokens tags pre-tokenised words (one sentence, as in CoNLL files) with
// outer BIO tags: B-PER, I-ORG, O and so on, PRODUCT and MISC written as OTH.
// Names inside compounds ("Huawei-Chips") and derived adjectives are O, as in
// GermEval's outer level. Lexicon and rules win; the model's names that overlap
// none of theirs are all kept (CoNLL corpora are general text, where the
// tech-news precision filter of Recognize would cost recall). The result has
// len(tokens) tags.
func (r *Recognizer) TagTokens(tokens []string) []string {
	out := make([]string, len(tokens))
	for i := range out {
		out[i] = "O"
	}
	if len(tokens) == 0 {
		return out
	}
	var b strings.Builder
	toks := make([]german.Token, len(tokens))
	for i, w := range tokens {
		if i > 0 {
			b.WriteByte(' ')
		}
		toks[i] = german.Token{Start: b.Len(), End: b.Len() + len(w), Text: w, Kind: wordKind(w)}
		b.WriteString(w)
	}
	text := b.String()
	sents := []german.Sentence{{Span: german.Span{Start: 0, End: len(text)}, Tokens: toks}}
	st := r.pool.Get().(*state)
	st.lenient = true
	defer func() {
		st.lenient = false
		st.release()
		r.pool.Put(st)
	}()
	for _, c := range r.find(text, sents, st) {
		if c.derived || c.part {
			continue
		}
		// only whole tokens (genitive -s allowed)
		if c.start != toks[c.tok].Start {
			continue
		}
		tag := c.typ.String()
		if c.typ == PRODUCT || c.typ == MISC {
			tag = "OTH"
		}
		for k := c.tok; k < c.tokE && k < len(out); k++ {
			if k == c.tok {
				out[k] = "B-" + tag
			} else {
				out[k] = "I-" + tag
			}
		}
	}
	return out
}

// datelinePlaces adds the places of a dateline at the start of a line
// ("Montabaur / Bonn –", "Wien (APA) –") that the lexicon does not know.
func datelinePlaces(text string, si int, s german.Sentence, sc []cand) []cand {
	toks := s.Tokens
	if len(toks) < 3 || s.Start > 0 && text[s.Start-1] != '\n' {
		return sc
	}
	dash := -1
	depth := 0
	for i := 0; i < len(toks) && i < 12; i++ {
		t := toks[i]
		switch {
		case isDash(t.Text):
			if i > 0 && depth == 0 {
				dash = i
			}
			i = len(toks)
		case t.Text == "(":
			depth++
		case t.Text == ")":
			depth--
		case depth > 0:
		case t.Text == "/" || t.Text == ",":
		case t.Kind == german.Word && t.IsUpper():
		default:
			i = len(toks)
		}
	}
	if dash < 0 {
		return sc
	}
	depth = 0
	for i := 0; i < dash; i++ {
		t := toks[i]
		switch {
		case t.Text == "(":
			depth++
		case t.Text == ")":
			depth--
		case depth == 0 && t.Kind == german.Word && !overlaps(sc, t.Start, t.End) && !german.IsStopWord(german.Lower(t.Text)) &&
			!hasNounSuffix(german.Lower(t.Text)):
			sc = append(sc, cand{sent: si, tok: i, tokE: i + 1, start: t.Start, end: t.End, form: [2]int{t.Start, t.End},
				entry: -1, key: slug(t.Text), name: t.Text, typ: LOC, source: SourceRule, conf: 0.8})
		}
	}
	return sc
}

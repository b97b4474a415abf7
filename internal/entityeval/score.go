package entityeval

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// Linker says which lexicon ids a surface names (the lexicon matched on the
// surface alone) and whether an id is a lexicon id.
type Linker interface {
	Link(surface string) []string
	IsLexiconID(id string) bool
}

// LexiconLinker maps surfaces to lexicon ids with a lexicon-only recogniser.
type LexiconLinker struct {
	r   *entities.Recognizer
	ids map[string]bool
}

// NewLexiconLinker returns a Linker over lex (nil: the default lexicon).
func NewLexiconLinker(lex *entities.Lexicon) (*LexiconLinker, error) {
	opts := []entities.Option{entities.WithoutModel(), entities.WithoutRules()}
	if lex != nil {
		opts = append(opts, entities.WithLexicon(lex))
	}
	r, err := entities.New(opts...)
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for _, e := range r.Lexicon().Entries() {
		ids[e.ID] = true
	}
	return &LexiconLinker{r: r, ids: ids}, nil
}

// Link returns the ids of the lexicon entities whose mention covers the whole surface.
func (l *LexiconLinker) Link(surface string) []string {
	var ids []string
	for _, e := range l.r.Recognize(surface) {
		for _, m := range e.Mentions {
			if same(m.Text, surface) {
				ids = append(ids, e.ID)
				break
			}
		}
	}
	return ids
}

// IsLexiconID reports whether id is the id of a lexicon entry.
func (l *LexiconLinker) IsLexiconID(id string) bool { return l.ids[id] }

// Error is a miss (gold entity not found) or a false name (predicted entity
// not in the labels), with its kind (see Kinds).
type Error struct {
	Set, Doc string
	Kind     string
	Type     string // the gold type of a miss, the predicted type of a false name
	Text     string // the first surface or mention
	ID       string
	Source   string // of a false name: lexicon, rule or model
	Other    string // type error: the other side's type; wrong link: the other id
	Key      string // of a false name: its source key (see Result.BySource)
}

// Error kinds, in report order.
const (
	KindProductModel = "product-with-model"
	KindProduct      = "product"
	KindInstitution  = "institution"
	KindCompany      = "unknown company"
	KindKnownOrg     = "lexicon org"
	KindTitle        = "title/work"
	KindPerson       = "person"
	KindPlace        = "place"
	KindCommon       = "acronym/common noun"
	KindTypeError    = "type error"
	KindWrongLink    = "wrong link"
	KindBoilerplate  = "in boilerplate"
	KindSplit        = "split entity"
)

// Kinds lists the error kinds in report order.
var Kinds = []string{KindProductModel, KindProduct, KindInstitution, KindCompany, KindKnownOrg, KindTitle, KindPerson,
	KindPlace, KindCommon, KindTypeError, KindWrongLink, KindBoilerplate, KindSplit}

// Counts are matched, predicted and gold entity counts.
type Counts struct{ TP, Pred, Gold int }

// Add adds o to c.
func (c *Counts) Add(o Counts) { c.TP += o.TP; c.Pred += o.Pred; c.Gold += o.Gold }

// P returns the precision.
func (c Counts) P() float64 { return ratio(c.TP, c.Pred) }

// R returns the recall.
func (c Counts) R() float64 { return ratio(c.TP, c.Gold) }

// F1 returns the harmonic mean of P and R.
func (c Counts) F1() float64 {
	p, r := c.P(), c.R()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Result is the score of one or more documents.
type Result struct {
	Docs           int
	Untyped, Typed Counts
	// NoDerived are the untyped counts without derived-only entities on
	// either side.
	NoDerived, NoDerivedTyped Counts
	// ByType are typed counts per gold/predicted type.
	ByType map[string]*Counts
	// BySource counts predictions (Pred) and the matched ones (TP) by
	// source, type and word count of the first mention ("model LOC 1w").
	BySource map[string]*Counts
	// Matched are the matched predictions, with their source key as Kind.
	Matched []Error
	// Misses and False are the untyped errors; TypeErrors the pairs
	// matched untyped with different types.
	Misses, False, TypeErrors []Error
}

// Add adds o to r.
func (r *Result) Add(o *Result) {
	r.Docs += o.Docs
	r.Untyped.Add(o.Untyped)
	r.Typed.Add(o.Typed)
	r.NoDerived.Add(o.NoDerived)
	r.NoDerivedTyped.Add(o.NoDerivedTyped)
	if r.ByType == nil {
		r.ByType = map[string]*Counts{}
	}
	for k, v := range o.ByType {
		if r.ByType[k] == nil {
			r.ByType[k] = &Counts{}
		}
		r.ByType[k].Add(*v)
	}
	if r.BySource == nil {
		r.BySource = map[string]*Counts{}
	}
	for k, v := range o.BySource {
		if r.BySource[k] == nil {
			r.BySource[k] = &Counts{}
		}
		r.BySource[k].Add(*v)
	}
	r.Matched = append(r.Matched, o.Matched...)
	r.Misses = append(r.Misses, o.Misses...)
	r.False = append(r.False, o.False...)
	r.TypeErrors = append(r.TypeErrors, o.TypeErrors...)
}

// norm folds a surface for comparison: lower case, white space runs as one
// space, typographic apostrophes as '.
func norm(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(s, "’", "'")
	return strings.ToLower(s)
}

// same compares two surfaces case-insensitively, a genitive s, 's or ’s on
// either side tolerated.
func same(a, b string) bool {
	return sameNorm(norm(a), norm(b))
}

func sameNorm(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	rest, ok := strings.CutPrefix(a, b)
	if !ok || b == "" {
		return false
	}
	switch rest {
	case "s", "'s":
		return true
	case "n", "en", "es", "e", "ns":
		// a case ending of a single-word name ("Niederlanden")
		return !strings.Contains(a, " ") && len(b) >= 4
	}
	return false
}

// Score scores the predicted entities of one document. skip are byte spans of
// the text the recogniser did not read (boilerplate): a miss all of whose
// forms occur only there is of kind KindBoilerplate.
func Score(d Doc, pred []entities.Entity, link Linker, skip []german.Span) *Result {
	res := &Result{Docs: 1, ByType: map[string]*Counts{}, BySource: map[string]*Counts{}}
	ng, np := len(d.Entities), len(pred)
	gforms := make([][]string, ng)
	gLex := make([]map[string]bool, ng)
	for gi, g := range d.Entities {
		gLex[gi] = map[string]bool{}
		for _, s := range g.Surfaces {
			gforms[gi] = append(gforms[gi], norm(s))
			if link != nil {
				for _, id := range link.Link(s) {
					gLex[gi][id] = true
				}
			}
		}
		for _, s := range g.Derived {
			gforms[gi] = append(gforms[gi], norm(s))
		}
	}
	pforms := make([][]string, np)
	for pi, p := range pred {
		for _, m := range p.Mentions {
			pforms[pi] = append(pforms[pi], norm(m.Text))
		}
	}
	// match[p][g]; wrong[p][g] marks surface matches that contradict ids
	match := make([][]bool, np)
	wrong := make([][]bool, np)
	for pi, p := range pred {
		match[pi] = make([]bool, ng)
		wrong[pi] = make([]bool, ng)
		for gi, g := range d.Entities {
			// a label id that is a lexicon id is authoritative; other
			// label ids map to lexicon ids by surface
			goldLex := link != nil && link.IsLexiconID(g.ID)
			idOK := p.ID == g.ID || !goldLex && gLex[gi][p.ID]
			formOK := false
			for _, a := range pforms[pi] {
				for _, b := range gforms[gi] {
					if sameNorm(a, b) {
						formOK = true
					}
				}
			}
			if !idOK && formOK && goldLex && link.IsLexiconID(p.ID) {
				wrong[pi][gi] = true
				continue
			}
			match[pi][gi] = idOK || formOK
		}
	}
	typed := make([][]bool, np)
	for pi, p := range pred {
		typed[pi] = make([]bool, ng)
		for gi, g := range d.Entities {
			typed[pi][gi] = match[pi][gi] && p.Type.String() == g.Type
		}
	}
	pm, gm := bipartite(match, ng)
	tpm, tgm := bipartite(typed, ng)
	derivedOnlyP := make([]bool, np)
	for pi, p := range pred {
		derivedOnlyP[pi] = len(p.Mentions) > 0
		for _, m := range p.Mentions {
			if !m.Derived {
				derivedOnlyP[pi] = false
			}
		}
	}
	for pi := range pred {
		res.Untyped.Pred++
		res.Typed.Pred++
		if pm[pi] >= 0 {
			res.Untyped.TP++
		}
		if tpm[pi] >= 0 {
			res.Typed.TP++
		}
		if !derivedOnlyP[pi] {
			res.NoDerived.Pred++
			res.NoDerivedTyped.Pred++
			if pm[pi] >= 0 && len(d.Entities[pm[pi]].Surfaces) > 0 {
				res.NoDerived.TP++
			}
			if tpm[pi] >= 0 && len(d.Entities[tpm[pi]].Surfaces) > 0 {
				res.NoDerivedTyped.TP++
			}
		}
		ty := pred[pi].Type.String()
		sk := sourceKey(pred[pi])
		if res.BySource[sk] == nil {
			res.BySource[sk] = &Counts{}
		}
		res.BySource[sk].Pred++
		if pm[pi] >= 0 {
			res.BySource[sk].TP++
			e := Error{Set: d.Set, Doc: d.ID, Kind: sk, Type: ty, ID: pred[pi].ID, Source: pred[pi].Source}
			if len(pred[pi].Mentions) > 0 {
				e.Text = pred[pi].Mentions[0].Text
			}
			res.Matched = append(res.Matched, e)
		}
		if res.ByType[ty] == nil {
			res.ByType[ty] = &Counts{}
		}
		res.ByType[ty].Pred++
		if tpm[pi] >= 0 {
			res.ByType[ty].TP++
		}
	}
	for _, g := range d.Entities {
		res.Untyped.Gold++
		res.Typed.Gold++
		if len(g.Surfaces) > 0 {
			res.NoDerived.Gold++
			res.NoDerivedTyped.Gold++
		}
		if res.ByType[g.Type] == nil {
			res.ByType[g.Type] = &Counts{}
		}
		res.ByType[g.Type].Gold++
	}
	first := func(ss ...[]string) string {
		for _, s := range ss {
			if len(s) > 0 {
				return s[0]
			}
		}
		return ""
	}
	// misses
	for gi, g := range d.Entities {
		if gm[gi] >= 0 {
			if p := pred[gm[gi]]; tgm[gi] < 0 && p.Type.String() != g.Type {
				res.TypeErrors = append(res.TypeErrors, Error{Set: d.Set, Doc: d.ID, Kind: KindTypeError, Type: g.Type,
					Text: first(g.Surfaces, g.Derived), ID: g.ID, Source: p.Source, Other: p.Type.String()})
			}
			continue
		}
		e := Error{Set: d.Set, Doc: d.ID, Type: g.Type, Text: first(g.Surfaces, g.Derived), ID: g.ID}
		e.Kind = goldKind(g, len(gLex[gi]) > 0)
		for pi := range pred {
			if wrong[pi][gi] {
				e.Kind, e.Other = KindWrongLink, pred[pi].ID
			}
		}
		if e.Kind != KindWrongLink && onlyIn(d.Text, append(slicesClone(g.Surfaces), g.Derived...), skip) {
			e.Kind = KindBoilerplate
		}
		res.Misses = append(res.Misses, e)
	}
	// false names
	for pi, p := range pred {
		if pm[pi] >= 0 {
			continue
		}
		e := Error{Set: d.Set, Doc: d.ID, Type: p.Type.String(), ID: p.ID, Source: p.Source}
		if len(p.Mentions) > 0 {
			e.Text = p.Mentions[0].Text
		}
		e.Kind = predKind(p)
		e.Key = sourceKey(p)
		for gi := range d.Entities {
			if wrong[pi][gi] {
				e.Kind, e.Other = KindWrongLink, d.Entities[gi].ID
			}
		}
		for gi := range d.Entities {
			if match[pi][gi] && e.Kind != KindWrongLink {
				// the gold entity matched another prediction: one entity found as two
				e.Kind, e.Other = KindSplit, d.Entities[gi].ID
			}
		}
		if e.Kind != KindWrongLink && e.Kind != KindSplit {
			// a fragment of a longer gold name: "Kiel" of "Kieler Institut für Weltwirtschaft"
			for gi, g := range d.Entities {
				if fragmentOf(p, g) {
					e.Kind, e.Other = KindWrongLink, d.Entities[gi].ID
					break
				}
			}
		}
		res.False = append(res.False, e)
	}
	return res
}

// sourceKey is the BySource key of a prediction.
func sourceKey(p entities.Entity) string {
	w := 0
	if len(p.Mentions) > 0 {
		w = len(strings.Fields(p.Mentions[0].Text))
	}
	if w > 3 {
		w = 3
	}
	d := ""
	if len(p.Mentions) > 0 && p.Mentions[0].Derived {
		d = " derived"
	}
	return fmt.Sprintf("%s %s %dw%s", p.Source, p.Type, w, d)
}

func slicesClone(s []string) []string { return append([]string(nil), s...) }

// bipartite returns a maximum matching of the rows (predictions) to the
// columns (gold entities): pm[p] is the gold index or -1, gm[g] the prediction.
func bipartite(adj [][]bool, ng int) (pm, gm []int) {
	pm = make([]int, len(adj))
	gm = make([]int, ng)
	for i := range pm {
		pm[i] = -1
	}
	for i := range gm {
		gm[i] = -1
	}
	var try func(p int, seen []bool) bool
	try = func(p int, seen []bool) bool {
		for g := range ng {
			if !adj[p][g] || seen[g] {
				continue
			}
			seen[g] = true
			if gm[g] < 0 || try(gm[g], seen) {
				pm[p], gm[g] = g, p
				return true
			}
		}
		return false
	}
	for p := range adj {
		try(p, make([]bool, ng))
	}
	return pm, gm
}

// fragmentOf reports whether every mention of p lies inside a longer gold surface.
func fragmentOf(p entities.Entity, g Gold) bool {
	if len(p.Mentions) == 0 {
		return false
	}
	for _, m := range p.Mentions {
		in := false
		t := norm(m.Form)
		if m.Form == "" {
			t = norm(m.Text)
		}
		for _, s := range g.Surfaces {
			ns := norm(s)
			if len(ns) > len(t) && containsWord(ns, norm(m.Text)) {
				in = true
			}
		}
		if !in {
			return false
		}
	}
	return true
}

// containsWord reports whether sub occurs in s at a word start.
func containsWord(s, sub string) bool {
	for i := 0; ; {
		k := strings.Index(s[i:], sub)
		if k < 0 {
			return false
		}
		at := i + k
		if at == 0 || s[at-1] == ' ' || s[at-1] == '-' {
			return true
		}
		i = at + 1
	}
}

// onlyIn reports whether every occurrence of the forms in text lies inside
// a skipped span, and there is at least one.
func onlyIn(text string, forms []string, skip []german.Span) bool {
	if len(skip) == 0 {
		return false
	}
	lt := strings.ToLower(text)
	n := 0
	for _, f := range forms {
		lf := strings.ToLower(f)
		if lf == "" {
			continue
		}
		for i := 0; ; {
			k := strings.Index(lt[i:], lf)
			if k < 0 {
				break
			}
			at := i + k
			in := false
			for _, s := range skip {
				if at >= s.Start && at < s.End {
					in = true
				}
			}
			if !in {
				return false
			}
			n++
			i = at + len(lf)
		}
	}
	return n > 0
}

// modelWords mark a model designation after a product line.
var modelWords = map[string]bool{"pro": true, "plus": true, "ultra": true, "max": true, "mini": true, "edge": true, "ti": true,
	"lite": true, "air": true, "se": true, "xl": true, "+": true}

// institutionHeads end (or start) the German names of public bodies and institutions.
var institutionHeads = []string{"gericht", "gerichtshof", "ministerium", "kammer", "verband", "universität", "hochschule", "institut",
	"amt", "behörde", "agentur", "kommission", "rat", "anwaltschaft", "bank", "stiftung", "vereinigung", "gewerkschaft", "ausschuss",
	"parlament", "regierung", "akademie", "zentrum", "polizei", "aufsicht", "court", "university", "institute", "agency", "office"}

func isInstitution(name string) bool {
	for _, w := range strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return r == ' ' || r == '-' }) {
		for _, h := range institutionHeads {
			if strings.HasSuffix(w, h) || strings.HasPrefix(w, h) && len(h) >= 6 {
				return true
			}
		}
	}
	return false
}

func isProductModel(s string) bool {
	for _, r := range s {
		if r >= '0' && r <= '9' {
			return true
		}
	}
	for _, w := range strings.Fields(strings.ToLower(s)) {
		if modelWords[w] {
			return true
		}
	}
	return strings.HasSuffix(s, "+")
}

// goldKind is the kind of a missed gold entity.
func goldKind(g Gold, inLexicon bool) string {
	switch g.Type {
	case "PRODUCT":
		for _, s := range g.Surfaces {
			if isProductModel(s) {
				return KindProductModel
			}
		}
		return KindProduct
	case "ORG":
		for _, s := range append(slicesClone(g.Surfaces), g.Name) {
			if isInstitution(s) {
				return KindInstitution
			}
		}
		if inLexicon {
			return KindKnownOrg
		}
		return KindCompany
	case "PER":
		return KindPerson
	case "LOC":
		return KindPlace
	}
	return KindTitle
}

// predKind is the kind of a false name: acronyms and common nouns (and
// weekdays, times, nationality nouns) first, else what the recogniser claimed.
func predKind(p entities.Entity) string {
	if len(p.Mentions) > 0 && p.Source != entities.SourceLexicon {
		t := p.Mentions[0].Text
		if !strings.ContainsAny(t, " ") && (isAcronym(t) || commonNoun(t)) {
			return KindCommon
		}
	}
	g := Gold{Type: p.Type.String(), Name: p.Name}
	for _, m := range p.Mentions {
		g.Surfaces = append(g.Surfaces, m.Text)
	}
	return goldKind(g, p.Source == entities.SourceLexicon)
}

func isAcronym(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2 && letters <= 6
}

// nounEndings end German common nouns (and the -er/-e demonyms).
var nounEndings = []string{"ung", "ungen", "heit", "keit", "schaft", "tion", "ität", "ismus", "nis", "tum", "chen",
	"ling", "tag", "abend", "morgen", "mittag", "nacht", "woche", "monat", "jahr", "isch", "ische", "ischen", "ischer"}

func commonNoun(w string) bool {
	lw := strings.ToLower(w)
	if utf8.RuneCountInString(lw) < 3 {
		return true
	}
	for _, e := range nounEndings {
		if strings.HasSuffix(lw, e) && len(lw) > len(e)+2 {
			return true
		}
	}
	return false
}

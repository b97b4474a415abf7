package trends

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Report is the result of an aggregate, and its JSON form is the contract of
// `techschau trends` (field names are stable snake_case; the same aggregate gives the same
// bytes). Counts are documents. Every list is sorted, ties broken by id. Shares and
// figures are rounded: shares and baselines to 6 decimals, lift and PMI to 3, z to 2.
type Report struct {
	// By is the period length: "day", "week" or "month".
	By string `json:"by"`
	// Documents is the number of documents aggregated, dated and undated.
	Documents int64 `json:"documents"`
	// Periods are the periods that have dated documents, in time order.
	Periods []PeriodReport `json:"periods"`
	// Themes holds every theme some document carries, keyed by theme id, over all
	// documents (dated and undated).
	Themes map[string]ThemeReport `json:"themes"`
	// Entities are the entities in the most documents.
	Entities []EntityCount `json:"entities"`
	// Cooccurrence are the entity pairs in the most documents.
	Cooccurrence []PairCount `json:"cooccurrence"`
	// Surges are the periods in which a theme's share rose well above its trailing level,
	// in time order, then by theme.
	Surges []Surge `json:"surges"`
	// Undated counts the documents without a usable date: they are in the corpus figures
	// (themes, entities, cooccurrence) but in no period.
	Undated Undated `json:"undated"`
	// Names gives the name and type of every entity id the report lists, where known.
	Names map[string]Name `json:"names"`
	// Estimated lists the parts whose counts are estimates because a table outgrew its
	// capacity (see WithCapacity): "entities", "cooccurrence", "themes.actors",
	// "themes.associations", "periods.entities", "periods.themes.actors". Empty when every
	// count is exact.
	Estimated []string `json:"estimated"`
}

// PeriodReport is one period.
type PeriodReport struct {
	// Start is the period's first day, YYYY-MM-DD (a Monday for weeks).
	Start string `json:"start"`
	// Documents is the number of documents dated in the period.
	Documents int64 `json:"documents"`
	// Themes holds every theme of the report, keyed by id, with zeros where the period has
	// none.
	Themes map[string]PeriodTheme `json:"themes"`
	// Entities are the entities in the most of the period's documents.
	Entities []EntityCount `json:"entities"`
}

// PeriodTheme is a theme in one period.
type PeriodTheme struct {
	// Documents is the number of the period's documents that carry the theme.
	Documents int64 `json:"documents"`
	// Share is Documents over the period's documents.
	Share float64 `json:"share"`
	// Actors are the entities acting in the theme (analyze.Theme.Actors) in the most of
	// these documents.
	Actors []EntityCount `json:"actors"`
}

// ThemeReport is a theme over the whole corpus.
type ThemeReport struct {
	// Label is the theme's label as the Documents give it.
	Label string `json:"label"`
	// Documents is the number of documents carrying the theme; Share is that over all
	// documents.
	Documents int64   `json:"documents"`
	Share     float64 `json:"share"`
	// Actors are the entities acting in the theme in the most documents.
	Actors []EntityCount `json:"actors"`
	// Associations are the entities most associated with the theme: mentioned in
	// documents that carry it more often than chance would have it (lift above 1), ranked
	// by Documents × PMI (the pair's share of the mutual information of theme and entity),
	// so that an entity seen in three documents, all carrying the theme, does not outrank
	// one the theme is really about.
	Associations []Association `json:"associations"`
}

// EntityCount is an entity id with the number of documents it is counted in.
type EntityCount struct {
	ID        string `json:"id"`
	Documents int64  `json:"documents"`
}

// Association is an entity's association with a theme, over all documents.
type Association struct {
	ID string `json:"id"`
	// Documents is the number of documents that carry the theme and mention the entity
	// (at least WithMinSupport).
	Documents int64 `json:"documents"`
	// Lift is P(theme and entity) / (P(theme) P(entity)): 1 is independence, 10 means
	// ten times as often as chance. PMI is log2(Lift).
	Lift float64 `json:"lift"`
	PMI  float64 `json:"pmi"`
}

// PairCount is a pair of entities mentioned in the same documents.
type PairCount struct {
	// A and B are entity ids, A < B.
	A string `json:"a"`
	B string `json:"b"`
	// Documents is the number of documents in which both are among the first entities
	// (WithPairEntities).
	Documents int64 `json:"documents"`
	// Lift is Documents × N / (documents of A × documents of B), or 0 when unknown. As a
	// pair counts only among a document's first entities, it is a lower bound.
	Lift float64 `json:"lift"`
}

// Surge is a period in which a theme's share rose well above its trailing level.
type Surge struct {
	Theme string `json:"theme"`
	Start string `json:"start"`
	// Documents carry the theme in the period, of PeriodDocuments; Share is their ratio.
	Documents       int64   `json:"documents"`
	PeriodDocuments int64   `json:"period_documents"`
	Share           float64 `json:"share"`
	// Baseline is the mean share of the trailing periods; Z how many standard deviations
	// the share lies above it (the deviation is at least the binomial one of the period's
	// size, so that a small period needs more than one or two documents to surge).
	Baseline float64 `json:"baseline"`
	Z        float64 `json:"z"`
	// IDs are the ids of the period's documents with the highest scores for the theme
	// (at most WithDocumentIDs of them).
	IDs []string `json:"ids"`
}

// Undated counts the documents without a usable date.
type Undated struct {
	Documents int64 `json:"documents"`
	// IDs are the smallest of their ids (at most WithDocumentIDs of them).
	IDs []string `json:"ids"`
}

// Name is an entity's name and type ("ORG", "PER", "LOC", "PRODUCT", "MISC" or "").
type Name struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// Report computes the result of the aggregate. It does not change a; more documents can
// be added afterwards.
func (a *Aggregator) Report() *Report {
	a.init()
	c := &a.cfg
	r := &Report{
		By:           c.period.String(),
		Documents:    a.documents,
		Periods:      []PeriodReport{},
		Themes:       map[string]ThemeReport{},
		Cooccurrence: []PairCount{},
		Surges:       []Surge{},
		Undated:      Undated{Documents: a.undated, IDs: slices.Clone(nonNil(a.undatedIDs))},
		Names:        map[string]Name{},
		Estimated:    []string{},
	}
	names := map[string]bool{}
	counts := func(t *table[string], n int) []EntityCount {
		out := []EntityCount{}
		for _, kc := range t.top(n, strings.Compare) {
			out = append(out, EntityCount{kc.key, kc.n})
			names[kc.key] = true
		}
		return out
	}
	est := map[string]bool{}

	r.Entities = counts(&a.entities, c.top)
	est["entities"] = a.entities.estimated()
	for _, kc := range a.pairs.top(c.top, comparePairs) {
		r.Cooccurrence = append(r.Cooccurrence, PairCount{A: kc.key[0], B: kc.key[1], Documents: kc.n,
			Lift: round(ratio(kc.n, a.documents, a.entities.count(kc.key[0]), a.entities.count(kc.key[1])), 3)})
		names[kc.key[0]], names[kc.key[1]] = true, true
	}
	est["cooccurrence"] = a.pairs.estimated()

	themeIDs := slices.Sorted(maps.Keys(a.themes))
	for _, id := range themeIDs {
		t := a.themes[id]
		tr := ThemeReport{Label: t.label, Documents: t.documents, Share: round(share(t.documents, a.documents), 6),
			Actors: counts(&t.actors, c.top), Associations: a.associations(t)}
		for _, as := range tr.Associations {
			names[as.ID] = true
		}
		r.Themes[id] = tr
		est["themes.actors"] = est["themes.actors"] || t.actors.estimated()
		est["themes.associations"] = est["themes.associations"] || t.entities.estimated() || a.entities.estimated()
	}

	starts := slices.Sorted(maps.Keys(a.periods))
	for _, d := range starts {
		p := a.periods[d]
		pr := PeriodReport{Start: d.String(), Documents: p.documents, Themes: map[string]PeriodTheme{}, Entities: counts(&p.entities, c.top)}
		est["periods.entities"] = est["periods.entities"] || p.entities.estimated()
		for _, id := range themeIDs {
			pt := PeriodTheme{Actors: []EntityCount{}}
			if t := p.themes[id]; t != nil {
				pt = PeriodTheme{Documents: t.documents, Share: round(share(t.documents, p.documents), 6), Actors: counts(&t.actors, c.top)}
				est["periods.themes.actors"] = est["periods.themes.actors"] || t.actors.estimated()
			}
			pr.Themes[id] = pt
		}
		r.Periods = append(r.Periods, pr)
	}
	r.Surges = a.surges(starts, themeIDs)

	for id := range names {
		if cl := a.entities.m[id]; cl != nil && cl.rep.ok {
			r.Names[id] = Name{Name: cl.rep.name, Type: cl.rep.typ}
		}
	}
	for k, v := range est {
		if v {
			r.Estimated = append(r.Estimated, k)
		}
	}
	slices.Sort(r.Estimated)
	return r
}

// associations ranks the entities of documents carrying theme t (see ThemeReport).
func (a *Aggregator) associations(t *themeState) []Association {
	out := []Association{}
	for k, cl := range t.entities.m {
		nte := t.entities.countCell(k, cl)
		if nte < int64(a.cfg.minSupport) {
			continue
		}
		ne := a.entities.count(k)
		lift := ratio(nte, a.documents, t.documents, ne)
		if lift <= 1 { // no more often than chance
			continue
		}
		out = append(out, Association{ID: k, Documents: nte, Lift: lift})
	}
	// Rank by documents × PMI, the association's share of the mutual information of theme
	// and entity: lift alone puts entities seen three times, all in the theme, above the
	// ones a theme is really about.
	weight := func(x Association) float64 { return float64(x.Documents) * math.Log2(x.Lift) }
	slices.SortFunc(out, func(x, y Association) int {
		if c := cmp.Compare(weight(y), weight(x)); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Lift, x.Lift); c != 0 {
			return c
		}
		return strings.Compare(x.ID, y.ID)
	})
	if len(out) > a.cfg.top {
		out = out[:a.cfg.top]
	}
	for i := range out {
		out[i].PMI = round(math.Log2(out[i].Lift), 3)
		out[i].Lift = round(out[i].Lift, 3)
	}
	return out
}

// surges finds the surges of every theme over the periods (in time order).
func (a *Aggregator) surges(starts []day, themeIDs []string) []Surge {
	c := &a.cfg
	out := []Surge{}
	minBase := max(c.surgeWindow/minBaselineFraction, 1)
	for i, d := range starts {
		p := a.periods[d]
		lo := max(0, i-c.surgeWindow)
		if i-lo < minBase {
			continue
		}
		for _, id := range themeIDs {
			t := p.themes[id]
			if t == nil || t.documents < int64(c.surgeMinDocs) {
				continue
			}
			var sum, sumSq float64
			var carrying, total int64
			for _, bd := range starts[lo:i] {
				bp := a.periods[bd]
				var n int64
				if bt := bp.themes[id]; bt != nil {
					n = bt.documents
				}
				s := share(n, bp.documents)
				sum += s
				sumSq += s * s
				carrying += n
				total += bp.documents
			}
			k := float64(i - lo)
			mean := sum / k
			variance := max(sumSq/k-mean*mean, 0)
			pooled := (float64(carrying) + 1) / (float64(total) + 2)
			sd := max(math.Sqrt(variance), math.Sqrt(pooled*(1-pooled)/float64(p.documents)))
			s := share(t.documents, p.documents)
			z := (s - mean) / sd
			if !(z >= c.surgeZ) {
				continue
			}
			ids := make([]string, 0, len(t.top))
			for _, sc := range t.top {
				if !slices.Contains(ids, sc.id) {
					ids = append(ids, sc.id)
				}
			}
			out = append(out, Surge{Theme: id, Start: d.String(), Documents: t.documents, PeriodDocuments: p.documents,
				Share: round(s, 6), Baseline: round(mean, 6), Z: round(z, 2), IDs: ids})
		}
	}
	return out
}

// share returns n/of, 0 when of is 0.
func share(n, of int64) float64 {
	if of <= 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// ratio returns (a×b)/(c×d), or 0 when c×d is 0. Equal ratios of integers give equal
// floats, so ties are real ties.
func ratio(a, b, c, d int64) float64 {
	den := float64(c) * float64(d)
	if den <= 0 {
		return 0
	}
	return float64(a) * float64(b) / den
}

// round rounds x to d decimals.
func round(x float64, d int) float64 {
	p := math.Pow10(d)
	return math.Round(x*p) / p
}

// JSON returns the report as indented JSON (two spaces, no HTML escaping), without a final
// newline. The same report always gives the same bytes: `techschau trends` prints this
// followed by a newline, and so does the Beam example.
func (r *Report) JSON() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return nil, fmt.Errorf("trends: encode report: %w", err)
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// Package trendsgen generates dated Documents that look like analysed news to an
// aggregate (analyze/trends): entity ids drawn from a Zipf law over a vocabulary that keeps
// growing, a few themes on a minority of documents with actors among the document's
// entities, dates over a span, some documents undated. Tests, benchmarks and the
// evaluation command of analyze/trends use it; the output is the same for the same seed.
package trendsgen

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/entities"
)

// Doc is one generated document.
type Doc struct {
	ID       string
	Date     time.Time // zero: undated
	Document *analyze.Document
}

// Gen generates documents. Its fields may be changed between calls to Next.
type Gen struct {
	rng  *rand.Rand
	zipf *rand.Zipf

	// NewIDs is the probability that an entity is a new id, never seen before (real news:
	// about half of the distinct ids occur once).
	NewIDs float64
	// Themes are the theme ids drawn from.
	Themes []string
	// Days is the calendar span from Start; Undated the probability of no date.
	Days    int
	Start   time.Time
	Undated float64
	// MaxEntities scales the number of entities a document has (about half of it on
	// average, at most four times it).
	MaxEntities int
	// ThemeP is the probability that a document carries themes (one to three).
	ThemeP float64
	// Dups repeats document ids now and then (one in twenty).
	Dups bool

	fresh int
}

// New returns a generator seeded with seed, drawing known ids from a vocabulary of vocab
// ids and a new id with probability newIDs.
func New(seed, vocab uint64, newIDs float64) *Gen {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	return &Gen{
		rng:         rng,
		zipf:        rand.NewZipf(rng, 1.1, 2, max(vocab, 2)-1),
		NewIDs:      newIDs,
		Themes:      []string{"ai_compute", "export_controls", "semiconductors", "state_intervention", "supply_chain", "tech_sovereignty"},
		Days:        330,
		Undated:     0.03,
		Start:       time.Date(2024, 4, 1, 9, 30, 0, 0, time.FixedZone("CEST", 2*3600)),
		MaxEntities: 30,
		ThemeP:      0.3,
	}
}

var types = []entities.Type{entities.ORG, entities.LOC, entities.PER, entities.PRODUCT, entities.MISC}

func (g *Gen) entityID() string {
	if g.rng.Float64() < g.NewIDs {
		g.fresh++
		return fmt.Sprintf("neu-%d", g.fresh)
	}
	return fmt.Sprintf("e%d", g.zipf.Uint64())
}

// Next returns the i-th document (ids are "d" and i, zero-padded).
func (g *Gen) Next(i int) Doc {
	d := Doc{ID: fmt.Sprintf("d%06d", i)}
	if g.Dups && g.rng.IntN(20) == 0 {
		d.ID = fmt.Sprintf("d%06d", g.rng.IntN(i+1))
	}
	if g.rng.Float64() >= g.Undated {
		d.Date = g.Start.AddDate(0, 0, g.rng.IntN(max(g.Days, 1))).Add(time.Duration(g.rng.IntN(24)) * time.Hour)
	}
	doc := &analyze.Document{Entities: []entities.Entity{}, Themes: []analyze.Theme{}}
	n := 1 + int(math.Abs(g.rng.NormFloat64())*float64(g.MaxEntities)/2)
	n = min(n, 4*g.MaxEntities)
	for range n {
		id := g.entityID()
		// Names vary for the same id, as model entities' names do.
		name := "Name " + id
		if g.rng.IntN(4) == 0 {
			name = "Variante " + id
		}
		doc.Entities = append(doc.Entities, entities.Entity{ID: id, Name: name, Type: types[g.rng.IntN(len(types))]})
	}
	if g.rng.Float64() < g.ThemeP {
		for range 1 + g.rng.IntN(3) {
			th := analyze.Theme{ID: g.Themes[g.rng.IntN(len(g.Themes))], Label: "Thema", Score: float64(50+g.rng.IntN(50)) / 100, Actors: []string{}}
			for a := 0; a < g.rng.IntN(4) && len(doc.Entities) > 0; a++ {
				th.Actors = append(th.Actors, doc.Entities[g.rng.IntN(len(doc.Entities))].ID)
			}
			doc.Themes = append(doc.Themes, th)
		}
	}
	d.Document = doc
	return d
}

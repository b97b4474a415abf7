package trends_test

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/trends"
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/internal/trendsgen"
)

func date(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		panic(err)
	}
	return t
}

func TestPeriodStarts(t *testing.T) {
	tests := []struct {
		period trends.Period
		date   string
		want   string
	}{
		{trends.Day, "2024-04-03T13:00:00+02:00", "2024-04-03"},
		{trends.Day, "2024-04-03T23:30:00-05:00", "2024-04-03"}, // the publisher's day, not UTC's
		{trends.Week, "2024-04-03", "2024-04-01"},               // Wednesday -> Monday
		{trends.Week, "2024-04-01", "2024-04-01"},               // a Monday is its own week
		{trends.Week, "2024-04-07", "2024-04-01"},               // Sunday ends the ISO week
		{trends.Week, "2025-01-01", "2024-12-30"},               // weeks cross years
		{trends.Week, "1969-12-31", "1969-12-29"},               // before the epoch
		{trends.Week, "0001-01-03", "0001-01-01"},               // 0001-01-01 was a Monday
		{trends.Month, "2024-02-29", "2024-02-01"},
		{trends.Month, "9999-12-31", "9999-12-01"},
	}
	for _, tt := range tests {
		t.Run(tt.period.String()+" "+tt.date, func(t *testing.T) {
			a, err := trends.New(trends.WithPeriod(tt.period))
			require.NoError(t, err)
			a.Add("x", date(tt.date), nil)
			r := a.Report()
			require.Len(t, r.Periods, 1)
			assert.Equal(t, tt.want, r.Periods[0].Start)
		})
	}
}

func TestParsePeriod(t *testing.T) {
	for _, p := range []trends.Period{trends.Day, trends.Week, trends.Month} {
		got, err := trends.ParsePeriod(p.String())
		require.NoError(t, err)
		assert.Equal(t, p, got)
		b, err := p.MarshalText()
		require.NoError(t, err)
		var q trends.Period
		require.NoError(t, q.UnmarshalText(b))
		assert.Equal(t, p, q)
	}
	_, err := trends.ParsePeriod("quarter")
	assert.ErrorIs(t, err, trends.ErrBadOption)
	assert.Empty(t, trends.Period(0).String())
}

func TestOptions(t *testing.T) {
	for name, opt := range map[string]trends.Option{
		"period 0":         trends.WithPeriod(0),
		"period 9":         trends.WithPeriod(9),
		"capacity 0":       trends.WithCapacity(0),
		"pair entities -1": trends.WithPairEntities(-1),
		"document ids -1":  trends.WithDocumentIDs(-1),
		"top 0":            trends.WithTop(0),
		"window 1":         trends.WithSurge(1, 3, 1),
		"z 0":              trends.WithSurge(8, 0, 1),
		"z NaN":            trends.WithSurge(8, math.NaN(), 1),
		"min docs 0":       trends.WithSurge(8, 3, 0),
		"support 0":        trends.WithMinSupport(0),
	} {
		_, err := trends.New(opt)
		assert.ErrorIs(t, err, trends.ErrBadOption, name)
	}
}

func TestAddCountsDocuments(t *testing.T) {
	a, err := trends.New(trends.WithPeriod(trends.Month), trends.WithDocumentIDs(2))
	require.NoError(t, err)
	// Repeated ids inside a document count once; empty ids are ignored.
	d := doc([]string{"china", "usa", "china", ""}, "export_controls", "export_controls", "")
	d.Themes[0].Actors = []string{"usa", "usa", "", "china"}
	a.Add("a", date("2025-03-05"), d)
	a.Add("b", date("2025-03-20"), doc([]string{"china"}))
	a.Add("c", time.Time{}, doc([]string{"china"}, "export_controls"))
	a.Add("d", time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC), nil) // beyond the years a report prints: undated
	a.Add("e", time.Time{}, nil)

	r := a.Report()
	assert.Equal(t, int64(5), r.Documents)
	require.Len(t, r.Periods, 1)
	p := r.Periods[0]
	assert.Equal(t, "2025-03-01", p.Start)
	assert.Equal(t, int64(2), p.Documents)
	assert.Equal(t, trends.PeriodTheme{Documents: 1, Share: 0.5, Actors: []trends.EntityCount{{ID: "china", Documents: 1}, {ID: "usa", Documents: 1}}}, p.Themes["export_controls"])
	assert.Equal(t, []trends.EntityCount{{ID: "china", Documents: 2}, {ID: "usa", Documents: 1}}, p.Entities)

	assert.Equal(t, []trends.EntityCount{{ID: "china", Documents: 3}, {ID: "usa", Documents: 1}}, r.Entities)
	assert.Equal(t, []trends.PairCount{{A: "china", B: "usa", Documents: 1, Lift: 1.667}}, r.Cooccurrence) // 1×5/(3×1)
	th := r.Themes["export_controls"]
	assert.Equal(t, int64(2), th.Documents)
	assert.Equal(t, 0.4, th.Share)
	assert.Equal(t, trends.Undated{Documents: 3, IDs: []string{"c", "d"}}, r.Undated)
	assert.Equal(t, trends.Name{Name: "china", Type: "ORG"}, r.Names["china"])
	assert.Empty(t, r.Estimated)
	assert.Empty(t, r.Surges)
}

// naive counts what the tables should count exactly below their capacity.
type naive struct {
	entities map[string]int64
	pairs    map[[2]string]int64
	themes   map[string]int64
	actors   map[string]map[string]int64
}

func count(docs []trendsgen.Doc, pairEntities int) naive {
	n := naive{map[string]int64{}, map[[2]string]int64{}, map[string]int64{}, map[string]map[string]int64{}}
	for _, d := range docs {
		var ids []string
		for _, e := range d.Document.Entities {
			if !slices.Contains(ids, e.ID) {
				ids = append(ids, e.ID)
				n.entities[e.ID]++
			}
		}
		for i := 0; i < min(len(ids), pairEntities); i++ {
			for j := i + 1; j < min(len(ids), pairEntities); j++ {
				p := [2]string{min(ids[i], ids[j]), max(ids[i], ids[j])}
				n.pairs[p]++
			}
		}
		var themes []string
		for _, th := range d.Document.Themes {
			if slices.Contains(themes, th.ID) {
				continue
			}
			themes = append(themes, th.ID)
			n.themes[th.ID]++
			if n.actors[th.ID] == nil {
				n.actors[th.ID] = map[string]int64{}
			}
			var seen []string
			for _, a := range th.Actors {
				if !slices.Contains(seen, a) {
					seen = append(seen, a)
					n.actors[th.ID][a]++
				}
			}
		}
	}
	return n
}

func topOf[K cmp.Ordered](m map[K]int64, n int) []K {
	keys := make([]K, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b K) int {
		if c := cmp.Compare(m[b], m[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	return keys[:min(n, len(keys))]
}

// TestExactBelowCapacity: while the tables fit, every count is the exact count.
func TestExactBelowCapacity(t *testing.T) {
	g := trendsgen.New(3, 300, 0.05)
	docs := make([]trendsgen.Doc, 2000)
	for i := range docs {
		docs[i] = g.Next(i)
	}
	a, err := trends.New(trends.WithTop(25))
	require.NoError(t, err)
	for _, d := range docs {
		a.Add(d.ID, d.Date, d.Document)
	}
	r := a.Report()
	require.Empty(t, r.Estimated)
	want := count(docs, trends.DefaultPairEntities)
	for i, id := range topOf(want.entities, 25) {
		assert.Equal(t, trends.EntityCount{ID: id, Documents: want.entities[id]}, r.Entities[i])
	}
	pairs := map[string]int64{}
	for p, n := range want.pairs {
		pairs[p[0]+" "+p[1]] = n
	}
	for i, key := range topOf(pairs, 25) {
		ab := strings.Split(key, " ")
		assert.Equal(t, [3]any{ab[0], ab[1], pairs[key]}, [3]any{r.Cooccurrence[i].A, r.Cooccurrence[i].B, r.Cooccurrence[i].Documents})
	}
	for id, n := range want.themes {
		assert.Equal(t, n, r.Themes[id].Documents, id)
		top := topOf(want.actors[id], 25)
		require.Len(t, r.Themes[id].Actors, len(top))
		for i, actor := range top {
			assert.Equal(t, trends.EntityCount{ID: actor, Documents: want.actors[id][actor]}, r.Themes[id].Actors[i])
		}
	}
	var dated int64
	for _, p := range r.Periods {
		dated += p.Documents
	}
	assert.Equal(t, r.Documents, dated+r.Undated.Documents)
}

// TestEstimatesAboveCapacity: a table far over its capacity keeps the frequent keys and
// estimates their counts closely.
func TestEstimatesAboveCapacity(t *testing.T) {
	g := trendsgen.New(4, 5000, 0.3) // many one-off ids, as in real news
	docs := make([]trendsgen.Doc, 20000)
	for i := range docs {
		docs[i] = g.Next(i)
	}
	a, err := trends.New(trends.WithCapacity(1024), trends.WithTop(10))
	require.NoError(t, err)
	for _, d := range docs {
		a.Add(d.ID, d.Date, d.Document)
	}
	r := a.Report()
	want := count(docs, trends.DefaultPairEntities)
	require.Greater(t, len(want.entities), 20*1024, "the corpus must overflow the table")
	assert.Contains(t, r.Estimated, "entities")
	top := topOf(want.entities, 10)
	for i, e := range r.Entities {
		exact := want.entities[e.ID]
		assert.Equal(t, top[i], e.ID, "rank %d", i)
		// The estimate is (occurrences at level ≥ L) × 2^L: about √(c·2^L) off.
		// The sketch's estimate is never below the true count, and close to it.
		assert.GreaterOrEqual(t, e.Documents, exact)
		assert.InEpsilon(t, float64(exact), float64(e.Documents), 0.05, "%s: exact %d, estimate %d", e.ID, exact, e.Documents)
		t.Logf("%s: exact %d, estimate %d", e.ID, exact, e.Documents)
	}
}

func TestSurges(t *testing.T) {
	a, err := trends.New(trends.WithPeriod(trends.Week), trends.WithDocumentIDs(3))
	require.NoError(t, err)
	week := func(w, d int) time.Time { return time.Date(2025, 1, 6+7*w+d, 12, 0, 0, 0, time.UTC) }
	id := 0
	add := func(w, n, carrying int, score float64) {
		for i := range n {
			id++
			d := doc([]string{"usa"})
			if i < carrying {
				d = doc([]string{"usa", "china"}, "export_controls")
				d.Themes[0].Score = score + float64(i)/100
			}
			a.Add(fmt.Sprintf("%04d", id), week(w, i%7), d)
		}
	}
	// Ten weeks of 20 documents, one carrying the theme in every other week; then a week
	// in which 6 of 20 carry it; then a week with 2 of 4 (a high share, too few documents).
	for w := range 10 {
		add(w, 20, w%2, 0.5)
	}
	add(10, 20, 6, 0.7)
	add(11, 4, 2, 0.7)
	r := a.Report()
	require.Len(t, r.Surges, 1, "%+v", r.Surges)
	s := r.Surges[0]
	assert.Equal(t, "export_controls", s.Theme)
	assert.Equal(t, "2025-03-17", s.Start)
	assert.Equal(t, int64(6), s.Documents)
	assert.Equal(t, int64(20), s.PeriodDocuments)
	assert.Equal(t, 0.3, s.Share)
	assert.Equal(t, 0.025, s.Baseline) // 8 trailing weeks, 4 with 1 of 20
	assert.Greater(t, s.Z, 3.0)
	assert.Equal(t, []string{"0206", "0205", "0204"}, s.IDs, "the best-scoring documents first")

	// Too few trailing periods: the same spike in week 2 is not a surge.
	b, err := trends.New()
	require.NoError(t, err)
	for w := range 3 {
		for i := range 20 {
			d := doc([]string{"usa"})
			if w == 2 && i < 10 {
				d = doc([]string{"usa"}, "export_controls")
			}
			b.Add(strconv.Itoa(w*100+i), week(w, 0), d)
		}
	}
	assert.Empty(t, b.Report().Surges)
}

func TestAssociations(t *testing.T) {
	a, err := trends.New(trends.WithMinSupport(2))
	require.NoError(t, err)
	// 10 documents: "tsmc" in 3, all carrying semiconductors; "usa" in 8, 2 of them carrying
	// semiconductors; semiconductors in 4.
	docs := [][]string{{"tsmc", "usa"}, {"tsmc", "usa"}, {"tsmc"}, {"usa"}, {"usa"}, {"usa"}, {"usa"}, {"usa"}, {"usa"}, {}}
	for i, ents := range docs {
		var themes []string
		if i < 4 {
			themes = []string{"semiconductors"}
		}
		a.Add(strconv.Itoa(i), testDate, doc(ents, themes...))
	}
	r := a.Report()
	th := r.Themes["semiconductors"]
	// lift(tsmc) = 3×10/(4×3) = 2.5; lift(usa) = 3×10/(4×8) = 0.9375 (usa is in document 3,
	// which carries the theme, too): less often than chance, so not an association.
	assert.Equal(t, []trends.Association{
		{ID: "tsmc", Documents: 3, Lift: 2.5, PMI: 1.322},
	}, th.Associations)
}

func TestWireRoundTrip(t *testing.T) {
	g := trendsgen.New(5, 200, 0.2)
	a, err := trends.New(trends.WithPeriod(trends.Day), trends.WithCapacity(50), trends.WithTop(3), trends.WithSurge(4, 2, 1))
	require.NoError(t, err)
	for i := range 500 {
		d := g.Next(i)
		a.Add(d.ID, d.Date, d.Document)
	}
	b, err := a.MarshalBinary()
	require.NoError(t, err)
	var c trends.Aggregator
	require.NoError(t, c.UnmarshalBinary(b))
	b2, err := c.MarshalBinary()
	require.NoError(t, err)
	assert.Equal(t, string(b), string(b2))
	r1, err := a.Report().JSON()
	require.NoError(t, err)
	r2, err := c.Report().JSON()
	require.NoError(t, err)
	assert.Equal(t, string(r1), string(r2), "settings travel with the aggregate")

	// Damaged aggregates are refused and leave the receiver unchanged.
	var w map[string]any
	require.NoError(t, json.Unmarshal(b, &w))
	for name, damage := range map[string]func(map[string]any){
		"version":   func(w map[string]any) { w["version"] = 2 },
		"period":    func(w map[string]any) { w["period"] = "year" },
		"documents": func(w map[string]any) { w["documents"] = -1 },
		"unknown":   func(w map[string]any) { w["extra"] = 1 },
		"level":     func(w map[string]any) { w["entities"].(map[string]any)["level"] = 65 },
		"count": func(w map[string]any) {
			w["pairs"].(map[string]any)["keys"].([]any)[0].(map[string]any)["n"] = 3 // a sampled table has no exact counts
		},
		"sketch":       func(w map[string]any) { w["pairs"].(map[string]any)["sketch"] = nil },
		"period start": func(w map[string]any) { w["periods"].([]any)[0].(map[string]any)["start"] = "2024-13-01" },
	} {
		c2 := w
		raw, _ := json.Marshal(c2)
		var fresh map[string]any
		require.NoError(t, json.Unmarshal(raw, &fresh))
		damage(fresh)
		bad, _ := json.Marshal(fresh)
		var d trends.Aggregator
		d.Add("keep", testDate, nil)
		err := d.UnmarshalBinary(bad)
		assert.ErrorIs(t, err, trends.ErrBadState, name)
		assert.Equal(t, int64(1), d.Documents(), name)
	}
	for _, bad := range []string{"", "{}", "null", "[]", `{"version":1}`, string(b) + "{}"} {
		var d trends.Aggregator
		assert.ErrorIs(t, d.UnmarshalBinary([]byte(bad)), trends.ErrBadState, bad)
	}
}

func TestDecodeLine(t *testing.T) {
	docJSON := `{"language":"de","entities":[{"id":"huawei","name":"Huawei","type":"ORG","salience":0.8,"mentions":[]},{"id":"x","name":"X","type":"OTH"},{"id":"y","name":"Y","type":"?"}],"themes":[{"id":"semiconductors","label":"Halbleiter","score":0.7,"evidence":[],"actors":["huawei"]},{"id":"ai_compute","label":"KI","score":0.6}],"summary":{"sentences":[]}}`
	tests := []struct {
		name    string
		line    string
		id      string
		date    string // YYYY-MM-DD, "" for none
		err     error
		nothing bool // no Document
	}{
		{"string id, RFC 3339", `{"id":"a1","date":"2024-04-03T23:30:00-05:00","document":` + docJSON + `}`, "a1", "2024-04-03", nil, false},
		{"number id, date only", `{"id":17,"date":"2024-04-03","document":` + docJSON + `}`, "17", "2024-04-03", nil, false},
		{"object id", `{"id":{"a": 1},"document":` + docJSON + `}`, `{"a":1}`, "", nil, false},
		{"no id, no date", `{"document":` + docJSON + `}`, "", "", nil, false},
		{"null date", `{"id":"a","date":null,"document":` + docJSON + `}`, "a", "", nil, false},
		{"HTML page date", `{"id":"a","document":{"meta":{"date":"2025-02-01"},"entities":[],"themes":[]}}`, "a", "2025-02-01", nil, false},
		{"line date wins", `{"id":"a","date":"2025-01-01","document":{"meta":{"date":"2025-02-01"}}}`, "a", "2025-01-01", nil, false},
		{"RFC 1123 date", `{"id":"a","date":"Wed, 03 Apr 2024 13 00 00 +0200","document":` + docJSON + `}`, "a", "", trends.ErrBadDate, false},
		{"number date", `{"id":"a","date":20240403,"document":{}}`, "a", "", trends.ErrBadDate, false},
		{"year 0", `{"id":"a","date":"0000-01-01","document":{}}`, "a", "", trends.ErrBadDate, false},
		{"error line", `{"id":"a","error":"analyze: unsupported language"}`, "a", "", trends.ErrFailedLine, true},
		{"error line without id", `{"line":7,"error":"malformed JSON"}`, "", "", trends.ErrFailedLine, true},
		{"neither", `{"id":"a"}`, "", "", trends.ErrMalformedLine, true},
		{"not JSON", `{"id":"a",`, "", "", trends.ErrMalformedLine, true},
		{"array", `[1,2]`, "", "", trends.ErrMalformedLine, true},
		{"null", `null`, "", "", trends.ErrMalformedLine, true},
		{"bad entities", `{"id":"a","document":{"entities":7}}`, "", "", trends.ErrMalformedLine, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := trends.DecodeLine([]byte(tt.line))
			if tt.err == nil {
				require.NoError(t, err)
			} else {
				require.ErrorIs(t, err, tt.err)
			}
			assert.Equal(t, tt.id, l.ID)
			if tt.date == "" {
				assert.True(t, l.Date.IsZero())
			} else {
				assert.Equal(t, tt.date, l.Date.Format(time.DateOnly))
			}
			assert.Equal(t, tt.nothing, l.Document == nil)
		})
	}
	l, err := trends.DecodeLine([]byte(`{"id":"a","document":` + docJSON + `}`))
	require.NoError(t, err)
	assert.Equal(t, []entities.Entity{{ID: "huawei", Name: "Huawei", Type: entities.ORG}, {ID: "x", Name: "X", Type: entities.MISC}, {ID: "y", Name: "Y"}}, l.Document.Entities)
	assert.Equal(t, []analyze.Theme{{ID: "semiconductors", Label: "Halbleiter", Score: 0.7, Actors: []string{"huawei"}}, {ID: "ai_compute", Label: "KI", Score: 0.6, Actors: []string{}}}, l.Document.Themes)
}

func TestAddLine(t *testing.T) {
	var a trends.Aggregator
	assert.NoError(t, a.AddLine([]byte("  \r")))
	assert.NoError(t, a.AddLine([]byte(`{"id":"a","date":"2025-03-05","document":{}}`)))
	assert.ErrorIs(t, a.AddLine([]byte(`{"id":"b","date":"5.3.2025","document":{}}`)), trends.ErrBadDate)
	assert.ErrorIs(t, a.AddLine([]byte(`{"id":"c","error":"x"}`)), trends.ErrFailedLine)
	assert.ErrorIs(t, a.AddLine([]byte(`{`)), trends.ErrMalformedLine)
	r := a.Report()
	assert.Equal(t, int64(2), r.Documents)
	assert.Equal(t, trends.Undated{Documents: 1, IDs: []string{"b"}}, r.Undated)
}

// TestReportJSONStable: the report's JSON has the documented top-level fields, and every
// list is [] rather than null.
func TestReportJSONStable(t *testing.T) {
	var a trends.Aggregator
	out, err := a.Report().JSON()
	require.NoError(t, err)
	assert.JSONEq(t, `{"by":"week","documents":0,"periods":[],"themes":{},"entities":[],"cooccurrence":[],"surges":[],
		"undated":{"documents":0,"ids":[]},"names":{},"estimated":[]}`, string(out))
	a.Add("a", testDate, doc([]string{"x"}, "ai_compute"))
	out, err = a.Report().JSON()
	require.NoError(t, err)
	assert.NotContains(t, string(out), "null")
}

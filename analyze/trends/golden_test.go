package trends_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/trends"
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/golddata"
)

var update = flag.Bool("update", false, "rewrite testdata/trends (the batch-output fixture and the golden report)")

// articleDates are the publication dates this test gives the team's articles (realistic
// fiction, undated in testdata/articles): two or three a week from 2025-01-06, and the
// four export-control stories together in the week of 2025-03-10, so that the golden
// report has a surge. whatsapp-benutzernamen stays undated.
var articleDates = map[string]string{
	"ai-act-aufschub":                "2025-01-07",
	"aleph-alpha-neuausrichtung":     "2025-01-09T17:45:00+01:00",
	"asml-china-quartal":             "2025-01-14",
	"ats-oesterreich-chips":          "2025-01-16",
	"deepseek-v32-preise":            "2025-01-21",
	"delos-cloud-verzoegerung":       "2025-01-23",
	"dma-apple-strafe":               "2025-01-28",
	"esmc-dresden-richtfest":         "2025-01-30",
	"huawei-5g-verbot":               "2025-02-04",
	"intel-magdeburg-aus":            "2025-02-06",
	"mistral-finanzierung":           "2025-02-11",
	"openai-sap-verwaltung":          "2025-02-13",
	"rechenzentrum-netzanschluss":    "2025-02-18",
	"schleswig-holstein-open-source": "2025-02-20",
	"test-pixel-10-pro":              "2025-02-21",
	"stackit-souveraene-cloud":       "2025-02-25",
	"telekom-ki-fabrik":              "2025-02-27",
	"test-spiel-sternenwacht":        "2025-03-02T23:30:00+01:00", // a Sunday: still the week of 2025-02-24
	"transfer-vfb-stuttgart":         "2025-03-04",
	"nexperia-lieferstopp":           "2025-03-10T08:00:00+01:00",
	"nvidia-h20-lizenzen":            "2025-03-11",
	"seltene-erden-magnete":          "2025-03-12",
	"bundled-chips":                  "2025-03-13",
	"whatsapp-benutzernamen":         "",
}

// goldDocument builds the Document an ideal analyzer would give for a gold article: its
// gold entities (ordered by number of mentions, then first mention, as a salience
// stand-in), its gold themes with the taxonomy's labels and falling scores, and as each
// theme's actors the organisations, people and places named at least twice (at most four).
func goldDocument(t *testing.T, a golddata.Article, tax *analyze.Taxonomy) *analyze.Document {
	t.Helper()
	doc := &analyze.Document{Language: "de", Boilerplate: []analyze.Boilerplate{}, Sentences: []analyze.Sentence{},
		Entities: []entities.Entity{}, Themes: []analyze.Theme{}, Summary: analyze.Summary{Sentences: []analyze.SummarySentence{}},
		Keyphrases: []analyze.Keyphrase{}}
	byID := map[string]*entities.Entity{}
	var order []string
	named := map[string]int{}
	for _, m := range a.Entities {
		e := byID[m.ID]
		if e == nil {
			typ, err := entities.ParseType(m.Type)
			require.NoError(t, err)
			e = &entities.Entity{ID: m.ID, Name: m.Text, Type: typ, Source: entities.SourceLexicon, Confidence: 1, Mentions: []entities.Mention{}}
			byID[m.ID] = e
			order = append(order, m.ID)
		}
		if !m.Derived && len(e.Mentions) > 0 && e.Mentions[0].Derived {
			e.Name = m.Text // a name rather than an adjective
		}
		e.Mentions = append(e.Mentions, entities.Mention{Start: m.Start, End: m.End, Text: m.Text, Form: m.Text, Derived: m.Derived})
		if !m.Derived {
			named[m.ID]++
		}
	}
	slices.SortStableFunc(order, func(x, y string) int { return len(byID[y].Mentions) - len(byID[x].Mentions) })
	var actors []string
	for _, id := range order {
		e := byID[id]
		e.Salience = float64(len(e.Mentions)) / float64(len(a.Entities))
		doc.Entities = append(doc.Entities, *e)
		if named[id] >= 2 && len(actors) < 4 && (e.Type == entities.ORG || e.Type == entities.PER || e.Type == entities.LOC) {
			actors = append(actors, id)
		}
	}
	for i, id := range a.Themes {
		def, ok := tax.Lookup(id)
		require.True(t, ok, id)
		doc.Themes = append(doc.Themes, analyze.Theme{ID: id, Label: def.LabelDE, Score: 0.95 - 0.05*float64(i),
			Evidence: []german.Span{}, Actors: slices.Clip(append([]string{}, actors...))})
	}
	return doc
}

// articlesFixture returns the batch output lines of the team's articles with their dates,
// plus one line of a failed article.
func articlesFixture(t *testing.T) []byte {
	t.Helper()
	arts, err := golddata.RepoArticles()
	require.NoError(t, err)
	tax, err := analyze.DefaultThemes()
	require.NoError(t, err)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, a := range arts {
		d, ok := articleDates[a.Name]
		require.True(t, ok, "no date for %s", a.Name)
		line := struct {
			ID       string            `json:"id"`
			Date     string            `json:"date,omitempty"`
			Document *analyze.Document `json:"document"`
		}{a.Name, d, goldDocument(t, a, tax)}
		require.NoError(t, enc.Encode(line))
	}
	require.Len(t, articleDates, len(arts))
	buf.WriteString(`{"id":"kaputt","error":"analyze: unsupported language"}` + "\n")
	return buf.Bytes()
}

// TestGoldenArticles aggregates the team's dated articles by week and compares the report
// with testdata/trends/articles-week.json. The fixture testdata/trends/articles.jsonl is
// what `techschau batch` would print for them; the CLI and Beam tests read it too.
func TestGoldenArticles(t *testing.T) {
	dir, err := golddata.TestdataDir()
	require.NoError(t, err)
	fixture := filepath.Join(dir, "trends", "articles.jsonl")
	golden := filepath.Join(dir, "trends", "articles-week.json")

	lines := articlesFixture(t)
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(fixture), 0o755))
		require.NoError(t, os.WriteFile(fixture, lines, 0o644))
	}
	stored, err := os.ReadFile(fixture)
	require.NoError(t, err, "run go test -run TestGoldenArticles -update to create %s", fixture)
	require.Equal(t, string(lines), string(stored), "the fixture no longer matches the gold articles; review and run go test -run TestGoldenArticles -update")

	var agg trends.Aggregator
	sc := bufio.NewScanner(bytes.NewReader(stored))
	sc.Buffer(nil, 1<<20)
	failed := 0
	for sc.Scan() {
		if err := agg.AddLine(sc.Bytes()); err != nil {
			require.ErrorIs(t, err, trends.ErrFailedLine)
			failed++
		}
	}
	require.NoError(t, sc.Err())
	assert.Equal(t, 1, failed)
	out, err := agg.Report().JSON()
	require.NoError(t, err)
	out = append(out, '\n')
	if *update {
		require.NoError(t, os.WriteFile(golden, out, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -run TestGoldenArticles -update to create %s", golden)
	assert.Equal(t, string(want), string(out), "golden report differs; review and run go test -run TestGoldenArticles -update")

	// What the golden report must say, whatever else changes in it.
	r := agg.Report()
	assert.Equal(t, int64(24), r.Documents)
	assert.Equal(t, trends.Undated{Documents: 1, IDs: []string{"whatsapp-benutzernamen"}}, r.Undated)
	require.Len(t, r.Periods, 10)
	assert.Equal(t, "2025-01-06", r.Periods[0].Start)
	assert.Equal(t, "2025-03-10", r.Periods[9].Start)
	assert.Equal(t, int64(3), r.Periods[7].Documents, "the Sunday article belongs to its ISO week")
	var surge *trends.Surge
	for i := range r.Surges {
		if r.Surges[i].Theme == "export_controls" {
			surge = &r.Surges[i]
		}
	}
	require.NotNil(t, surge, "the export-control week is a surge: %+v", r.Surges)
	assert.Equal(t, "2025-03-10", surge.Start)
	assert.ElementsMatch(t, []string{"bundled-chips", "nexperia-lieferstopp", "nvidia-h20-lizenzen", "seltene-erden-magnete"}, surge.IDs)
	assert.Contains(t, fmt.Sprint(r.Themes["export_controls"].Actors), "china")
}

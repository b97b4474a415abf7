package trends_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/trends"
	"github.com/techschau/techschau/entities"
)

var testDate = time.Date(2025, 3, 5, 10, 0, 0, 0, time.UTC)

// doc builds a Document with the given entity ids (in salience order) and themes; every
// entity acts in every theme.
func doc(ents []string, themes ...string) *analyze.Document {
	d := &analyze.Document{Entities: []entities.Entity{}, Themes: []analyze.Theme{}}
	for _, id := range ents {
		d.Entities = append(d.Entities, entities.Entity{ID: id, Name: id, Type: entities.ORG})
	}
	for _, t := range themes {
		d.Themes = append(d.Themes, analyze.Theme{ID: t, Label: t, Score: 0.9, Actors: ents})
	}
	return d
}

func Example() {
	agg, err := trends.New(trends.WithPeriod(trends.Week), trends.WithTop(2))
	if err != nil {
		fmt.Println(err)
		return
	}
	// In practice the Documents come from analyze.Analyzer.Batch or from `techschau batch`
	// output (Aggregator.AddLine); here they are made by hand.
	week := func(w int) time.Time { return time.Date(2025, 1, 6+7*w, 9, 0, 0, 0, time.UTC) }
	agg.Add("a1", week(0), doc([]string{"nvidia", "usa"}, "export_controls", "semiconductors"))
	agg.Add("a2", week(0), doc([]string{"sap"}))
	agg.Add("a3", week(1), doc([]string{"nvidia", "china"}, "export_controls"))
	agg.Add("a4", time.Time{}, doc([]string{"huawei"}, "semiconductors")) // undated

	r := agg.Report()
	for _, p := range r.Periods {
		ec := p.Themes["export_controls"]
		fmt.Printf("%s: %d documents, export_controls %d (share %.2f), actors %v\n", p.Start, p.Documents, ec.Documents, ec.Share, ec.Actors)
	}
	fmt.Println("semiconductors overall:", r.Themes["semiconductors"].Documents)
	fmt.Println("undated:", r.Undated.Documents, r.Undated.IDs)
	// Output:
	// 2025-01-06: 2 documents, export_controls 1 (share 0.50), actors [{nvidia 1} {usa 1}]
	// 2025-01-13: 1 documents, export_controls 1 (share 1.00), actors [{china 1} {nvidia 1}]
	// semiconductors overall: 2
	// undated: 1 [a4]
}

func ExampleAggregator_AddLine() {
	var agg trends.Aggregator // the zero Aggregator: weekly, default settings
	lines := []string{
		`{"id":"a1","date":"2025-02-03","document":{"entities":[{"id":"asml","name":"ASML","type":"ORG"}],"themes":[{"id":"export_controls","label":"Exportkontrollen","score":0.8,"actors":["asml"]}]}}`,
		`{"id":"a2","date":"2025-02-05T18:30:00+01:00","document":{"entities":[],"themes":[]}}`,
		`{"id":"a3","date":"03.02.2025","document":{"entities":[],"themes":[]}}`,
		`{"id":"a4","error":"analyze: input too large"}`,
		`kein JSON`,
	}
	for _, l := range lines {
		if err := agg.AddLine([]byte(l)); err != nil {
			fmt.Println(err)
		}
	}
	out, err := agg.Report().JSON()
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, line := range strings.Split(string(out), "\n")[:7] {
		fmt.Println(line)
	}
	// Output:
	// trends: unusable date: "03.02.2025": want RFC 3339 or YYYY-MM-DD
	// trends: line without a document: analyze: input too large
	// trends: malformed line: invalid character 'k' looking for beginning of value
	// {
	//   "by": "week",
	//   "documents": 3,
	//   "periods": [
	//     {
	//       "start": "2025-02-03",
	//       "documents": 2,
}

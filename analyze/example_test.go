package analyze_test

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/summarize"
)

const article = `PEKING / SHANGHAI (IT BOLTWISE) – Chinas Regierung drängt heimische Konzerne, auf KI-Chips aus US-amerikanischer Produktion zu verzichten. Statt NVIDIA-Beschleunigern sollen Rechenzentren künftig Huaweis Ascend-Prozessoren einsetzen.

Gefertigt werden die Chips beim Auftragsfertiger SMIC in Shanghai. Wegen der Exportkontrollen der USA darf SMIC keine EUV-Lithografiesysteme kaufen, Strukturbreiten unter 7 Nanometern sind damit kaum wirtschaftlich.

- Die besten KI-News kostenlos per E-Mail erhalten!
- Folge uns auf LinkedIn und Mastodon!
© 2026 Beispielverlag
`

func ExampleAnalyze() {
	doc, err := analyze.Analyze(context.Background(), article)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("language:", doc.Language)
	fmt.Println("places:", doc.Dateline.Places, "source:", doc.Dateline.Source)
	for _, b := range doc.Boilerplate {
		fmt.Printf("boilerplate %s: %q\n", b.Kind, article[b.Start:b.End])
	}
	var ids []string
	for _, t := range doc.Themes {
		ids = append(ids, t.ID)
	}
	slices.Sort(ids)
	fmt.Println("themes:", strings.Join(ids, ", "))
	// Output:
	// language: de
	// places: [Peking Shanghai] source: IT BOLTWISE
	// boilerplate newsletter: "- Die besten KI-News kostenlos per E-Mail erhalten!"
	// boilerplate social: "- Folge uns auf LinkedIn und Mastodon!"
	// boilerplate copyright: "© 2026 Beispielverlag"
	// themes: ai_compute, export_controls, geopolitical_rivalry, semiconductors, state_intervention
}

func ExampleNew() {
	a, err := analyze.New(
		analyze.WithThemeThreshold(0.9),
		analyze.WithSummarySentences(1),
		analyze.WithoutEntities(),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := a.Analyze(context.Background(), article)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(doc.Summary.Sentences), "summary sentence")
	for _, t := range doc.Themes {
		fmt.Printf("%s (%s) %.2f\n", t.ID, t.Label, t.Score)
	}
	// Output:
	// 1 summary sentence
	// semiconductors (Halbleiter und Chips) 0.99
}

func ExampleLoadThemes() {
	const mine = `{"themes": [{
	  "id": "quantum", "label_de": "Quantencomputer", "label_en": "Quantum computing",
	  "definition": "Quantum computers, qubits and quantum algorithms.",
	  "cues": {"words": {"Quantencomputer": 1.5, "Qubits": 1.3, "Qubit": 1.3}}
	}]}`
	extra, err := analyze.LoadThemes(strings.NewReader(mine), "quantum.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	base, _ := analyze.DefaultThemes()
	a, err := analyze.New(analyze.WithThemes(base.Merge(extra)), analyze.WithoutEntities(), analyze.WithoutSummary())
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, _ := a.Analyze(context.Background(), "München – Das Start-up baut einen Quantencomputer mit 100 Qubits. Die Qubits sollen stabiler sein als bei der Konkurrenz.")
	for _, t := range doc.Themes {
		fmt.Println(t.ID, t.Label)
	}
	_, err = analyze.LoadThemes(strings.NewReader(`{"themes": [{"id": "x", "label_de": ""}]}`), "bad.json")
	fmt.Println(err)
	// Output:
	// quantum Quantencomputer
	// analyze: bad theme taxonomy: bad.json:1: field "themes[0].label_de": empty
}

func ExampleAnalyzer_Batch() {
	a, err := analyze.New(analyze.WithWorkers(2), analyze.WithoutSummary())
	if err != nil {
		fmt.Println(err)
		return
	}
	texts := []string{
		"Berlin – Die Bundesregierung fördert die Chipfertigung in Dresden.",
		"",
		"Wien (APA) – Der Verein hat einen neuen Trainer verpflichtet.",
	}
	i := 0
	for doc, err := range a.Batch(context.Background(), slices.Values(texts)) {
		if err != nil {
			fmt.Println(i, err)
		} else if doc.Dateline != nil {
			fmt.Println(i, doc.Dateline.Places, len(doc.Sentences))
		} else {
			fmt.Println(i, "no dateline", len(doc.Sentences))
		}
		i++
	}
	// Output:
	// 0 [Berlin] 1
	// 1 no dateline 0
	// 2 [Wien] 1
}

func ExampleWithSummaryChars() {
	// a teaser-sized summary: whole sentences within 200 characters
	a, err := analyze.New(analyze.WithSummaryChars(200), analyze.WithoutThemes())
	if err != nil {
		fmt.Println(err)
		return
	}
	doc, err := a.Analyze(context.Background(), article)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range doc.Summary.Sentences {
		fmt.Println(s.Text)
	}
	// Output:
	// Statt NVIDIA-Beschleunigern sollen Rechenzentren künftig Huaweis Ascend-Prozessoren einsetzen.
	// Gefertigt werden die Chips beim Auftragsfertiger SMIC in Shanghai.
}

func ExampleDocument_SummaryHints() {
	doc, err := analyze.Analyze(context.Background(), article)
	if err != nil {
		fmt.Println(err)
		return
	}
	// summarise the same text again, shorter, with the pipeline's hints
	s, err := summarize.New(summarize.WithSentences(1))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, x := range s.SummarizeSegmented(german.Segment(article), doc.SummaryHints()).Sentences {
		fmt.Println(x.Text)
	}
	// Output:
	// Gefertigt werden die Chips beim Auftragsfertiger SMIC in Shanghai.
}

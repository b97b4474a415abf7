package summarize_test

import (
	"fmt"
	"strings"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/summarize"
)

const article = `Dresden – Der Halbleiterhersteller Nordchip baut in Dresden ein neues Werk für Mikrochips. Das Unternehmen investiert dafür rund 5 Mrd. Euro, die EU-Kommission fördert das Projekt. Ziel sei es, die Abhängigkeit Europas von Chips aus Asien zu verringern, sagte Nordchip-Chef Jan Berger. Kritiker bemängeln, dass die Förderung vor allem einem Konzern zugutekommt. Ohne eigene Chipfertigung bleibe Europa bei jeder Lieferkrise erpressbar, sagt Berger.

Newsletter abonnieren
`

func ExampleSummarizer_Summarize() {
	s, err := summarize.New(summarize.WithSentences(2))
	if err != nil {
		panic(err)
	}
	for _, x := range s.Summarize(article).Sentences {
		fmt.Printf("%d-%d %s\n", x.Start, x.End, x.Text)
	}
	// Output:
	// 94-185 Das Unternehmen investiert dafür rund 5 Mrd. Euro, die EU-Kommission fördert das Projekt.
	// 186-291 Ziel sei es, die Abhängigkeit Europas von Chips aus Asien zu verringern, sagte Nordchip-Chef Jan Berger.
}

func ExampleSummarizer_SummarizeSegmented() {
	s, err := summarize.New(summarize.WithSentences(1))
	if err != nil {
		panic(err)
	}
	seg := german.Segment(article)
	cut := strings.Index(article, "Newsletter")
	h := summarize.Hints{
		// the pipeline marks boilerplate: never chosen
		Exclude: func(i int) bool { return seg.Sentences[i].Start >= cut },
		// and may boost sentences, e.g. by entity salience
		Boost: func(i int) float64 {
			if strings.Contains(seg.Sentences[i].In(article), "Kritiker") {
				return 1
			}
			return 0
		},
	}
	fmt.Println(s.SummarizeSegmented(seg, h).Sentences[0].Text)
	// Output:
	// Kritiker bemängeln, dass die Förderung vor allem einem Konzern zugutekommt.
}

func ExampleSummarizer_Keyphrases() {
	s, err := summarize.New()
	if err != nil {
		panic(err)
	}
	for _, k := range s.Keyphrases(german.Segment(article), summarize.Hints{}, 5) {
		fmt.Printf("%s %.2f\n", k.Text, k.Score)
	}
	// Output:
	// Dresden 1.00
	// Nordchip 0.75
	// Berger 0.67
	// Mikrochips 0.62
	// EU-Kommission 0.56
}

func ExampleNew() {
	_, err := summarize.New(summarize.WithRatio(1.5))
	fmt.Println(err)
	// Output:
	// summarize: invalid option: WithRatio(1.5): need 0 < f ≤ 1
}

func ExampleWithChars() {
	// a budget of about a teaser's length: whole sentences only, never none
	s, err := summarize.New(summarize.WithChars(120))
	if err != nil {
		panic(err)
	}
	for _, x := range s.Summarize(article).Sentences {
		fmt.Println(len([]rune(x.Text)) <= 120, x.Text)
	}
	// Output:
	// true Ziel sei es, die Abhängigkeit Europas von Chips aus Asien zu verringern, sagte Nordchip-Chef Jan Berger.
}

func ExampleHints() {
	text := "Nordchip baut Werk in Dresden\n\nDresden – Der Winter war lang. Nordchip baut in Dresden ein Werk für Mikrochips. Die Aktie steigt."
	seg := german.Segment(text)
	s, err := summarize.New(summarize.WithSentences(1))
	if err != nil {
		panic(err)
	}
	dateline := strings.Index(text, "Dresden –")
	h := summarize.Hints{
		// the first line is the headline: never chosen, its terms count
		Headline: seg.Sentences[0].Span,
		// the dateline's words do not count; its sentence is reported whole
		Skip: german.Span{Start: dateline, End: dateline + len("Dresden –")},
		// entities with their salience, from package entities in the pipeline
		Entities: []summarize.EntityHint{{Salience: 1, Mentions: []german.Span{{Start: 0, End: len("Nordchip")}}}},
	}
	fmt.Println(s.SummarizeSegmented(seg, h).Sentences[0].Text)
	// Output:
	// Nordchip baut in Dresden ein Werk für Mikrochips.
}

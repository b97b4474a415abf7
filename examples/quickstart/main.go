// Command quickstart is the smallest techschau program: it analyses the bundled German
// showcase article and prints the entities, themes and summary it found.
//
//	go run ./examples/quickstart
package main

import (
	"context"
	"fmt"
	"log"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/examples/internal/bundled"
)

func main() {
	text := bundled.Article()

	// analyze.Analyze uses a default Analyzer, built once and shared. Build your own with
	// analyze.New(options...) to change the lexicon, themes or summary length.
	doc, err := analyze.Analyze(context.Background(), text)
	if err != nil {
		log.Fatal(err)
	}

	fmt.Println("Entities:")
	for _, e := range doc.Entities {
		mentions := "mentions"
		if len(e.Mentions) == 1 {
			mentions = "mention"
		}
		fmt.Printf("  %-8s %-24s salience %.2f, %d %s\n", e.Type, e.Name, e.Salience, len(e.Mentions), mentions)
	}
	fmt.Println("Themes:")
	for _, t := range doc.Themes {
		fmt.Printf("  %-26s %.2f  %s\n", t.ID, t.Score, t.Label)
	}
	fmt.Println("Summary:")
	for _, s := range doc.Summary.Sentences {
		// Offsets are bytes into text: text[s.Start:s.End] == s.Text.
		fmt.Printf("  %s\n", s.Text)
	}
}

package main

import (
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/internal/ner"
)

// addHints fills the examples' hints from the default entities lexicon, the
// same way the entities Recognizer computes them at run time.
func addHints(exs []ner.Example) error {
	lex, err := entities.DefaultLexicon()
	if err != nil {
		return err
	}
	for i := range exs {
		exs[i].Hints = lex.Hints(exs[i].Words)
	}
	return nil
}

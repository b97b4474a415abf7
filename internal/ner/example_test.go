package ner_test

import (
	"fmt"
	"strings"

	"github.com/techschau/techschau/internal/ner"
)

func ExampleSpans() {
	words := strings.Fields("Laut Anna Becker baut Huawei in Shenzhen Chips .")
	labels := []ner.Label{ner.O, ner.BPER, ner.IPER, ner.O, ner.BORG, ner.O, ner.BLOC, ner.O, ner.O}
	for _, s := range ner.Spans(labels) {
		fmt.Println(s.Type, strings.Join(words[s.Start:s.End], " "))
	}
	// Output:
	// PER Anna Becker
	// ORG Huawei
	// LOC Shenzhen
}

func ExampleModel_Tag() {
	m, err := ner.Default()
	if err != nil {
		panic(err)
	}
	words := strings.Fields("Die Regierung in Berlin will mehr Geld ausgeben .")
	// hints would come from the entities lexicon: lex.Hints(words)
	labels := m.Tag(words, nil, nil)
	for _, s := range ner.Spans(labels) {
		fmt.Println(s.Type, strings.Join(words[s.Start:s.End], " "))
	}
	// Output:
	// LOC Berlin
}

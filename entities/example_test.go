package entities_test

import (
	"fmt"
	"strings"

	"github.com/techschau/techschau/entities"
)

func Example() {
	r, err := entities.New(entities.WithoutModel())
	if err != nil {
		panic(err)
	}
	text := "Die chinesische KI-Firma DeepSeek musste Huaweis Ascend-Chips testen."
	for _, e := range r.Recognize(text) {
		fmt.Printf("%s %s:", e.Type, e.ID)
		for _, m := range e.Mentions {
			fmt.Printf(" %q[%d:%d] in %q", m.Text, m.Start, m.End, m.Form)
		}
		fmt.Println()
	}
	// Output:
	// ORG deepseek: "DeepSeek"[25:33] in "DeepSeek"
	// ORG huawei: "Huawei"[41:47] in "Huaweis"
	// PRODUCT huawei-ascend: "Ascend"[49:55] in "Ascend-Chips"
	// LOC china: "chinesische"[4:15] in "chinesische"
}

func ExampleLoadLexicon() {
	lex, err := entities.LoadLexicon(strings.NewReader(`{"entries": [
		{"id": "quantiva", "name": "Quantiva Robotics", "type": "ORG", "aliases": ["Quantiva"], "country": "DE"}
	]}`), "my-lexicon.json")
	if err != nil {
		panic(err)
	}
	r, err := entities.New(entities.WithoutModel(), entities.WithExtraLexicon(lex))
	if err != nil {
		panic(err)
	}
	for _, e := range r.Recognize("Quantivas Roboter laufen mit Nvidia-Chips.") {
		fmt.Println(e.ID, e.Name, e.Mentions[0].Text)
	}
	// Output:
	// quantiva Quantiva Robotics Quantiva
	// nvidia Nvidia Nvidia
}

func ExampleRecognizer_TagTokens() {
	r, err := entities.New(entities.WithoutModel())
	if err != nil {
		panic(err)
	}
	words := strings.Fields("Konzernchef Jensen Huang besuchte Peking .")
	fmt.Println(r.TagTokens(words))
	// Output:
	// [O B-PER I-PER O B-LOC O]
}

func ExampleLoadLexicon_error() {
	_, err := entities.LoadLexicon(strings.NewReader(`{"entries": [
  {"id": "a", "name": "A", "type": "ORG"},
  {"id": "b", "name": "B", "type": "COMPANY"}
]}`), "bad.json")
	fmt.Println(err)
	// Output:
	// entities: invalid lexicon: "bad.json": entry 1 (line 3): field "type": "COMPANY": want ORG, PER, LOC, PRODUCT or MISC
}

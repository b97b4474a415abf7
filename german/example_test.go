package german_test

import (
	"fmt"

	"github.com/techschau/techschau/german"
)

func ExampleSentences() {
	text := "Im 3. Quartal sank der Umsatz um 3,5 Mrd. Euro, z. B. wegen Huawei-Chips. „Das ist bitter“, sagt Prof. Dr. Gupta."
	for _, s := range german.Sentences(text) {
		fmt.Printf("[%d:%d] %s\n", s.Start, s.End, s.In(text))
	}
	// Output:
	// [0:73] Im 3. Quartal sank der Umsatz um 3,5 Mrd. Euro, z. B. wegen Huawei-Chips.
	// [74:117] „Das ist bitter“, sagt Prof. Dr. Gupta.
}

func ExampleTokens() {
	text := "Am 1. Mai: NVIDIA-Chips für 1.000 € (m/w/d)!"
	for _, t := range german.Tokens(text) {
		fmt.Printf("%d-%d %s %q\n", t.Start, t.End, t.Kind, t.Text)
	}
	// Output:
	// 0-2 Word "Am"
	// 3-5 Number "1."
	// 6-9 Word "Mai"
	// 9-10 Punct ":"
	// 11-23 Word "NVIDIA-Chips"
	// 24-28 Word "für"
	// 29-34 Number "1.000"
	// 35-38 Symbol "€"
	// 39-46 Symbol "(m/w/d)"
	// 46-47 Punct "!"
}

func ExampleToken_Parts() {
	text := "Huawei-Chip-Problemen"
	t := german.Tokens(text)[0]
	for _, p := range t.Parts() {
		fmt.Println(p.Start, p.End, p.In(text))
	}
	// Output:
	// 0 6 Huawei
	// 7 11 Chip
	// 12 21 Problemen
}

func ExampleSegment() {
	text := "Stellenangebote\nProjektmanager (m/w/d)\n\nDeepSeek verschiebt R2. Der Grund: Huawei-Chips."
	seg := german.Segment(text)
	for _, s := range seg.Sentences {
		fmt.Printf("line=%v tokens=%d %q\n", s.Line, len(s.Tokens), s.In(text))
	}
	// Output:
	// line=true tokens=1 "Stellenangebote"
	// line=true tokens=2 "Projektmanager (m/w/d)"
	// line=false tokens=4 "DeepSeek verschiebt R2."
	// line=false tokens=5 "Der Grund: Huawei-Chips."
}

func ExampleSegmentInto() {
	var seg german.Segmented // reused for every article
	for _, text := range []string{"DeepSeek verschiebt R2. Der Grund: Huawei-Chips.", "Nvidia schweigt."} {
		german.SegmentInto(&seg, text)
		fmt.Println(len(seg.Sentences), "sentences,", len(seg.Tokens()), "tokens")
	}
	// Output:
	// 2 sentences, 9 tokens
	// 1 sentences, 3 tokens
}

func ExampleSegmentSeq() {
	text := "DeepSeek verschiebt R2. Der Grund: Huawei-Chips."
	words := 0
	for s := range german.SegmentSeq(text) {
		for _, tok := range s.Tokens { // valid until the next sentence
			if tok.Kind == german.Word {
				words++
			}
		}
	}
	fmt.Println(words, "words")
	// Output: 6 words
}

func ExampleStem() {
	for _, w := range []string{"Abhängigkeit", "Unabhängigkeiten", "Modells", "Straße"} {
		fmt.Println(w, german.Stem(w))
	}
	// Output:
	// Abhängigkeit abhang
	// Unabhängigkeiten unabhang
	// Modells modell
	// Straße strass
}

func ExampleIsStopWord() {
	for _, t := range german.Tokens("Die Firma hat mit den Chips ein Problem") {
		if w := german.Lower(t.Text); !german.IsStopWord(w) {
			fmt.Print(w, " ")
		}
	}
	fmt.Println()
	// Output:
	// firma chips problem
}

func ExampleNormalize() {
	orig := "Er nannte es „Wachstums\u00adschmerzen“ – kein Problem."
	n := german.Normalize(orig)
	fmt.Println(n.Text)
	// find the quoted word in the normalised text, report it in the original
	start := len(`Er nannte es "`)
	end := start + len("Wachstumsschmerzen")
	s := n.OriginalSpan(german.Span{Start: start, End: end})
	fmt.Printf("%d-%d %q\n", s.Start, s.End, s.In(orig))
	// Output:
	// Er nannte es "Wachstumsschmerzen" - kein Problem.
	// 16-36 "Wachstums\u00adschmerzen"
}

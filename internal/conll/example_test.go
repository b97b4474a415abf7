package conll_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/techschau/techschau/internal/conll"
	"github.com/techschau/techschau/internal/ner"
)

func ExampleWriteGermEval() {
	in := "#\tsource\n1\tSiemens\tO\tO\n2\tbaut\tO\tO\n3\tin\tO\tO\n4\tMünchen\tO\tO\n"
	ss, err := conll.ReadGermEval(strings.NewReader(in), conll.FoldDrop)
	if err != nil {
		panic(err)
	}
	pred := []ner.Label{ner.BORG, ner.O, ner.O, ner.BLOC}
	if err := conll.WriteGermEval(os.Stdout, ss[0], pred); err != nil {
		panic(err)
	}
	// Output:
	// #	source
	// 1	Siemens	B-ORG	O
	// 2	baut	O	O
	// 3	in	O	O
	// 4	München	B-LOC	O
}

func ExampleEval() {
	var e conll.Eval
	gold := []ner.Label{ner.BPER, ner.IPER, ner.O, ner.BORG}
	pred := []ner.Label{ner.BPER, ner.IPER, ner.O, ner.BLOC}
	e.Add(gold, pred)
	fmt.Printf("P %.2f R %.2f F1 %.2f\n", e.Overall().Precision(), e.Overall().Recall(), e.Overall().F1())
	// Output:
	// P 0.50 R 0.50 F1 0.50
}

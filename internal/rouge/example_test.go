package rouge_test

import (
	"fmt"
	"strings"

	"github.com/techschau/techschau/internal/rouge"
)

func ExampleCompute() {
	s := rouge.Compute(strings.Fields("the cat sat on the mat"), strings.Fields("the cat is on the mat"))
	fmt.Printf("R1 %.3f R2 %.3f RL %.3f\n", s.R1.F1, s.R2.F1, s.RL.F1)
	// Output: R1 0.833 R2 0.600 RL 0.833
}

func ExampleTokenize() {
	fmt.Println(rouge.Tokenize("Die Abhängigkeit von NVIDIA-Chips wächst."))
	fmt.Println(rouge.Tokenize("Die Abhängigkeit von NVIDIA-Chips wächst.", rouge.WithStemming(true)))
	// Output:
	// [die abhängigkeit von nvidia-chips wächst]
	// [die abhang von nvidia-chips wach]
}

func ExampleTeaserPair() {
	p, ok := rouge.TeaserPair("Die Pensionen steigen. Wien – Die Regierung hat die Erhöhung beschlossen.")
	fmt.Println(ok)
	fmt.Println(p.Reference)
	fmt.Printf("%q\n", p.Input[:p.Dateline])
	// Output:
	// true
	// Die Pensionen steigen.
	// "Wien – "
}

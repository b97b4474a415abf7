// Command evalsum measures techschau's summariser against the Lead-k and
// random baselines with ROUGE-1/2/L F1 on 10kGNAD teaser/body pairs.
//
// Every article with a dateline ("Wien –", "Washington/Wien –",
// "Wien (APA) –") in its first 600 characters gives a pair: the editor's
// teaser before the dateline is the reference, the text from the dateline on
// is the input. The dateline is cut from the first sentence for every system
// alike, so no summary contains it.
//
// Usage, from the repository root:
//
//	go run ./internal/cmd/evalsum [-data ../shared/data/10kgnad/dev.csv] [-stem=true] [-seed 1]
package main

import (
	"flag"
	"fmt"
	"os"
	"text/tabwriter"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/rouge"
	"github.com/techschau/techschau/summarize"
)

func main() {
	data := flag.String("data", "../shared/data/10kgnad/dev.csv", "10kGNAD CSV file")
	stem := flag.Bool("stem", true, "stem tokens (Snowball German) before matching")
	seed := flag.Uint64("seed", 1, "seed of the random baseline")
	flag.Parse()
	if err := run(*data, *stem, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "evalsum:", err)
		os.Exit(1)
	}
}

func run(path string, stem bool, seed uint64) error {
	arts, err := corpus.ReadGNADFile(path)
	if err != nil {
		return err
	}
	var pairs []rouge.Pair
	for _, a := range arts {
		if p, ok := rouge.TeaserPair(a.Text); ok {
			pairs = append(pairs, p)
		}
	}
	systems, err := Systems(seed)
	if err != nil {
		return err
	}
	res := rouge.Evaluate(pairs, systems, []int{1, 2, 3}, rouge.WithStemming(stem))
	fmt.Printf("10kGNAD %s: %d articles, %d teaser/body pairs; ROUGE F1 (%%), tokens stemmed: %v\n\n", path, len(arts), len(pairs), stem)
	w := tabwriter.NewWriter(os.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "k\tsystem\tR-1\tR-2\tR-L\t")
	for _, r := range res {
		fmt.Fprintf(w, "%d\t%s\t%.2f\t%.2f\t%.2f\t\n", r.K, r.System, 100*r.R1, 100*r.R2, 100*r.RL)
	}
	return w.Flush()
}

// Systems returns techschau's summariser and the baselines.
func Systems(seed uint64) ([]rouge.System, error) {
	sums := map[int]*summarize.Summarizer{}
	for k := 1; k <= 3; k++ {
		s, err := summarize.New(summarize.WithSentences(k))
		if err != nil {
			return nil, err
		}
		sums[k] = s
	}
	ours := func(seg *german.Segmented, k int) []german.Span {
		s := sums[k]
		var out []german.Span
		for _, x := range s.SummarizeSegmented(seg, summarize.Hints{}).Sentences {
			out = append(out, german.Span{Start: x.Start, End: x.End})
		}
		return out
	}
	return []rouge.System{
		{Name: "techschau", Pick: ours},
		{Name: "Lead-k", Pick: rouge.Lead},
		{Name: fmt.Sprintf("random(seed %d)", seed), Pick: rouge.Random(seed)},
	}, nil
}

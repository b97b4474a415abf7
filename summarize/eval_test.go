package summarize

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/rouge"
)

const gnadPath = "../../shared/data/10kgnad/dev.csv"

// evalPairs loads the dev teaser/body pairs, skipping the test when absent.
func evalPairs(t testing.TB) []rouge.Pair {
	t.Helper()
	arts, err := corpus.ReadGNADFile(gnadPath)
	if err != nil {
		t.Skipf("10kGNAD: %s not found", gnadPath)
	}
	var pairs []rouge.Pair
	for _, a := range arts {
		if p, ok := rouge.TeaserPair(a.Text); ok {
			pairs = append(pairs, p)
		}
	}
	return pairs
}

func oursSystem(t testing.TB, opts ...Option) rouge.System {
	sums := map[int]*Summarizer{}
	for k := 1; k <= 3; k++ {
		sums[k] = mustNew(t, append(opts, WithSentences(k))...)
	}
	return rouge.System{Name: "techschau", Pick: func(seg *german.Segmented, k int) []german.Span {
		var out []german.Span
		for _, x := range sums[k].SummarizeSegmented(seg, Hints{}).Sentences {
			out = append(out, german.Span{Start: x.Start, End: x.End})
		}
		return out
	}}
}

// TestBeatsLead measures ROUGE F1 (stemmed) on the 10kGNAD dev teaser/body
// pairs with the summariser alone (no entity hints) and asserts that it
// beats Lead-k at k = 1, 2, 3 on ROUGE-1 and -2 by at least the given
// margins. The weights were fitted on these pairs, so these are training
// figures; the cross-validated ones come from go run ./internal/cmd/evalsum.
func TestBeatsLead(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	pairs := evalPairs(t)
	require.Greater(t, len(pairs), 300)
	min := map[int][2]float64{
		1: {3.0, 1.5},
		2: {1.0, 0.5},
		3: {0.5, 0.1},
	}
	res := rouge.Evaluate(pairs, []rouge.System{oursSystem(t), {Name: "lead", Pick: rouge.Lead}}, []int{1, 2, 3}, rouge.WithStemming(true))
	require.Len(t, res, 6)
	for i := 0; i < len(res); i += 2 {
		ours, lead := res[i], res[i+1]
		m := min[ours.K]
		t.Logf("k=%d ours %.2f/%.2f/%.2f lead %.2f/%.2f/%.2f", ours.K, 100*ours.R1, 100*ours.R2, 100*ours.RL, 100*lead.R1, 100*lead.R2, 100*lead.RL)
		assert.GreaterOrEqual(t, 100*(ours.R1-lead.R1), m[0], "R1 k=%d", ours.K)
		assert.GreaterOrEqual(t, 100*(ours.R2-lead.R2), m[1], "R2 k=%d", ours.K)
	}
}

package entities

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/internal/conll"
	"github.com/techschau/techschau/internal/ner"
)

const germevalDev = "../../shared/data/germeval2014/NER-de-dev.tsv"

// TestGermEvalDev reports strict outer-span precision, recall and F1 per type on
// the GermEval 2014 dev file, through TagTokens. The embedded model was trained
// with the dev file, so the "with model" figures are not a held-out measure; the
// lexicon and rules alone are. Run with -v to see the tables.
func TestGermEvalDev(t *testing.T) {
	if testing.Short() {
		t.Skip("GermEval dev evaluation is slow")
	}
	f, err := os.Open(germevalDev)
	if err != nil {
		t.Skip("GermEval dev: " + germevalDev + " not found")
	}
	defer f.Close()
	sents, err := conll.ReadGermEval(f, conll.FoldDrop)
	require.NoError(t, err)
	for _, cfg := range []struct {
		name string
		opts []Option
	}{{"lexicon+rules", []Option{WithoutModel()}}, {"lexicon+rules+model", nil}} {
		r, err := New(cfg.opts...)
		require.NoError(t, err)
		var ev conll.Eval
		for _, s := range sents {
			tags := r.TagTokens(s.Words)
			pred := make([]ner.Label, len(tags))
			for i, tg := range tags {
				pred[i], _ = ner.ParseLabel(tg)
			}
			ev.Add(s.Labels, pred)
		}
		var sb strings.Builder
		require.NoError(t, ev.WriteReport(&sb))
		t.Logf("%s, %d sentences (strict outer spans):\n%s", cfg.name, len(sents), sb.String())
	}
}

package analyze_test

import (
	"context"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/golddata"
	"github.com/techschau/techschau/internal/themefit"
)

// themeLabels is the team's theme labels of real news, relative to this
// package's directory.
const themeLabels = "../testdata/real/themes.jsonl"

// TestThemeModelFloor scores the labelled real texts with the committed
// theme model (in-sample: the model was fitted on them) and checks that
// the figures stay above floors, so that a change of cues, features or
// weights that loses what the model had learned shows up in CI. The
// cross-validated figures come from go run ./internal/cmd/evalthemes.
func TestThemeModelFloor(t *testing.T) {
	if raceEnabled {
		t.Skip("slow under the race detector; the pipeline's races are covered by TestConcurrentAnalyzer")
	}
	data := "../../shared/data"
	if _, err := os.Stat(data); err != nil {
		t.Skipf("real texts: %s not found", data)
	}
	ex, skipped, err := themefit.Load(themefit.DataAt(data), themeLabels)
	require.NoError(t, err)
	assert.Empty(t, skipped, "labels whose text changed")
	require.NotEmpty(t, ex)
	a, err := analyze.New(analyze.WithoutSummary())
	require.NoError(t, err)
	d, err := themefit.Features(context.Background(), a, golddata.Themes, ex)
	require.NoError(t, err)
	m, err := analyze.DefaultThemeModel()
	require.NoError(t, err)
	s := themefit.Evaluate(d, m, analyze.DefaultThemeThreshold)
	c := s.Micro
	t.Logf("%d texts, %d theme labels: micro P %.3f R %.3f, empty-gold empty %.3f", s.Texts, c.TP+c.FN, c.P(), c.R(), s.EmptyShare())
	assert.GreaterOrEqual(t, c.P(), 0.65, "micro precision")
	assert.GreaterOrEqual(t, c.R(), 0.65, "micro recall")
	assert.GreaterOrEqual(t, s.EmptyShare(), 0.97, "empty-gold texts with an empty list")
	for _, id := range s.Themes {
		tc := s.By[id]
		if tc.TP+tc.FN < themefit.MinPositives {
			continue
		}
		t.Logf("%-20s P %.3f R %.3f (gold %d)", id, tc.P(), tc.R(), tc.TP+tc.FN)
		assert.GreaterOrEqual(t, tc.P(), 0.5, "%s precision", id)
		assert.GreaterOrEqual(t, tc.R(), 0.6, "%s recall", id)
	}
}

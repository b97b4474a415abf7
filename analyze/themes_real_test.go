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

// realThemeExamples loads the labelled real texts, skipping the test when
// the shared data is absent or under the race detector (slow there; the
// pipeline's races are covered by TestConcurrentAnalyzer).
func realThemeExamples(t *testing.T) []themefit.Example {
	t.Helper()
	if raceEnabled {
		t.Skip("slow under the race detector")
	}
	data := "../../shared/data"
	if _, err := os.Stat(data); err != nil {
		t.Skipf("real texts: %s not found", data)
	}
	ex, skipped, err := themefit.Load(themefit.DataAt(data), themeLabels)
	require.NoError(t, err)
	assert.Empty(t, skipped, "labels whose text changed")
	require.NotEmpty(t, ex)
	return ex
}

// TestThemeModelFloor scores the labelled real texts with the committed
// theme model (in-sample: the model was fitted on them) and checks that
// the figures stay above floors, so that a change of cues, features or
// weights that loses what the model had learned shows up in CI. The
// cross-validated figures come from go run ./internal/cmd/evalthemes.
func TestThemeModelFloor(t *testing.T) {
	ex := realThemeExamples(t)
	a, err := analyze.New(analyze.WithoutSummary())
	require.NoError(t, err)
	d, err := themefit.Features(context.Background(), a, golddata.Themes, ex)
	require.NoError(t, err)
	m, err := analyze.DefaultThemeModel()
	require.NoError(t, err)
	s := themefit.Evaluate(d, m, analyze.DefaultThemeThreshold)
	c := s.Micro
	t.Logf("%d texts, %d theme labels: micro P %.3f R %.3f, empty-gold empty %.3f", s.Texts, c.TP+c.FN, c.P(), c.R(), s.EmptyShare())
	assert.GreaterOrEqual(t, c.P(), 0.78, "micro precision")
	assert.GreaterOrEqual(t, c.R(), 0.78, "micro recall")
	assert.GreaterOrEqual(t, s.EmptyShare(), 0.98, "empty-gold texts with an empty list")
	for _, id := range s.Themes {
		tc := s.By[id]
		if tc.TP+tc.FN < themefit.MinPositives {
			continue
		}
		t.Logf("%-20s P %.3f R %.3f (gold %d)", id, tc.P(), tc.R(), tc.TP+tc.FN)
		assert.GreaterOrEqual(t, tc.P(), 0.65, "%s precision", id)
		assert.GreaterOrEqual(t, tc.R(), 0.65, "%s recall", id)
	}
}

// TestThemeEvidenceFloor checks the evidence the Analyzer lists for the
// gold themes of the labelled real texts against the labelled evidence
// sentences (testdata/real/themes.evidence.jsonl): how often the first
// evidence sentence is a labelled one, and how often any of them is.
// In-sample, as the sentence model that orders the evidence was fitted on
// these labels; evalthemes prints the cross-validated share. The measure
// is strict: a labeller marks one to three sentences, and an unmarked
// sentence chosen instead is often as good ("Wegen einer technischen
// Störung ist es zu Verspätungen und über 100 Ausfällen am Flughafen
// gekommen.") or the page's headline.
func TestThemeEvidenceFloor(t *testing.T) {
	ex := realThemeExamples(t)
	ev, err := themefit.ReadEvidence("../testdata/real/themes.evidence.jsonl")
	require.NoError(t, err)
	assert.Empty(t, themefit.AttachEvidence(ex, ev, "themes.evidence.jsonl"))
	a, err := analyze.New(analyze.WithoutSummary())
	require.NoError(t, err)
	first, any, n, listed, labelled := 0, 0, 0, 0, 0
	for _, e := range ex {
		if e.Evidence == nil {
			continue
		}
		d, err := a.Analyze(context.Background(), e.Text)
		require.NoError(t, err)
		for _, th := range d.Themes {
			if e.Evidence[th.ID] == nil {
				continue
			}
			n++
			for _, s := range th.Evidence {
				listed++
				if is, _ := e.IsEvidence(th.ID, s.Start, s.End); is {
					labelled++
				}
			}
			for i, s := range th.Evidence {
				if is, _ := e.IsEvidence(th.ID, s.Start, s.End); is {
					if i == 0 {
						first++
					}
					any++
					break
				}
			}
		}
	}
	require.NotZero(t, n)
	t.Logf("%d listed gold themes with evidence labels: first evidence sentence labelled %.3f, any %.3f; %d evidence sentences, %.3f of them labelled",
		n, float64(first)/float64(n), float64(any)/float64(n), listed, float64(labelled)/float64(max(1, listed)))
	assert.GreaterOrEqual(t, float64(first)/float64(n), 0.55, "first evidence sentence is a labelled one")
	assert.GreaterOrEqual(t, float64(any)/float64(n), 0.68, "some evidence sentence is a labelled one")
}

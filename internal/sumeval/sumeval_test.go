package sumeval

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/rouge"
	"github.com/techschau/techschau/summarize"
)

func testCase(t *testing.T) *Case {
	t.Helper()
	p, ok := rouge.TeaserPair("Nordchip baut ein Werk in Dresden. Dresden – Der Winter war lang. Nordchip baut in Dresden ein neues Werk für Chips. Die Aktie steigt. Der Bund fördert das Werk.")
	require.True(t, ok)
	an, err := analyze.New(analyze.WithoutSummary(), analyze.WithoutThemes())
	require.NoError(t, err)
	c, err := NewCase(an, p)
	require.NoError(t, err)
	return c
}

func TestBaselines(t *testing.T) {
	c := testCase(t)
	require.Len(t, c.Seg.Sentences, 4)
	lead := Lead(c, 2)
	require.Len(t, lead, 2)
	assert.Equal(t, "Der Winter war lang.", lead[0].In(c.Seg.Text), "the dateline is cut")

	best := Oracle().Pick(c, 1)
	require.Len(t, best, 1)
	assert.Equal(t, "Nordchip baut in Dresden ein neues Werk für Chips.", best[0].In(c.Seg.Text))
	assert.Len(t, Oracle().Pick(c, 3), 3)

	tr := TextRank().Pick(c, 2)
	require.Len(t, tr, 2)
	assert.Less(t, tr[0].Start, tr[1].Start, "article order")
	assert.Equal(t, tr, TextRank().Pick(c, 2), "deterministic")
}

func TestEvaluateAndReport(t *testing.T) {
	c := testCase(t)
	s, err := summarize.New(summarize.WithSentences(1))
	require.NoError(t, err)
	systems := []System{
		{Name: LeadName, Pick: Lead},
		Summarizer("techschau", func(int) *summarize.Summarizer { return s }, true),
		Oracle(),
	}
	res := Evaluate([]*Case{c, c}, systems, []int{1})
	require.Len(t, res, 3)
	assert.Equal(t, 2, res[0].SameLead)
	assert.Greater(t, res[2].Mean().R1, res[0].Mean().R1)
	var out bytes.Buffer
	require.NoError(t, Report(&out, res, 100, 1))
	assert.Contains(t, out.String(), "oracle")
	assert.Contains(t, out.String(), "ΔR-1")
}

func TestBootstrap(t *testing.T) {
	a := []Scores{{R1: 1}, {R1: 1}, {R1: 1}, {R1: 1}}
	b := []Scores{{R1: 0}, {R1: 0}, {R1: 0}, {R1: 0}}
	iv := Bootstrap(a, b, 200, 1)
	assert.Equal(t, 1.0, iv[0].Mean)
	assert.True(t, iv[0].Excludes0())
	assert.False(t, iv[1].Excludes0(), "no difference in R2")
	mixed := []Scores{{R1: 1}, {R1: -1}, {R1: 1}, {R1: -1}}
	iv = Bootstrap(mixed, b, 500, 1)
	assert.InDelta(t, 0, iv[0].Mean, 1e-12)
	assert.False(t, iv[0].Excludes0())
	assert.Equal(t, iv, Bootstrap(mixed, b, 500, 1), "deterministic")
	assert.Equal(t, [3]Interval{}, Bootstrap(nil, nil, 10, 1))
}

func TestScore(t *testing.T) {
	c := testCase(t)
	s := Score(c, []german.Span{c.Seg.Sentences[1].Span})
	assert.Greater(t, s.R1, 0.5)
	assert.Equal(t, Scores{}, Score(c, nil))
}

package analyze

import (
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/summarize"
)

// TestSummaryChars: the budget holds for the reported sentences (dateline
// included), whole sentences only, never an empty summary; with a count
// both limits hold.
func TestSummaryChars(t *testing.T) {
	text := readSeed(t)
	runes := func(d *Document) int {
		n := 0
		for _, s := range d.Summary.Sentences {
			n += utf8.RuneCountInString(s.Text)
		}
		return n
	}
	for _, budget := range []int{1, 100, 200, 400, 700} {
		d, err := mustAnalyzer(t, WithSummaryChars(budget)).Analyze(context.Background(), text)
		require.NoError(t, err)
		checkSpans(t, text, d)
		require.NotEmpty(t, d.Summary.Sentences, "budget %d", budget)
		if len(d.Summary.Sentences) > 1 {
			assert.LessOrEqual(t, runes(d), budget, "budget %d", budget)
		}
		for _, s := range d.Summary.Sentences {
			assert.True(t, slicesContainsSentence(d, s.Start, s.End), "a whole sentence: %q", s.Text)
		}
	}
	d, err := mustAnalyzer(t, WithSummaryChars(5000), WithSummarySentences(2)).Analyze(context.Background(), text)
	require.NoError(t, err)
	assert.Len(t, d.Summary.Sentences, 2)
	d, err = mustAnalyzer(t, WithSummaryChars(700)).Analyze(context.Background(), text)
	require.NoError(t, err)
	assert.Greater(t, len(d.Summary.Sentences), 1)
}

func slicesContainsSentence(d *Document, start, end int) bool {
	for _, s := range d.Sentences {
		if s.Start == start && s.End == end {
			return true
		}
	}
	return false
}

// TestSummaryHints: the hints a Document gives match the pipeline's own
// summary, and carry boilerplate, dateline, entities and the headline.
func TestSummaryHints(t *testing.T) {
	text := readSeed(t)
	a := mustAnalyzer(t, WithSummarySentences(2))
	d, err := a.Analyze(context.Background(), text)
	require.NoError(t, err)
	h := d.SummaryHints()
	require.NotNil(t, h.Exclude)
	cut := strings.Index(text, "- Die besten Bücher")
	for i, s := range d.Sentences {
		assert.Equal(t, s.Start >= cut, h.Exclude(i), "sentence %d", i)
	}
	assert.Equal(t, german.Span{Start: d.Dateline.Start, End: d.Dateline.End}, h.Skip)
	require.Len(t, h.Entities, len(d.Entities))
	assert.InDelta(t, d.Entities[0].Salience, h.Entities[0].Salience, 1e-12)
	assert.Len(t, h.Entities[0].Mentions, len(d.Entities[0].Mentions))
	assert.Zero(t, h.Headline, "the dateline opens the text: no headline")

	s, err := summarize.New(summarize.WithSentences(2))
	require.NoError(t, err)
	again := s.SummarizeSegmented(german.Segment(text), h)
	require.Len(t, again.Sentences, len(d.Summary.Sentences))
	for i, x := range again.Sentences {
		assert.Equal(t, d.Summary.Sentences[i].Start, x.Start)
		assert.Equal(t, d.Summary.Sentences[i].End, x.End)
	}

	// a headline line before the dateline is the headline
	withHead := "DeepSeek verschiebt R2\n\n" + text
	d, err = a.Analyze(context.Background(), withHead)
	require.NoError(t, err)
	require.NotNil(t, d.Dateline)
	h = d.SummaryHints()
	assert.Equal(t, "DeepSeek verschiebt R2", h.Headline.In(withHead))
	for _, x := range d.Summary.Sentences {
		assert.NotEqual(t, "DeepSeek verschiebt R2", x.Text, "the headline is never chosen")
	}
}

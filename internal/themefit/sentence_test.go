package themefit

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
)

// sentenceDataset is two themes over three texts: text 0 carries theme a
// with its second sentence as evidence, text 1 carries nothing, text 2
// carries a without evidence labels.
func sentenceDataset() *Dataset {
	sent := func(start, end int, v float64) analyze.ThemeSentence {
		x := make([]float64, len(analyze.ThemeSentenceFeatureNames()))
		x[0] = v
		return analyze.ThemeSentence{Start: start, End: end, Values: x}
	}
	feats := func(sents ...analyze.ThemeSentence) []analyze.ThemeFeatures {
		return []analyze.ThemeFeatures{
			{ID: "a", Scored: true, Values: make([]float64, len(analyze.ThemeFeatureNames())), Sentences: sents},
			{ID: "b"},
		}
	}
	d := &Dataset{Themes: []string{"a", "b"}}
	d.Docs = append(d.Docs,
		Doc{Example: Example{Label: Label{ID: "0", Themes: []string{"a"}}, Evidence: map[string][][2]int{"a": {{12, 20}}}}, Feats: feats(sent(0, 10, 1), sent(10, 30, 2))},
		Doc{Example: Example{Label: Label{ID: "1"}}, Feats: feats(sent(0, 10, 0.5))},
		Doc{Example: Example{Label: Label{ID: "2", Themes: []string{"a"}}}, Feats: feats(sent(0, 10, 3))},
	)
	return d
}

// TestSentenceRows checks which sentences the sentence model learns from:
// labelled evidence is positive, sentences of texts without the theme
// negative, the other sentences of a text with the theme only with
// OtherNegative, and a text with the theme but no evidence labels none.
func TestSentenceRows(t *testing.T) {
	d := sentenceDataset()
	type row struct {
		doc int
		y   bool
	}
	rowsOf := func(rs []Row) []row {
		var out []row
		for _, r := range rs {
			out = append(out, row{r.Doc, r.Y})
		}
		return out
	}
	assert.Equal(t, []row{{0, true}, {1, false}}, rowsOf(d.SentenceRows([]int{0, 1, 2}, SentenceSettings{})))
	assert.Equal(t, []row{{0, false}, {0, true}, {1, false}}, rowsOf(d.SentenceRows([]int{0, 1, 2}, SentenceSettings{OtherNegative: true})))
	assert.Empty(t, d.SentenceRows([]int{2}, SentenceSettings{}))
}

// TestAttachEvidence reads an evidence file and attaches it to the
// example with the same set, id and SHA-1; a changed text is reported.
func TestAttachEvidence(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ev.jsonl")
	require.NoError(t, os.WriteFile(path, []byte(
		`{"set":"s","id":"x","sha1":"1","evidence":{"a":[[2,4]]}}`+"\n"+
			`{"set":"s","id":"y","sha1":"2","evidence":{"a":[[0,1]]}}`+"\n"), 0o644))
	ev, err := ReadEvidence(path)
	require.NoError(t, err)
	ex := []Example{
		{Label: Label{Set: "s", ID: "x", SHA1: "1", Themes: []string{"a"}}, Text: "0123456789"},
		{Label: Label{Set: "s", ID: "y", SHA1: "3"}, Text: "0123"},
	}
	skipped := AttachEvidence(ex, ev, path)
	assert.Len(t, skipped, 1, "y's text changed")
	is, known := ex[0].IsEvidence("a", 0, 3)
	assert.True(t, is)
	assert.True(t, known)
	is, _ = ex[0].IsEvidence("a", 3, 9)
	assert.False(t, is, "a sentence is evidence when it holds the span's start")
	_, known = ex[1].IsEvidence("a", 0, 3)
	assert.True(t, known, "a text without the theme: its sentences are known negatives")

	require.NoError(t, os.WriteFile(path, []byte(`{"set":"s","id":"x","sha1":"1","evidence":{"a":[[4,2]]}}`), 0o644))
	_, err = ReadEvidence(path)
	assert.ErrorIs(t, err, ErrLabels)
}

// TestSplitsSentenceModel checks that every split fits a sentence model
// on its training texts only and gives every text document features.
func TestSplitsSentenceModel(t *testing.T) {
	d := sentenceDataset()
	splits := d.Splits(3, 1, 1, SentenceSettings{LambdaW: 1, LambdaT: 1, PosWeight: 1, Inner: 2})
	require.Len(t, splits, 1)
	require.Len(t, splits[0], 3)
	for _, sp := range splits[0] {
		require.NotNil(t, sp.Sentence)
		for _, i := range append(append([]int{}, sp.Train...), sp.Test...) {
			require.Len(t, sp.Vals[i], 2, "text %d", i)
		}
	}
	off := d.Splits(3, 1, 1, SentenceSettings{Off: true})
	assert.Nil(t, off[0][0].Sentence)
}

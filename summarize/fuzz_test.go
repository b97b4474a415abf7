package summarize

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
)

var fuzzSeeds = []string{
	"",
	" ",
	chipArticle,
	"Huawei liefert neue Ascend-Chips an DeepSeek.",
	"Wien – Der Konzern meldet einen Rekordgewinn. Die Aktie steigt um 3,5 Prozent.",
	"Stellenangebote\n\nProjektmanager (m/w/d) KI\n\n- Newsletter abonnieren\n",
	"„Wir bauen das Werk“, sagte Berger. »Europa braucht eigene Chips.«",
	"z. B. am 1. Mai im 3. Quartal beim 1. FC Köln. Dr. Müller kam.",
	"Ingenieur*innen und Ingenieur:innen bei NVIDIA-Chips. US-amerikanischen Firmen.",
	"\xff\xfe\xfd. \xc3\x28 Chips. Abc\x80def.",
	strings.Repeat("Die technologische Unabhängigkeit wächst. ", 50),
	"...!!!???",
	"a\nb\nc\nd",
}

// FuzzSummarize checks the summary invariants on any input: no panic,
// spans in range and on rune boundaries, text[Start:End] == Text, article
// order without overlap, the sentence budget kept, same output twice.
func FuzzSummarize(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint8(3), uint16(0))
	}
	sums := map[[2]int]*Summarizer{}
	f.Fuzz(func(t *testing.T, text string, n uint8, maxChars uint16) {
		k := int(n%8) + 1
		key := [2]int{k, int(maxChars)}
		s := sums[key]
		if s == nil {
			opts := []Option{WithSentences(k)}
			if maxChars > 0 {
				opts = append(opts, WithMaxChars(int(maxChars)))
			}
			var err error
			s, err = New(opts...)
			require.NoError(t, err)
			sums[key] = s
		}
		sum := s.Summarize(text)
		require.NotNil(t, sum.Sentences)
		assert.LessOrEqual(t, len(sum.Sentences), k)
		prev, runes := 0, 0
		for _, x := range sum.Sentences {
			require.True(t, prev <= x.Start && x.Start < x.End && x.End <= len(text), "span %d..%d", x.Start, x.End)
			require.Equal(t, text[x.Start:x.End], x.Text)
			assert.True(t, onBoundary(text, x.Start), "start on a rune boundary")
			assert.True(t, onBoundary(text, x.End), "end on a rune boundary")
			assert.True(t, x.Score > 0 && x.Score <= 1)
			prev = x.End
			runes += utf8.RuneCountInString(x.Text)
		}
		if maxChars > 0 {
			assert.LessOrEqual(t, runes, int(maxChars))
		}
		assert.Equal(t, sum, s.Summarize(text), "deterministic")
	})
}

// FuzzKeyphrases checks keyphrases on any input: no panic, at most n,
// every phrase taken from the text, scores in (0,1] and descending; and
// SummarizeAndKeyphrases gives what the two separate calls give.
func FuzzKeyphrases(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint8(5))
	}
	s, err := New()
	require.NoError(f, err)
	f.Fuzz(func(t *testing.T, text string, n uint8) {
		seg := german.Segment(text)
		kp := s.Keyphrases(seg, Hints{}, int(n%20))
		require.NotNil(t, kp)
		assert.LessOrEqual(t, len(kp), int(n%20))
		for i, k := range kp {
			assert.Contains(t, text, k.Text)
			assert.True(t, k.Score > 0 && k.Score <= 1, "score %v", k.Score)
			if i > 0 {
				assert.GreaterOrEqual(t, kp[i-1].Score, k.Score)
			}
		}
		assert.Equal(t, kp, s.Keyphrases(seg, Hints{}, int(n%20)), "deterministic")
		sum, kp2 := s.SummarizeAndKeyphrases(seg, Hints{}, int(n%20))
		assert.Equal(t, kp, kp2)
		assert.Equal(t, s.SummarizeSegmented(seg, Hints{}), sum)
	})
}

// onBoundary reports whether byte offset i is where a rune starts when text
// is decoded as Go does (an invalid byte is a rune of its own), or len(text).
func onBoundary(text string, i int) bool {
	if i == len(text) {
		return true
	}
	for pos := range text {
		if pos >= i {
			return pos == i
		}
	}
	return false
}

// FuzzSummarizeHints checks SummarizeSegmented with arbitrary hints (a
// skipped span, a headline span, an entity with a mention, a character
// budget): no panic, the invariants of FuzzSummarize, whole sentences of
// seg, the budget kept unless the summary is one sentence, and the same
// output twice.
func FuzzSummarizeHints(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s, uint16(0), uint16(7), uint16(0), uint16(0), uint16(3), 0.5, uint16(120))
	}
	f.Fuzz(func(t *testing.T, text string, s0, s1, h0, h1, e0 uint16, sal float64, chars uint16) {
		span := func(a, b uint16) german.Span {
			x, y := int(a)%(len(text)+1), int(b)%(len(text)+1)
			return german.Span{Start: min(x, y), End: max(x, y)}
		}
		h := Hints{
			Skip:     span(s0, s1),
			Headline: span(h0, h1),
			Entities: []EntityHint{{Salience: sal, Mentions: []german.Span{span(e0, e0+5), {Start: -3, End: 99999}}}},
		}
		opts := []Option{WithChars(int(chars) + 1)}
		s, err := New(opts...)
		require.NoError(t, err)
		seg := german.Segment(text)
		sum := s.SummarizeSegmented(seg, h)
		require.NotNil(t, sum.Sentences)
		prev, runes := 0, 0
		for _, x := range sum.Sentences {
			require.True(t, prev <= x.Start && x.Start < x.End && x.End <= len(text), "span %d..%d", x.Start, x.End)
			require.Equal(t, text[x.Start:x.End], x.Text)
			assert.True(t, x.Score > 0 && x.Score <= 1)
			whole := false
			for _, st := range seg.Sentences {
				whole = whole || st.Start == x.Start && st.End == x.End
			}
			assert.True(t, whole, "a sentence of seg")
			prev = x.End
			runes += utf8.RuneCountInString(x.Text)
		}
		if len(sum.Sentences) > 1 {
			assert.LessOrEqual(t, runes, int(chars)+1)
		}
		assert.Equal(t, sum, s.SummarizeSegmented(seg, h), "deterministic")
	})
}

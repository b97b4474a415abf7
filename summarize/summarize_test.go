package summarize

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
)

// chipArticle is a short German tech-news text written for these tests.
const chipArticle = `Europas Chipfabriken: Dresden bekommt neues Werk

Dresden – Der Halbleiterhersteller Nordchip baut in Dresden ein neues Werk für Mikrochips, das ab 2028 Prozessoren für Autos und Rechenzentren liefern soll. Das Unternehmen investiert dafür rund 5 Mrd. Euro, die EU-Kommission fördert das Projekt mit 1,2 Mrd. Euro aus dem Chips Act. Ziel sei es, die Abhängigkeit Europas von Chips aus Asien und den USA zu verringern, sagte Nordchip-Chef Jan Berger am Montag.
Die neuen Prozessoren sollen im 3. Quartal 2028 in Serie gehen. Kritiker bemängeln, dass die Förderung vor allem einem einzigen Konzern zugutekommt. Der Bund der Steuerzahler spricht von einer „teuren Wette auf die Zukunft“.
Berger hält dagegen: Ohne eigene Chipfertigung bleibe Europa bei jeder Lieferkrise erpressbar. Bereits während der Pandemie hatten fehlende Halbleiter die Autoindustrie wochenlang lahmgelegt.

- Newsletter abonnieren
- Alle Artikel zu Halbleitern
Kommentare werden moderiert.
`

// boilerplateFrom returns an Exclude hint that drops every sentence starting
// at or after byte offset off.
func boilerplateFrom(seg *german.Segmented, off int) func(int) bool {
	return func(i int) bool { return seg.Sentences[i].Start >= off }
}

func mustNew(t testing.TB, opts ...Option) *Summarizer {
	t.Helper()
	s, err := New(opts...)
	require.NoError(t, err)
	return s
}

func TestNewValidation(t *testing.T) {
	tests := []struct {
		name string
		opts []Option
		ok   bool
	}{
		{"defaults", nil, true},
		{"sentences 1", []Option{WithSentences(1)}, true},
		{"sentences 0", []Option{WithSentences(0)}, false},
		{"sentences negative", []Option{WithSentences(-2)}, false},
		{"ratio 0.5", []Option{WithRatio(0.5)}, true},
		{"ratio 1", []Option{WithRatio(1)}, true},
		{"ratio 0", []Option{WithRatio(0)}, false},
		{"ratio 1.5", []Option{WithRatio(1.5)}, false},
		{"ratio NaN", []Option{WithRatio(nan())}, false},
		{"max chars 200", []Option{WithMaxChars(200)}, true},
		{"max chars 0", []Option{WithMaxChars(0)}, false},
		{"redundancy 0", []Option{WithRedundancy(0)}, true},
		{"redundancy 1", []Option{WithRedundancy(1)}, true},
		{"redundancy -0.1", []Option{WithRedundancy(-0.1)}, false},
		{"redundancy 2", []Option{WithRedundancy(2)}, false},
		{"nil option", []Option{nil}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := New(tc.opts...)
			if tc.ok {
				require.NoError(t, err)
				assert.NotNil(t, s)
				return
			}
			require.ErrorIs(t, err, ErrInvalidOption)
			assert.Nil(t, s)
		})
	}
}

func nan() float64 { var z float64; return z / z }

// checkSummary asserts the invariants every summary keeps.
func checkSummary(t *testing.T, text string, sum Summary) {
	t.Helper()
	require.NotNil(t, sum.Sentences)
	prevEnd := 0
	for _, s := range sum.Sentences {
		require.True(t, 0 <= s.Start && s.Start < s.End && s.End <= len(text), "span %d..%d of %d", s.Start, s.End, len(text))
		assert.Equal(t, text[s.Start:s.End], s.Text)
		assert.GreaterOrEqual(t, s.Start, prevEnd, "article order, no overlap")
		assert.True(t, s.Score > 0 && s.Score <= 1, "score %v", s.Score)
		prevEnd = s.End
	}
}

func TestSummaryProperties(t *testing.T) {
	texts := map[string]string{
		"article":        chipArticle,
		"one sentence":   "Huawei liefert neue Ascend-Chips an DeepSeek.",
		"no punctuation": "Huawei liefert neue Chips",
		"list":           "Die wichtigsten Punkte:\n- Nordchip baut ein Werk\n- Die EU fördert es\n- Kritiker sind skeptisch\n",
		"headings only":  "Technik\n\nWirtschaft\n\nKultur\n",
		"quotes":         "„Wir bauen das Werk“, sagte Berger. »Europa braucht eigene Chips.« Kritiker widersprechen: „Zu teuer!“",
		"empty":          "",
		"spaces":         " \n\t \n",
		"punctuation":    "... !!! ???",
		"invalid utf8":   "Huawei \xff\xfe liefert Chips. Nvidia \xc3 reagiert gelassen. Die Börse \x80 auch.",
		"numbers":        "2015 2016 2017. 3,5 Mrd. 12.04.2016.",
	}
	opts := map[string][]Option{
		"default":       nil,
		"one":           {WithSentences(1)},
		"ratio":         {WithRatio(0.3)},
		"max chars":     {WithMaxChars(150)},
		"no redundancy": {WithRedundancy(0)},
	}
	for tn, text := range texts {
		for on, o := range opts {
			t.Run(tn+"/"+on, func(t *testing.T) {
				s := mustNew(t, o...)
				sum := s.Summarize(text)
				checkSummary(t, text, sum)
				if !s.o.ratioSet {
					assert.LessOrEqual(t, len(sum.Sentences), s.o.sentences)
				}
				assert.Equal(t, sum, s.Summarize(text), "deterministic")
				if s.o.maxCharsSet {
					n := 0
					for _, x := range sum.Sentences {
						n += utf8.RuneCountInString(x.Text)
					}
					assert.LessOrEqual(t, n, s.o.maxChars)
				}
			})
		}
	}
}

// TestSummarizeStreamsLikeSegmented: Summarize streams the sentences, and
// must choose exactly what SummarizeSegmented chooses on german.Segment's
// output, for short texts, every dev article and a 1 MB document.
func TestSummarizeStreamsLikeSegmented(t *testing.T) {
	texts := []string{chipArticle, "", " \n", "Huawei liefert Chips", "Huawei \xff liefert. Nvidia \xc3 auch."}
	if all, _ := gnadTexts(t); len(all) > 0 {
		texts = append(texts, all...)
		_, big := scalingTexts(t)
		texts = append(texts, big)
	}
	for _, o := range [][]Option{nil, {WithRatio(0.1)}, {WithMaxChars(300)}} {
		s := mustNew(t, o...)
		for _, text := range texts {
			want := s.SummarizeSegmented(german.Segment(text), Hints{})
			if !assert.Equal(t, want, s.Summarize(text), "%.80q", text) {
				return
			}
		}
	}
}

func TestBudgets(t *testing.T) {
	seg := german.Segment(chipArticle)
	off := strings.Index(chipArticle, "- Newsletter")
	h := Hints{Exclude: boilerplateFrom(seg, off)}
	eligible := -1 // the headline line is never chosen
	for _, s := range seg.Sentences {
		if s.Start < off && strings.ContainsFunc(s.In(chipArticle), isLetterRune) {
			eligible++
		}
	}
	require.Greater(t, eligible, 5)
	tests := []struct {
		name string
		opts []Option
		want int
	}{
		{"default three", nil, 3},
		{"one", []Option{WithSentences(1)}, 1},
		{"five", []Option{WithSentences(5)}, 5},
		{"more than there are", []Option{WithSentences(1000)}, eligible},
		{"ratio 0.01 gives one", []Option{WithRatio(0.01)}, 1},
		{"ratio 0.5", []Option{WithRatio(0.5)}, (eligible + 1) / 2},
		{"ratio 1 is all", []Option{WithRatio(1)}, eligible},
		{"ratio and count: smaller wins", []Option{WithRatio(1), WithSentences(2)}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sum := mustNew(t, tc.opts...).SummarizeSegmented(seg, h)
			checkSummary(t, chipArticle, sum)
			assert.Len(t, sum.Sentences, tc.want)
			for _, x := range sum.Sentences {
				assert.Less(t, x.Start, off, "boilerplate chosen: %q", x.Text)
			}
		})
	}
}

func isLetterRune(r rune) bool { return r >= 'A' && r <= 'z' || r > 127 }

func TestMaxChars(t *testing.T) {
	for _, budget := range []int{1, 40, 100, 200, 400, 10000} {
		sum := mustNew(t, WithMaxChars(budget), WithSentences(10)).Summarize(chipArticle)
		checkSummary(t, chipArticle, sum)
		n := 0
		for _, x := range sum.Sentences {
			n += utf8.RuneCountInString(x.Text)
		}
		assert.LessOrEqual(t, n, budget, "budget %d", budget)
		if budget >= 200 {
			assert.NotEmpty(t, sum.Sentences, "budget %d", budget)
		}
	}
}

func TestExcludeNeverChosen(t *testing.T) {
	seg := german.Segment(chipArticle)
	for i := range seg.Sentences {
		// exclude every sentence but i: i must be the only choice
		h := Hints{Exclude: func(j int) bool { return j != i }}
		sum := mustNew(t, WithSentences(3)).SummarizeSegmented(seg, h)
		checkSummary(t, chipArticle, sum)
		for _, x := range sum.Sentences {
			assert.Equal(t, seg.Sentences[i].Start, x.Start)
		}
	}
	all := Hints{Exclude: func(int) bool { return true }}
	assert.Empty(t, mustNew(t).SummarizeSegmented(seg, all).Sentences)
}

func TestBoostChangesChoice(t *testing.T) {
	seg := german.Segment(chipArticle)
	target := slices.IndexFunc(seg.Sentences, func(s german.Sentence) bool {
		return strings.HasPrefix(s.In(chipArticle), "Der Bund der Steuerzahler")
	})
	require.GreaterOrEqual(t, target, 0)
	s := mustNew(t, WithSentences(1))
	plain := s.SummarizeSegmented(seg, Hints{})
	require.Len(t, plain.Sentences, 1)
	assert.NotEqual(t, seg.Sentences[target].Start, plain.Sentences[0].Start)
	boosted := s.SummarizeSegmented(seg, Hints{Boost: func(i int) float64 {
		if i == target {
			return 5
		}
		return 0
	}})
	require.Len(t, boosted.Sentences, 1)
	assert.Equal(t, seg.Sentences[target].Start, boosted.Sentences[0].Start)
}

func TestHeadlineRarelyChosen(t *testing.T) {
	sum := mustNew(t, WithSentences(2)).Summarize(chipArticle)
	for _, x := range sum.Sentences {
		assert.NotContains(t, x.Text, "Europas Chipfabriken:", "headline line unit chosen")
	}
}

func TestDatelineTrimmedSpan(t *testing.T) {
	// The pipeline may shorten a sentence to leave out the dateline; the
	// summary keeps the shortened span.
	text := "Wien – Der Konzern meldet einen Rekordgewinn. Die Aktie steigt."
	seg := german.Segment(text)
	require.NotEmpty(t, seg.Sentences)
	seg.Sentences[0].Start = len("Wien – ")
	sum := mustNew(t, WithSentences(2)).SummarizeSegmented(seg, Hints{})
	require.Len(t, sum.Sentences, 2)
	assert.Equal(t, "Der Konzern meldet einen Rekordgewinn.", sum.Sentences[0].Text)
	assert.Equal(t, len("Wien – "), sum.Sentences[0].Start)
}

func TestBadSegmented(t *testing.T) {
	s := mustNew(t)
	assert.Empty(t, s.SummarizeSegmented(nil, Hints{}).Sentences)
	seg := &german.Segmented{Text: "kurz", Sentences: []german.Sentence{
		{Span: german.Span{Start: -1, End: 3}},
		{Span: german.Span{Start: 2, End: 99}},
		{Span: german.Span{Start: 3, End: 1}},
		{Span: german.Span{Start: 0, End: 4}, Tokens: []german.Token{{Start: 0, End: 40, Text: "x", Kind: german.Word}}},
	}}
	assert.Empty(t, s.SummarizeSegmented(seg, Hints{}).Sentences)
	assert.Empty(t, s.Keyphrases(seg, Hints{}, 5))
}

const seedPath = "../../shared/data/seed-article-deepseek-huawei.txt"

// seedCut is the first boilerplate line of the seed article; the pipeline
// marks it and everything after it as boilerplate.
const seedCut = "- Die besten Bücher rund um KI & Robotik!"

func TestSeedArticle(t *testing.T) {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skipf("seed article: %s not found", seedPath)
	}
	text := string(b)
	off := strings.Index(text, seedCut)
	require.Positive(t, off)
	seg := german.Segment(text)
	h := Hints{Exclude: boilerplateFrom(seg, off)}
	sum := mustNew(t, WithSentences(3)).SummarizeSegmented(seg, h)
	checkSummary(t, text, sum)
	require.Len(t, sum.Sentences, 3)
	for _, x := range sum.Sentences {
		assert.Less(t, x.End, off, "boilerplate chosen: %q", x.Text)
		t.Logf("%.3f %q", x.Score, x.Text)
	}
	// the brief covers the delay, the chip trouble and the dependence on US tech
	all := ""
	for _, x := range sum.Sentences {
		all += x.Text + " "
	}
	for _, want := range []string{"DeepSeek", "R2", "Huawei"} {
		assert.Contains(t, all, want)
	}
	assert.Regexp(t, `verschoben|Verzögerung|verzögert`, all, "the delay")

	kp := mustNew(t).Keyphrases(seg, h, 10)
	t.Logf("keyphrases: %v", kp)
	var kt []string
	for _, k := range kp {
		kt = append(kt, k.Text)
		assert.Contains(t, text[:off], k.Text, "phrase %q not from the article", k.Text)
	}
	assert.Contains(t, kt, "DeepSeek")
	assert.Contains(t, kt, "Huawei-Chips")
}

func TestConcurrentUse(t *testing.T) {
	s := mustNew(t)
	texts := []string{chipArticle, "Huawei liefert Chips. NVIDIA nicht.", "", strings.Repeat("Ein Satz über Chips. ", 40)}
	want := make([]Summary, len(texts))
	wantKP := make([][]Keyphrase, len(texts))
	for i, x := range texts {
		want[i] = s.Summarize(x)
		wantKP[i] = s.Keyphrases(german.Segment(x), Hints{}, 5)
	}
	done := make(chan bool)
	for g := range 8 {
		go func() {
			ok := true
			for r := range 50 {
				i := (g + r) % len(texts)
				ok = ok && assert.Equal(t, want[i], s.Summarize(texts[i]))
				ok = ok && assert.Equal(t, wantKP[i], s.Keyphrases(german.Segment(texts[i]), Hints{}, 5))
			}
			done <- ok
		}()
	}
	for range 8 {
		<-done
	}
}

func TestSummarizeAndKeyphrases(t *testing.T) {
	s := mustNew(t, WithSentences(2))
	for _, text := range []string{chipArticle, "", "Ein Satz.", "Technik\n\nKultur\n"} {
		seg := german.Segment(text)
		off := strings.Index(text, "- Newsletter")
		h := Hints{}
		if off >= 0 {
			h.Exclude = boilerplateFrom(seg, off)
		}
		sum, kp := s.SummarizeAndKeyphrases(seg, h, 7)
		assert.Equal(t, s.SummarizeSegmented(seg, h), sum)
		assert.Equal(t, s.Keyphrases(seg, h, 7), kp)
	}
	sum, kp := s.SummarizeAndKeyphrases(nil, Hints{}, 3)
	assert.Empty(t, sum.Sentences)
	assert.Empty(t, kp)
}

// TestChars: WithChars is a budget of whole sentences that never empties a
// summary; WithMaxChars is a hard cap; with a count both limits hold.
func TestChars(t *testing.T) {
	runes := func(sum Summary) int {
		n := 0
		for _, x := range sum.Sentences {
			n += utf8.RuneCountInString(x.Text)
		}
		return n
	}
	for _, budget := range []int{1, 40, 100, 200, 400, 10000} {
		sum := mustNew(t, WithChars(budget)).Summarize(chipArticle)
		checkSummary(t, chipArticle, sum)
		require.NotEmpty(t, sum.Sentences, "budget %d", budget)
		if len(sum.Sentences) > 1 || budget >= 200 {
			assert.LessOrEqual(t, runes(sum), budget, "budget %d", budget)
		}
		hard := mustNew(t, WithMaxChars(budget)).Summarize(chipArticle)
		assert.LessOrEqual(t, runes(hard), budget, "hard budget %d", budget)
	}
	// the budget alone sets the length; a count caps it
	assert.Greater(t, len(mustNew(t, WithChars(10000)).Summarize(chipArticle).Sentences), 3)
	assert.Len(t, mustNew(t, WithChars(10000), WithSentences(2)).Summarize(chipArticle).Sentences, 2)
	// too small for any sentence: the best single sentence, which a
	// one-sentence summary holds too
	one := mustNew(t, WithSentences(1)).Summarize(chipArticle)
	assert.Equal(t, one, mustNew(t, WithChars(1)).Summarize(chipArticle))
	_, err := New(WithChars(0))
	assert.ErrorIs(t, err, ErrInvalidOption)
}

// TestSkip: the words of a skipped span (a dateline) do not count, and the
// sentence around it is reported whole.
func TestSkip(t *testing.T) {
	text := "Wien – Der Konzern meldet einen Rekordgewinn. Die Aktie steigt. Wien Wien Wien."
	seg := german.Segment(text)
	skip := german.Span{Start: 0, End: len("Wien –")}
	s := mustNew(t, WithSentences(1))
	d := s.Features(seg, Hints{Skip: skip})
	require.NotEmpty(t, d.Sents)
	assert.Equal(t, 0, d.Sents[0].Start, "reported whole")
	assert.Equal(t, 5, d.Sents[0].Len, "Der Konzern meldet einen Rekordgewinn: 5 words and no Wien")
	sum := s.SummarizeSegmented(seg, Hints{Skip: skip})
	checkSummary(t, text, sum)
}

// TestHeadlineHint: sentences in the headline span are never chosen, and a
// sentence sharing the headline's terms gains.
func TestHeadlineHint(t *testing.T) {
	text := "Nordchip baut Werk in Dresden. Der Winter war lang und kalt. Nordchip baut ein Werk in Dresden für Mikrochips. Die Aktie steigt."
	seg := german.Segment(text)
	head := seg.Sentences[0].Span
	s := mustNew(t, WithSentences(1))
	sum := s.SummarizeSegmented(seg, Hints{Headline: head})
	require.Len(t, sum.Sentences, 1)
	assert.NotEqual(t, head.Start, sum.Sentences[0].Start, "the headline is never chosen")
	d := s.Features(seg, Hints{Headline: head})
	require.Len(t, d.Sents, 3)
	heads := 0
	for _, h := range d.Headline {
		if h {
			heads++
		}
	}
	assert.GreaterOrEqual(t, heads, 3, "Nordchip, Werk, Dresden")
	// all sentences in the headline: then none is dropped
	all := s.SummarizeSegmented(seg, Hints{Headline: german.Span{Start: 0, End: len(text)}})
	assert.Len(t, all.Sentences, 1)
}

// TestEntityHints: bad hints (salience out of range, spans outside the text
// or across sentences) are harmless, and a mention only counts in the
// sentence that holds it.
func TestEntityHints(t *testing.T) {
	seg := german.Segment(chipArticle)
	berger := strings.Index(chipArticle, "Jan Berger")
	h := Hints{Entities: []EntityHint{
		{Salience: 1, Mentions: []german.Span{{Start: berger, End: berger + 10}}},
		{Salience: nan(), Mentions: []german.Span{{Start: -5, End: 3}, {Start: 10, End: 1 << 30}}},
		{Salience: 7, Mentions: []german.Span{{Start: 0, End: len(chipArticle)}}},
	}}
	s := mustNew(t)
	d := s.Features(seg, h)
	assert.Equal(t, []float64{1, 0, 1}, d.Entities)
	with := 0
	for _, st := range d.Sents {
		for _, e := range st.Entities {
			assert.Equal(t, int32(0), e, "only the mention inside one sentence counts")
			with++
		}
	}
	assert.Equal(t, 1, with)
	checkSummary(t, chipArticle, s.SummarizeSegmented(seg, h))
}

// TestFirstLineHeadline: without a hint, the first line is the headline
// when it reads as one.
func TestFirstLineHeadline(t *testing.T) {
	body := "\n\nDer Konzern Nordchip baut in Dresden ein neues Werk für Mikrochips. Die Aktie steigt. Kritiker sind skeptisch."
	tests := []struct {
		name, first string
		head        bool
	}{
		{"no punctuation", "Nordchip baut Werk in Dresden", true},
		{"kicker and ellipsis, two sentences", "Neues Werk in Dresden: Das plant Nordchip ...", true},
		{"question", "Baut Nordchip in Dresden?", true},
		{"a lead paragraph ends with a full stop", "Nordchip baut ein Werk.", false},
		{"too long", strings.Repeat("Wort ", 30) + "Ende", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := tc.first + body
			seg := german.Segment(text)
			d := mustNew(t).Features(seg, Hints{})
			require.NotEmpty(t, d.Sents)
			assert.Equal(t, tc.head, d.Sents[0].Start > len(tc.first), "first eligible sentence after the first line")
			sum := mustNew(t, WithSentences(3)).Summarize(text)
			for _, x := range sum.Sentences {
				if tc.head {
					assert.Greater(t, x.Start, len(tc.first), "the headline is never chosen: %q", x.Text)
				}
			}
		})
	}
	// one line only, or a dateline in the first line: no headline
	one := "Nordchip baut Werk in Dresden: Das plant Nordchip ..."
	assert.Equal(t, -1, firstLine(one, 0, german.Span{}))
	dl := "Dresden – Nordchip baut ein Werk\n\nMehr Text."
	assert.Equal(t, -1, firstLine(dl, 0, german.Span{Start: 0, End: len("Dresden –")}))
	assert.Equal(t, len("Dresden – Nordchip baut ein Werk"), firstLine(dl, 0, german.Span{}))
}

// TestEllipsisLast: a sentence cut short by an ellipsis is taken only when
// nothing else is left.
func TestEllipsisLast(t *testing.T) {
	text := "Nordchip baut in Dresden ein Werk für Mikrochips. Jetzt schauen Anwohner zu, wie Nordchip in Dresden Mikrochips ... Die Aktie steigt."
	for _, n := range []int{1, 2} {
		for _, x := range mustNew(t, WithSentences(n)).Summarize(text).Sentences {
			assert.NotContains(t, x.Text, "...", "n=%d", n)
		}
	}
	assert.Len(t, mustNew(t, WithSentences(3)).Summarize(text).Sentences, 3, "taken when nothing else is left")
}

// TestCountKeptWithDuplicates: near-duplicates are a last resort, not a
// reason to return fewer sentences than asked for.
func TestCountKeptWithDuplicates(t *testing.T) {
	text := strings.Repeat("Nordchip baut in Dresden ein Werk für Mikrochips. ", 4) + "Die Aktie steigt."
	for n := 1; n <= 5; n++ {
		sum := mustNew(t, WithSentences(n)).Summarize(text)
		checkSummary(t, text, sum)
		assert.Len(t, sum.Sentences, n, "n=%d", n)
		if n >= 2 {
			assert.Contains(t, sum.Sentences[len(sum.Sentences)-1].Text, "Aktie", "the other sentence before a duplicate")
		}
	}
}

package analyze_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/summarize"
)

// devPath is the 10kGNAD dev file, relative to this package's directory.
const devPath = "../../shared/data/10kgnad/dev.csv"

var devTexts = sync.OnceValues(func() ([]string, error) {
	arts, err := corpus.ReadGNADFile(devPath)
	if err != nil {
		return nil, err
	}
	texts := make([]string, len(arts))
	for i, a := range arts {
		texts[i] = a.Text
	}
	return texts, nil
})

// loadDev returns the texts of the 10kGNAD dev file, or skips when it is absent.
func loadDev(tb testing.TB) []string {
	tb.Helper()
	if _, err := os.Stat(devPath); err != nil {
		tb.Skipf("10kGNAD dev corpus: %s not found", devPath)
	}
	texts, err := devTexts()
	require.NoError(tb, err)
	require.NotEmpty(tb, texts)
	return texts
}

// subset returns every k-th text so that slow runs (race detector, -short)
// still see articles from the whole file.
func subset(texts []string, n int) []string {
	if n >= len(texts) {
		return texts
	}
	step := len(texts) / n
	out := make([]string, 0, n)
	for i := 0; i < len(texts) && len(out) < n; i += step {
		out = append(out, texts[i])
	}
	return out
}

// corpusTexts is the part of the dev corpus the tests run on: all 514
// articles normally, a spread-out subset under -short or -race.
func corpusTexts(t *testing.T) []string {
	texts := loadDev(t)
	if testing.Short() || raceEnabled {
		return subset(texts, 60)
	}
	return texts
}

var (
	sharedAnalyzer = sync.OnceValues(func() (*analyze.Analyzer, error) { return analyze.New() })
)

func newAnalyzer(tb testing.TB) *analyze.Analyzer {
	tb.Helper()
	a, err := sharedAnalyzer()
	require.NoError(tb, err)
	return a
}

// checkSpans checks every span of d against text: in bounds, and
// text[Start:End] == Text wherever a Text is given.
func checkSpans(t *testing.T, text string, d *analyze.Document) {
	t.Helper()
	n := len(text)
	in := func(what string, s, e int) bool {
		if s < 0 || s > e || e > n {
			t.Errorf("%s: span [%d,%d) out of bounds (len %d)", what, s, e, n)
			return false
		}
		return true
	}
	eq := func(what string, s, e int, got string) {
		if in(what, s, e) && text[s:e] != got {
			t.Errorf("%s: text[%d:%d] = %q, Text = %q", what, s, e, text[s:e], got)
		}
	}
	if d.Dateline != nil {
		in("dateline", d.Dateline.Start, d.Dateline.End)
	}
	prev := 0
	for i, b := range d.Boilerplate {
		in(fmt.Sprintf("boilerplate %d", i), b.Start, b.End)
		if b.Start < prev {
			t.Errorf("boilerplate %d [%d,%d) starts before the end of the previous block (%d)", i, b.Start, b.End, prev)
		}
		prev = b.End
	}
	prev = 0
	sents := map[[2]int]bool{}
	for i, s := range d.Sentences {
		what := fmt.Sprintf("sentence %d", i)
		eq(what, s.Start, s.End, s.Text)
		if s.Start < prev {
			t.Errorf("%s [%d,%d) overlaps the previous sentence (ends %d)", what, s.Start, s.End, prev)
		}
		prev = s.End
		sents[[2]int{s.Start, s.End}] = true
	}
	for _, e := range d.Entities {
		assert.NotEmpty(t, e.ID, "entity id")
		assert.NotEmpty(t, e.Mentions, "entity %s has no mention", e.ID)
		prev := -1
		for j, m := range e.Mentions {
			what := fmt.Sprintf("entity %s mention %d", e.ID, j)
			eq(what, m.Start, m.End, m.Text)
			if m.Start < prev {
				t.Errorf("%s: mentions not in text order (%d after %d)", what, m.Start, prev)
			}
			prev = m.Start
			if !strings.Contains(m.Form, m.Text) {
				t.Errorf("%s: form %q does not contain text %q", what, m.Form, m.Text)
			}
		}
	}
	body := map[[2]int]bool{}
	for _, s := range d.Sentences {
		if !s.Boilerplate {
			body[[2]int{s.Start, s.End}] = true
		}
	}
	for _, th := range d.Themes {
		assert.NotEmpty(t, th.Evidence, "theme %s without evidence", th.ID)
		assert.LessOrEqual(t, len(th.Evidence), 3, "theme %s evidence", th.ID)
		assert.NotNil(t, th.Actors, "theme %s actors", th.ID)
		for j, ev := range th.Evidence {
			in(fmt.Sprintf("theme %s evidence %d", th.ID, j), ev.Start, ev.End)
			assert.True(t, body[[2]int{ev.Start, ev.End}], "theme %s evidence %d is no body sentence", th.ID, j)
		}
		assert.True(t, th.Score >= 0 && th.Score <= 1, "theme %s score %v", th.ID, th.Score)
	}
	for i, s := range d.Summary.Sentences {
		what := fmt.Sprintf("summary sentence %d", i)
		eq(what, s.Start, s.End, s.Text)
		if !sents[[2]int{s.Start, s.End}] {
			t.Errorf("%s [%d,%d) is not one of the document's sentences", what, s.Start, s.End)
		}
	}
	for _, k := range d.Keyphrases {
		assert.True(t, utf8.ValidString(k.Text) || !utf8.ValidString(text), "keyphrase %q not UTF-8", k.Text)
	}
}

func marshal(t testing.TB, d *analyze.Document) []byte {
	b, err := json.Marshal(d)
	require.NoError(t, err)
	return b
}

// TestCorpus runs the default pipeline over the articles of the 10kGNAD dev
// file: no error, every span valid, and a second run (after all others, so
// that pooled scratch state has been reused) gives byte-identical JSON.
func TestCorpus(t *testing.T) {
	texts := corpusTexts(t)
	a := newAnalyzer(t)
	ctx := context.Background()
	first := make([][]byte, len(texts))
	for i, text := range texts {
		d, err := a.Analyze(ctx, text)
		require.NoError(t, err, "article %d", i)
		require.NotNil(t, d)
		assert.Equal(t, "de", d.Language, "article %d", i)
		assert.NotEmpty(t, d.Sentences, "article %d", i)
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkSpans(t, text, d) })
		first[i] = marshal(t, d)
	}
	for i := len(texts) - 1; i >= 0; i-- { // reverse order: different scratch history
		d, err := a.Analyze(ctx, texts[i])
		require.NoError(t, err, "article %d", i)
		if b := marshal(t, d); !bytes.Equal(first[i], b) {
			t.Errorf("article %d: second run gives different JSON:\n%s\n%s", i, first[i], b)
		}
	}
}

// TestConcurrentAnalyzer shares one Analyzer between 8 goroutines, each going
// through the articles in its own order; every Document must equal the
// sequential one. Run it with -race.
func TestConcurrentAnalyzer(t *testing.T) {
	texts := loadDev(t)
	n := 120
	if testing.Short() || raceEnabled {
		n = 24
	}
	texts = subset(texts, n)
	a := newAnalyzer(t)
	ctx := context.Background()
	want := make([][]byte, len(texts))
	for i, text := range texts {
		d, err := a.Analyze(ctx, text)
		require.NoError(t, err)
		want[i] = marshal(t, d)
	}
	const goroutines = 8
	got := make([][][]byte, goroutines)
	var wg sync.WaitGroup
	for g := range goroutines {
		got[g] = make([][]byte, len(texts))
		wg.Go(func() {
			for k := range texts {
				i := (k + g*len(texts)/goroutines) % len(texts) // each goroutine starts elsewhere
				d, err := a.Analyze(ctx, texts[i])
				if err != nil {
					t.Errorf("goroutine %d article %d: %v", g, i, err)
					return
				}
				b, err := json.Marshal(d)
				if err != nil {
					t.Errorf("goroutine %d article %d: %v", g, i, err)
					return
				}
				got[g][i] = b
			}
		})
	}
	wg.Wait()
	for g := range goroutines {
		for i := range texts {
			if !bytes.Equal(want[i], got[g][i]) {
				t.Errorf("goroutine %d article %d differs from the sequential run", g, i)
			}
		}
	}
}

// TestBatchMatchesSequential checks that Batch with several workers yields
// the sequential Documents in input order.
func TestBatchMatchesSequential(t *testing.T) {
	texts := loadDev(t)
	n := 100
	if testing.Short() || raceEnabled {
		n = 20
	}
	texts = subset(texts, n)
	seq := newAnalyzer(t)
	par, err := analyze.New(analyze.WithWorkers(4))
	require.NoError(t, err)
	ctx := context.Background()
	i := 0
	for d, err := range par.Batch(ctx, slices.Values(texts)) {
		require.NoError(t, err)
		require.Less(t, i, len(texts))
		w, err := seq.Analyze(ctx, texts[i])
		require.NoError(t, err)
		assert.Equal(t, string(marshal(t, w)), string(marshal(t, d)), "article %d", i)
		i++
	}
	assert.Equal(t, len(texts), i)
}

// words counts whitespace-separated fields, the unit of the words/s metric
// (the same count internal/cmd/compare uses for techschau and prose).
func words(texts []string) (w, size int) {
	for _, t := range texts {
		w += len(strings.Fields(t))
		size += len(t)
	}
	return w, size
}

// reportWords reports words/s of wall time and cpu-words/s, words per second
// of process CPU time (getrusage; garbage collection included): on a shared
// machine the second is the per-core figure to quote.
func reportWords(b *testing.B, w int, cpu time.Duration) {
	b.ReportMetric(float64(w)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(w)*float64(b.N)/cpu.Seconds(), "cpu-words/s")
	}
}

// BenchmarkCorpus runs the full default pipeline over the whole dev corpus
// (one op = all articles).
func BenchmarkCorpus(b *testing.B) {
	texts := loadDev(b)
	a := newAnalyzer(b)
	ctx := context.Background()
	w, size := words(texts)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	c0 := cpuTime()
	for b.Loop() {
		for _, t := range texts {
			if _, err := a.Analyze(ctx, t); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportWords(b, w, cpuTime()-c0)
}

// BenchmarkCorpusStages measures each stage of the pipeline on the dev
// corpus with the public APIs (one op = all articles): the figures behind
// the stage-by-stage table of issue 8. "analyze/base" is segmentation,
// boilerplate, dateline and language; "analyze/themes" adds theme tagging;
// the entity, summary and keyphrase stages run on pre-segmented text.
func BenchmarkCorpusStages(b *testing.B) {
	texts := loadDev(b)
	w, size := words(texts)
	ctx := context.Background()
	segs := make([]*german.Segmented, len(texts))
	for i, t := range texts {
		segs[i] = german.Segment(t)
	}
	rec, err := entities.New()
	require.NoError(b, err)
	sum, err := summarize.New(summarize.WithSentences(3))
	require.NoError(b, err)
	base, err := analyze.New(analyze.WithoutEntities(), analyze.WithoutSummary(), analyze.WithoutThemes())
	require.NoError(b, err)
	themes, err := analyze.New(analyze.WithoutEntities(), analyze.WithoutSummary())
	require.NoError(b, err)
	full := newAnalyzer(b)
	run := func(name string, fn func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			c0 := cpuTime()
			for b.Loop() {
				for i := range texts {
					fn(i)
				}
			}
			reportWords(b, w, cpuTime()-c0)
		})
	}
	analyzeWith := func(a *analyze.Analyzer) func(int) {
		return func(i int) {
			if _, err := a.Analyze(ctx, texts[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	run("german.Segment", func(i int) { german.Segment(texts[i]) })
	run("entities.RecognizeSegmented", func(i int) { rec.RecognizeSegmented(segs[i], nil) })
	run("summarize.SummarizeSegmented", func(i int) { sum.SummarizeSegmented(segs[i], summarize.Hints{}) })
	run("summarize.Keyphrases", func(i int) { sum.Keyphrases(segs[i], summarize.Hints{}, 8) })
	run("analyze/base", analyzeWith(base))
	run("analyze/themes", analyzeWith(themes))
	run("analyze/full", analyzeWith(full))
}

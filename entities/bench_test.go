package entities

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/golddata"
)

// benchText returns the gold articles (or the seed article) as one text.
func benchText(b *testing.B) string {
	var sb strings.Builder
	if dir, err := golddata.ArticlesDir(); err == nil {
		if arts, err := golddata.LoadArticles(dir); err == nil {
			for _, a := range arts {
				sb.WriteString(a.Text)
				sb.WriteString("\n\n")
			}
		}
	}
	if sb.Len() == 0 {
		sb.WriteString(seedArticle(b))
	}
	return sb.String()
}

// syntheticLexicon builds n entries of invented names (companies, products,
// people, places) for the lexicon-size benchmark.
func syntheticLexicon(n int) *Lexicon {
	syl := []string{"ka", "lo", "mi", "ra", "ten", "vor", "xa", "zu", "bel", "dor", "fin", "gra", "hul", "jen", "kor", "lun"}
	types := []string{"ORG", "PRODUCT", "PER", "LOC", "MISC"}
	var sb strings.Builder
	sb.WriteString(`{"entries":[`)
	for i := range n {
		a, b2, c := syl[i%16], syl[(i/16)%16], syl[(i/256)%16]
		name := strings.ToUpper(a[:1]) + a[1:] + b2 + c + fmt.Sprint(i/4096)
		if i > 0 {
			sb.WriteByte(',')
		}
		ty := types[i%5]
		alias := name + " Systems"
		if ty == "PER" {
			alias = "Anna " + name
		}
		fmt.Fprintf(&sb, `{"id":"syn-%d","name":%q,"type":%q,"aliases":[%q]}`, i, name, ty, alias)
	}
	sb.WriteString(`]}`)
	lex, err := LoadLexicon(strings.NewReader(sb.String()), "synthetic")
	if err != nil {
		panic(err)
	}
	return lex
}

var synthetic10k = sync.OnceValue(func() *Lexicon { return syntheticLexicon(10000) })

func BenchmarkRecognize(b *testing.B) {
	text := benchText(b)
	words := 0
	for _, t := range german.Tokens(text) {
		if t.Kind == german.Word || t.Kind == german.Number {
			words++
		}
	}
	def, err := DefaultLexicon()
	require.NoError(b, err)
	big := def.Merge(synthetic10k())
	for _, cfg := range []struct {
		name string
		opts []Option
	}{
		{"default", []Option{WithoutModel()}},
		{"default+10k", []Option{WithoutModel(), WithLexicon(big)}},
		{"default+model", nil},
	} {
		b.Run(cfg.name, func(b *testing.B) {
			r, err := New(cfg.opts...)
			require.NoError(b, err)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				r.Recognize(text)
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
			if d := cpuTime() - cpu0; d > 0 {
				b.ReportMetric(float64(words)*float64(b.N)/d.Seconds(), "words/cpu-s")
			}
		})
	}
	// matching alone on pre-segmented text (what analyze calls)
	seg := german.Segment(text)
	for _, cfg := range []struct {
		name string
		lex  *Lexicon
	}{{"segmented/default", def}, {"segmented/default+10k", big}} {
		b.Run(cfg.name, func(b *testing.B) {
			r, err := New(WithoutModel(), WithLexicon(cfg.lex))
			require.NoError(b, err)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				r.RecognizeSegmented(seg, nil)
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
			if d := cpuTime() - cpu0; d > 0 {
				// CPU time of the process: on a busy shared machine wall time overstates the cost
				b.ReportMetric(float64(words)*float64(b.N)/d.Seconds(), "words/cpu-s")
			}
		})
	}
}

// BenchmarkRecognizeDocs recognises the gold articles one by one on
// pre-segmented text, as analyze does: per-document costs (counts, linking,
// grouping) weigh as in the pipeline.
func BenchmarkRecognizeDocs(b *testing.B) {
	dir, err := golddata.ArticlesDir()
	if err != nil {
		b.Skip(err)
	}
	arts, err := golddata.LoadArticles(dir)
	if err != nil || len(arts) == 0 {
		b.Skip("no gold articles")
	}
	segs := make([]*german.Segmented, len(arts))
	words, size := 0, 0
	for i, a := range arts {
		segs[i] = german.Segment(a.Text)
		size += len(a.Text)
		for _, t := range segs[i].Tokens() {
			if t.Kind == german.Word || t.Kind == german.Number {
				words++
			}
		}
	}
	for _, cfg := range []struct {
		name string
		opts []Option
	}{{"default", []Option{WithoutModel()}}, {"default+model", nil}} {
		b.Run(cfg.name, func(b *testing.B) {
			r, err := New(cfg.opts...)
			require.NoError(b, err)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			b.ResetTimer()
			cpu0 := cpuTime()
			for b.Loop() {
				for _, s := range segs {
					r.RecognizeSegmented(s, nil)
				}
			}
			if d := cpuTime() - cpu0; d > 0 {
				b.ReportMetric(float64(words)*float64(b.N)/d.Seconds(), "words/cpu-s")
			}
		})
	}
}

func BenchmarkRecognizeParallel(b *testing.B) {
	text := benchText(b)
	r, err := New(WithoutModel())
	require.NoError(b, err)
	seg := german.Segment(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			r.RecognizeSegmented(seg, nil)
		}
	})
}

func BenchmarkLoadLexicon(b *testing.B) {
	b.SetBytes(int64(len(defaultLexiconJSON)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := LoadLexicon(strings.NewReader(string(defaultLexiconJSON)), "default.json"); err != nil {
			b.Fatal(err)
		}
	}
}

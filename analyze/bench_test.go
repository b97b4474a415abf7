package analyze

import (
	"context"
	"strings"
	"testing"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
)

const gnadPath = "../../shared/data/10kgnad/dev.csv"

func loadGNAD(b *testing.B) ([]string, int, int) {
	arts, err := corpus.ReadGNADFile(gnadPath)
	if err != nil || len(arts) == 0 {
		b.Skipf("10kGNAD: %s not found", gnadPath)
	}
	var texts []string
	words, size := 0, 0
	for _, a := range arts {
		texts = append(texts, a.Text)
		words += len(strings.Fields(a.Text))
		size += len(a.Text)
	}
	return texts, words, size
}

func benchPipeline(b *testing.B, opts ...Option) {
	texts, words, size := loadGNAD(b)
	a, err := New(opts...)
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := processCPU()
	for b.Loop() {
		for _, t := range texts {
			if _, err := a.Analyze(ctx, t); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu := processCPU() - cpu0; cpu > 0 {
		// words per CPU-second: per core, independent of the machine's load
		b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
	}
}

// BenchmarkAnalyze is the full default pipeline over the 10kGNAD dev file
// (514 articles per iteration).
func BenchmarkAnalyze(b *testing.B) { benchPipeline(b) }

// BenchmarkAnalyzeOwnStages runs only what analyze itself adds (segmenting,
// language, boilerplate, dateline, themes, assembly).
func BenchmarkAnalyzeOwnStages(b *testing.B) { benchPipeline(b, WithoutEntities(), WithoutSummary()) }

// BenchmarkStages times each stage of analyze on already segmented text.
func BenchmarkStages(b *testing.B) {
	texts, words, size := loadGNAD(b)
	segs := make([]*german.Segmented, len(texts))
	for i, t := range texts {
		segs[i] = german.Segment(t)
	}
	tax, err := DefaultThemes()
	if err != nil {
		b.Fatal(err)
	}
	m, err := DefaultThemeModel()
	if err != nil {
		b.Fatal(err)
	}
	g := newTagger(tax, m)
	run := func(name string, fn func(i int)) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(size))
			b.ReportAllocs()
			cpu0 := processCPU()
			for b.Loop() {
				for i := range texts {
					fn(i)
				}
			}
			b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
			if cpu := processCPU() - cpu0; cpu > 0 {
				b.ReportMetric(float64(words)*float64(b.N)/cpu.Seconds(), "words/cpu-s")
			}
		})
	}
	run("segment", func(i int) { german.Segment(texts[i]) })
	run("language", func(i int) { detectLanguage(texts[i]) })
	run("boilerplate", func(i int) { findBoilerplate(segs[i], sourcePage, nil) })
	run("dateline", func(i int) { findDateline(segs[i], make([]bool, len(segs[i].Sentences))) })
	run("themes", func(i int) {
		g.tag(segs[i], make([]bool, len(segs[i].Sentences)), nil, DefaultThemeThreshold, "de", german.Span{}, nil)
	})
}

// BenchmarkLoad measures building an Analyzer (resources already loaded
// after the first iteration; the first call's cold start is in TestColdStart).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAnalyzeParallel shares one Analyzer between goroutines.
func BenchmarkAnalyzeParallel(b *testing.B) {
	texts, _, size := loadGNAD(b)
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size / len(texts)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			if _, err := a.Analyze(context.Background(), texts[i%len(texts)]); err != nil {
				b.Error(err)
				return
			}
			i++
		}
	})
}

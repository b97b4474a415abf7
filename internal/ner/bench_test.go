package ner_test

import (
	"bytes"
	"os"
	"testing"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/conll"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/ner"
)

const gnadPath = "../../../shared/data/10kgnad/dev.csv"

func benchSentences(b *testing.B) [][]string {
	f, err := os.Open(devPath)
	if err != nil {
		b.Skip("GermEval dev: " + devPath + " not found")
	}
	defer f.Close()
	ss, err := conll.ReadGermEval(f, conll.FoldDrop)
	if err != nil {
		b.Fatal(err)
	}
	out := make([][]string, len(ss))
	for i, s := range ss {
		out[i] = s.Words
	}
	return out
}

// BenchmarkTag tags the GermEval dev sentences (41,653 tokens) per iteration.
func BenchmarkTag(b *testing.B) {
	sents := benchSentences(b)
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	toks, size := 0, 0
	for _, s := range sents {
		toks += len(s)
		for _, w := range s {
			size += len(w) + 1
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	tagAll(b, m, sents, toks)
}

// BenchmarkTagParallel tags from all goroutines at once with one shared model.
func BenchmarkTagParallel(b *testing.B) {
	sents := benchSentences(b)
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		var out []ner.Label
		i := 0
		for pb.Next() {
			out = m.Tag(sents[i%len(sents)], nil, out)
			i++
		}
	})
}

// BenchmarkLoad decodes the embedded model.
func BenchmarkLoad(b *testing.B) {
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	cpu0 := cpuTime()
	for b.Loop() {
		if _, err := ner.Load(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	if cpu := cpuTime() - cpu0; cpu > 0 {
		b.ReportMetric(float64(cpu.Milliseconds())/float64(b.N), "cpu-ms/op")
	}
}

// BenchmarkTagNews tags the sentences of the 10kGNAD dev articles, segmented
// as the pipeline segments them (one op = all 514 articles): news text
// repeats its words far more than GermEval's mixed sentences, which is what
// the tagger's memo of word forms is for.
func BenchmarkTagNews(b *testing.B) {
	arts, err := corpus.ReadGNADFile(gnadPath)
	if err != nil {
		b.Skip("10kGNAD dev: " + gnadPath + " not found")
	}
	var sents [][]string
	toks := 0
	for _, a := range arts {
		for _, s := range german.Segment(a.Text).Sentences {
			words := make([]string, len(s.Tokens))
			for i, t := range s.Tokens {
				words[i] = t.Text
			}
			sents = append(sents, words)
			toks += len(words)
		}
	}
	m, err := ner.Default()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	tagAll(b, m, sents, toks)
}

// tagAll tags sents (toks tokens in all) once per iteration and reports
// tokens per second, wall and CPU.
func tagAll(b *testing.B, m *ner.Model, sents [][]string, toks int) {
	var out []ner.Label
	cpu0 := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			out = m.Tag(s, nil, out)
		}
	}
	cpu := cpuTime() - cpu0
	b.ReportMetric(float64(toks)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
	if cpu > 0 {
		// wall time is meaningless on a crowded machine: also report per CPU second
		b.ReportMetric(float64(toks)*float64(b.N)/cpu.Seconds(), "tokens/cpu-s")
	}
}

package german

import (
	"strings"
	"testing"
)

// reportCPU adds the throughput per CPU second ("cpu-MB/s"): on a shared
// machine wall-clock MB/s understate the speed of one core.
func reportCPU(b *testing.B, start float64, bytes int) {
	if d := cpuSeconds() - start; d > 0 && start > 0 {
		b.ReportMetric(float64(bytes)*float64(b.N)/d/1e6, "cpu-MB/s")
	}
}

// benchText is the 10kGNAD dev articles joined by blank lines (about 1.3 MB),
// or a repeated seed paragraph when the corpus is absent.
func benchText(b *testing.B) string {
	texts := gnadTexts(b)
	if len(texts) == 0 {
		b.Log("10kGNAD: " + gnadPath + " not found; using a built-in text")
		return strings.Repeat("Die chinesische KI-Firma DeepSeek hat den Start ihres Modells R2 verschoben, z. B. wegen Huawei-Chips. Am 1. Mai kostet es 3,5 Mrd. Euro.\n", 5000)
	}
	return strings.Join(texts, "\n\n")
}

func BenchmarkSentences(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		_ = Sentences(text)
	}
	reportCPU(b, cpu, len(text))

}

func BenchmarkTokens(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	n := 0
	cpu := cpuSeconds()
	for b.Loop() {
		n = len(Tokens(text))
	}
	reportCPU(b, cpu, len(text))

	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkAllTokens(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		for range AllTokens(text) {
		}
	}
	reportCPU(b, cpu, len(text))

}

func BenchmarkSegment(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		_ = Segment(text)
	}
	reportCPU(b, cpu, len(text))
}

// BenchmarkSegmentInto segments the same text into one reused Segmented,
// as a pipeline does article after article.
func BenchmarkSegmentInto(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var seg Segmented
	cpu := cpuSeconds()
	for b.Loop() {
		SegmentInto(&seg, text)
	}
	reportCPU(b, cpu, len(text))
}

// BenchmarkSegmentSeq streams the same sentences and tokens as Segment
// through one reused buffer.
func BenchmarkSegmentSeq(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		for s := range SegmentSeq(text) {
			_ = s
		}
	}
	reportCPU(b, cpu, len(text))
}

// BenchmarkStringsFields is the baseline: strings.Fields over the same text.
func BenchmarkStringsFields(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		_ = strings.Fields(text)
	}
	reportCPU(b, cpu, len(text))

}

func BenchmarkNormalize(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		_ = Normalize(text)
	}
	reportCPU(b, cpu, len(text))

}

// benchWords returns the word tokens of the benchmark text.
func benchWords(b *testing.B) []string {
	var words []string
	for _, t := range Tokens(benchText(b)) {
		if t.Kind == Word {
			words = append(words, t.Text)
		}
	}
	return words
}

func BenchmarkStem(b *testing.B) {
	words := benchWords(b)
	b.ReportAllocs()
	var nb int64
	for _, w := range words {
		nb += int64(len(w))
	}
	b.SetBytes(nb)
	cpu := cpuSeconds()
	for b.Loop() {
		for _, w := range words {
			_ = Stem(w)
		}
	}
	if d := cpuSeconds() - cpu; d > 0 && cpu > 0 {
		b.ReportMetric(d*1e9/float64(b.N)/float64(len(words)), "cpu-ns/word")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

func BenchmarkLower(b *testing.B) {
	words := benchWords(b)
	b.ReportAllocs()
	cpu := cpuSeconds()
	for b.Loop() {
		for _, w := range words {
			_ = Lower(w)
		}
	}
	if d := cpuSeconds() - cpu; d > 0 && cpu > 0 {
		b.ReportMetric(d*1e9/float64(b.N)/float64(len(words)), "cpu-ns/word")
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(words)), "ns/word")
}

func BenchmarkSegmentParallel(b *testing.B) {
	text := benchText(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			_ = Segment(text)
		}
	})
}

package trends_test

import (
	"runtime"
	"testing"

	"github.com/techschau/techschau/analyze/trends"
	"github.com/techschau/techschau/internal/trendsgen"
)

// benchDocs generates n documents whose vocabulary keeps growing: about 19 entities a
// document (as the real news pages have), a fifth of them new ids.
func benchDocs(n int) []trendsgen.Doc {
	g := trendsgen.New(42, 20000, 0.2)
	g.MaxEntities = 24
	docs := make([]trendsgen.Doc, n)
	for i := range docs {
		docs[i] = g.Next(i)
	}
	return docs
}

// BenchmarkAdd adds documents one by one to one Aggregator (weekly periods, default
// capacity); its tables overflow and sample after some 20,000 documents.
func BenchmarkAdd(b *testing.B) {
	docs := benchDocs(100_000)
	a, err := trends.New()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := range b.N {
		d := &docs[i%len(docs)]
		a.Add(d.ID, d.Date, d.Document)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}

// BenchmarkAggregate100k aggregates 100,000 documents into a fresh Aggregator and writes
// the report, and reports the live heap after a collection at the end. The figure of
// issue 18 is under 5 s on one core: run with -cpu 1.
func BenchmarkAggregate100k(b *testing.B) {
	docs := benchDocs(100_000)
	var heap uint64
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		a, err := trends.New()
		if err != nil {
			b.Fatal(err)
		}
		for i := range docs {
			a.Add(docs[i].ID, docs[i].Date, docs[i].Document)
		}
		if _, err := a.Report().JSON(); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		heap = ms.HeapAlloc
		runtime.KeepAlive(a)
		b.StartTimer()
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/100k")
	b.ReportMetric(float64(heap)/(1<<20), "heapMB")
}

// BenchmarkMerge merges two aggregates of 50,000 documents each.
func BenchmarkMerge(b *testing.B) {
	docs := benchDocs(100_000)
	parts := [2]*trends.Aggregator{{}, {}}
	for i := range docs {
		parts[i%2].Add(docs[i].ID, docs[i].Date, docs[i].Document)
	}
	wire, err := parts[0].MarshalBinary()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		var a trends.Aggregator
		if err := a.UnmarshalBinary(wire); err != nil {
			b.Fatal(err)
		}
		if err := a.Merge(parts[1]); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(wire))/(1<<20), "wireMB")
}

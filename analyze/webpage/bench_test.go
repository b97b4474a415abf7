package webpage

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

const htmlPagesDir = "../../../shared/data/html-pages/html"

// loadPages reads the HTML pages of the extraction benchmark (skipped where
// they are absent).
func loadPages(b *testing.B) ([]string, int) {
	names, err := filepath.Glob(filepath.Join(htmlPagesDir, "*.html"))
	if err != nil || len(names) == 0 {
		b.Skipf("HTML pages: %s not found", htmlPagesDir)
	}
	var pages []string
	size := 0
	for _, n := range names {
		p, err := os.ReadFile(n)
		if err != nil {
			b.Fatal(err)
		}
		pages = append(pages, string(p))
		size += len(p)
	}
	return pages, size
}

func benchPages(b *testing.B, fn func(a *Analyzer, page string)) {
	pages, size := loadPages(b)
	a, err := New()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range pages {
			fn(a, p)
		}
	}
	b.ReportMetric(float64(len(pages))*float64(b.N)/b.Elapsed().Seconds(), "pages/s")
}

// BenchmarkAnalyzeHTML is the whole HTML path (extraction and analysis)
// over the 252 pages of the extraction benchmark (one op = all pages);
// MB/s counts HTML bytes.
func BenchmarkAnalyzeHTML(b *testing.B) {
	ctx := context.Background()
	benchPages(b, func(a *Analyzer, p string) { a.AnalyzeHTML(ctx, p, "") }) //nolint:errcheck // a few pages are in other languages
}

// BenchmarkExtract is the extraction alone.
func BenchmarkExtract(b *testing.B) {
	ctx := context.Background()
	benchPages(b, func(a *Analyzer, p string) { a.Extract(ctx, p, "") }) //nolint:errcheck
}

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	trafilatura "github.com/markusmobius/go-trafilatura"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/webpage"
)

// htmlPage is one line of html-pages/pages.jsonl.
type htmlPage struct {
	URL     string   `json:"url"`
	File    string   `json:"file"`
	With    []string `json:"with"`
	Without []string `json:"without"`
}

// snippetScore counts trafilatura's benchmark decisions: a "with" snippet
// found in the extracted text is a true positive, a "without" snippet found
// there a false positive.
type snippetScore struct{ tp, fn, fp, tn int }

func (s *snippetScore) add(p htmlPage, text string, name string, verbose bool) {
	norm := strings.Join(strings.Fields(text), " ")
	for _, w := range p.With {
		if strings.Contains(norm, strings.Join(strings.Fields(w), " ")) {
			s.tp++
		} else {
			s.fn++
			if verbose {
				fmt.Printf("  %s %s: missed %q\n", name, p.File, w)
			}
		}
	}
	for _, w := range p.Without {
		if strings.Contains(norm, strings.Join(strings.Fields(w), " ")) {
			s.fp++
			if verbose {
				fmt.Printf("  %s %s: kept %q\n", name, p.File, w)
			}
		} else {
			s.tn++
		}
	}
}

func (s snippetScore) String() string {
	p := ratio(s.tp, s.tp+s.fp)
	r := ratio(s.tp, s.tp+s.fn)
	f := 0.0
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return fmt.Sprintf("P=%.3f R=%.3f F1=%.4f (tp=%d fn=%d fp=%d tn=%d)", p, r, f, s.tp, s.fn, s.fp, s.tn)
}

// bodyText joins the sentences of doc that are not boilerplate.
func bodyText(doc *analyze.Document) string {
	var b strings.Builder
	for _, s := range doc.Sentences {
		if !s.Boilerplate {
			b.WriteString(s.Text)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

func evalHTML(ctx context.Context, an *analyze.Analyzer, c config) error {
	dir := filepath.Join(c.data, "html-pages")
	pages, err := readJSONL[htmlPage](filepath.Join(dir, "pages.jsonl"))
	if err != nil {
		return err
	}
	wp, err := webpage.New(webpage.WithAnalyzer(an))
	if err != nil {
		return err
	}
	wpNoFallback, err := webpage.New(webpage.WithAnalyzer(an), webpage.WithoutFallback())
	if err != nil {
		return err
	}
	var plain, fallback, extracted, ours, oursNoFallback snippetScore
	var size int
	var took time.Duration
	warned := 0
	for _, p := range pages {
		b, err := os.ReadFile(filepath.Join(dir, "html", p.File))
		if err != nil {
			return err
		}
		page := string(b)
		for _, fb := range []bool{false, true} {
			text := ""
			if r, err := trafilatura.Extract(strings.NewReader(page), trafilatura.Options{EnableFallback: fb}); err == nil {
				text = r.ContentText
			}
			if fb {
				fallback.add(p, text, "trafilatura+fallback", false)
			} else {
				plain.add(p, text, "trafilatura", false)
			}
		}
		t0 := time.Now()
		doc, err := wp.AnalyzeHTML(ctx, page, p.URL)
		took += time.Since(t0)
		size += len(page)
		if err != nil {
			fmt.Printf("  %s: %v\n", p.File, err)
			extracted.add(p, "", "extracted", false)
			ours.add(p, "", "ours", false)
		} else {
			extracted.add(p, doc.Text, "extracted", c.verbose)
			ours.add(p, bodyText(doc), "ours", c.verbose)
			if len(doc.Warnings) > 0 {
				warned++
			}
		}
		if doc, err := wpNoFallback.AnalyzeHTML(ctx, page, p.URL); err == nil {
			oursNoFallback.add(p, bodyText(doc), "ours-nofallback", false)
		} else {
			oursNoFallback.add(p, "", "ours-nofallback", false)
		}
	}
	fmt.Printf("html pages (%s): %d pages, trafilatura's scoring (goal F1 >= 0.93)\n", dir, len(pages))
	fmt.Printf("  go-trafilatura alone, defaults        : %s\n", plain)
	fmt.Printf("  go-trafilatura alone, fallbacks on    : %s\n", fallback)
	fmt.Printf("  webpage.Extract text (no second pass) : %s\n", extracted)
	fmt.Printf("  webpage.AnalyzeHTML body (second pass): %s\n", ours)
	fmt.Printf("  the same without fallbacks            : %s\n", oursNoFallback)
	fmt.Printf("  documents with warnings: %d; AnalyzeHTML %.2f MB/s (one goroutine, %.1f MB in %.1fs)\n", warned, float64(size)/1e6/took.Seconds(), float64(size)/1e6, took.Seconds())
	return nil
}

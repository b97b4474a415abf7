package webpage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/techschau/techschau/analyze"
)

var fuzzAnalyzerOnce = sync.OnceValues(func() (*Analyzer, error) {
	an, err := analyze.New(analyze.WithMaxBytes(1 << 16))
	if err != nil {
		return nil, err
	}
	return New(WithAnalyzer(an), WithMaxBytes(1<<18), WithMaxText(1<<16))
})

// FuzzAnalyzeHTML checks AnalyzeHTML on any input: no panic, only the
// documented errors, every span indexing the Document's Text (on rune
// boundaries, in order), valid UTF-8 text, and the same JSON twice.
func FuzzAnalyzeHTML(f *testing.F) {
	for _, s := range []string{
		"",
		"<html><body><article><h1>Chips</h1><p>Berlin – Die Regierung fördert Chips. Foto: dpa</p><p>Anzeige</p></article></body></html>",
		"<p>Text <b>offen <i>verschachtelt</b> falsch</p></div></span>",
		"<html><head><meta charset=\"iso-8859-1\"></head><body><p>Gr\xfc\xdfe aus M\xfcnchen.</p></body></html>",
		"\x89PNG\r\n\x1a\n\x00\x00",
		"<table><tr><td>1</td><td>2</td></tr></table><ul><li>a</li></ul><br><br>",
		"<script>alert(1)</script><style>p{}</style><svg><text>x</text></svg>",
		"Berlin – kein HTML, nur Text.",
		"<html><body>\u00ad\u200b<p>Trenn\u00adung und ge\u0301 Zeichen</p></body></html>",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(teamPage); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, page string) {
		a, err := fuzzAnalyzerOnce()
		if err != nil {
			t.Fatal(err)
		}
		doc, err := a.AnalyzeHTML(context.Background(), page, "https://example.org/a")
		if err != nil {
			if errors.Is(err, ErrNotHTML) || errors.Is(err, analyze.ErrTooLarge) || errors.Is(err, analyze.ErrUnsupportedLanguage) {
				return
			}
			t.Fatalf("unexpected error: %v", err)
		}
		text := doc.Text
		if !utf8.ValidString(text) {
			t.Fatalf("extracted text is not UTF-8: %q", text)
		}
		ok := func(s, e int) bool {
			return 0 <= s && s <= e && e <= len(text) && (s == len(text) || utf8.RuneStart(text[s])) && (e == len(text) || utf8.RuneStart(text[e]))
		}
		prev := 0
		for _, s := range doc.Sentences {
			if !ok(s.Start, s.End) || text[s.Start:s.End] != s.Text || s.Start < prev {
				t.Fatalf("bad sentence span %d-%d", s.Start, s.End)
			}
			prev = s.End
		}
		for _, b := range doc.Boilerplate {
			if !ok(b.Start, b.End) {
				t.Fatalf("bad boilerplate span %d-%d", b.Start, b.End)
			}
		}
		for _, e := range doc.Entities {
			for _, m := range e.Mentions {
				if !ok(m.Start, m.End) || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
		again, err := a.AnalyzeHTML(context.Background(), page, "https://example.org/a")
		if err != nil {
			t.Fatalf("second run: %v", err)
		}
		j1, _ := json.Marshal(doc)
		j2, _ := json.Marshal(again)
		if !bytes.Equal(j1, j2) {
			t.Fatalf("not deterministic")
		}
	})
}

package webpage

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/techschau/techschau/analyze"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// teamPage is a news page the team wrote for tests: the article of
// testdata/pages/zeitung-nvidia-h20.txt in a news site's markup.
const teamPage = "../../testdata/html/zeitung-nvidia-h20.html"

func readPage(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return string(b)
}

var testAnalyzer = sync.OnceValues(func() (*Analyzer, error) { return New() })

func mustAnalyzer(t testing.TB) *Analyzer {
	t.Helper()
	a, err := testAnalyzer()
	require.NoError(t, err)
	return a
}

// checkDocument asserts the offset invariants of a Document of a page:
// every span indexes doc.Text.
func checkDocument(t testing.TB, doc *analyze.Document) {
	t.Helper()
	text := doc.Text
	in := func(s, e int) bool { return 0 <= s && s <= e && e <= len(text) }
	for _, s := range doc.Sentences {
		require.True(t, in(s.Start, s.End), "sentence span")
		require.Equal(t, text[s.Start:s.End], s.Text)
	}
	for _, b := range doc.Boilerplate {
		require.True(t, in(b.Start, b.End), "boilerplate span")
	}
	for _, e := range doc.Entities {
		for _, m := range e.Mentions {
			require.True(t, in(m.Start, m.End), "mention span")
			require.Equal(t, text[m.Start:m.End], m.Text)
		}
	}
	for _, s := range doc.Summary.Sentences {
		require.True(t, in(s.Start, s.End), "summary span")
		require.Equal(t, text[s.Start:s.End], s.Text)
	}
	require.True(t, utf8.ValidString(text), "extracted text is UTF-8")
}

func TestAnalyzeHTMLTeamPage(t *testing.T) {
	page := readPage(t, teamPage)
	doc, err := mustAnalyzer(t).AnalyzeHTML(context.Background(), page, "")
	require.NoError(t, err)
	checkDocument(t, doc)
	require.NotNil(t, doc.Meta)
	assert.Equal(t, analyze.Meta{
		Title:    "NVIDIA erhält Exportlizenzen für H20 – gegen Beteiligung des Staates",
		Author:   "Clara Neumann",
		Date:     "2026-08-12",
		Sitename: "Beispielzeitung",
		URL:      "https://www.beispielzeitung.example/wirtschaft/nvidia-h20-exportlizenzen",
	}, *doc.Meta)
	assert.Equal(t, "de", doc.Language)
	assert.Empty(t, doc.Warnings)

	// the article is body; the residue the extractor keeps is marked; the
	// page's navigation and footer are not in the text at all
	body := map[string]bool{}
	for _, s := range doc.Sentences {
		body[s.Text] = !s.Boilerplate
	}
	for _, want := range []string{
		"NVIDIA erhält Exportlizenzen für H20 – gegen Beteiligung des Staates",
		"Das Weiße Haus hatte den Verkauf des H20 im April praktisch gestoppt, indem es eine Lizenzpflicht einführte.",
		"Kritiker im Kongress halten das für einen Fehler.",
		"Für die Analystin Sabine Kroll von der Frankfurter Investmentbank Metzler ist klar: „Exportkontrollen sind zur Verhandlungsmasse geworden.“",
	} {
		assert.True(t, body[want], "body sentence %q", want)
	}
	for _, s := range doc.Sentences {
		if strings.HasPrefix(s.Text, "Lesen Sie auch") {
			assert.True(t, s.Boilerplate, "%q", s.Text)
		}
	}
	for _, gone := range []string{"Startseite", "Impressum", "Datenschutz", "dataLayer", "font-family"} {
		assert.NotContains(t, doc.Text, gone)
	}
	ids := map[string]bool{}
	for _, e := range doc.Entities {
		ids[e.ID] = true
	}
	for _, id := range []string{"nvidia", "china", "jensen-huang"} {
		assert.True(t, ids[id], "entity %s", id)
	}

	// golden JSON: the same page gives the same bytes
	out, err := json.MarshalIndent(doc, "", "  ")
	require.NoError(t, err)
	out = append(out, '\n')
	golden := filepath.Join("testdata", "golden", "zeitung-nvidia-h20.json")
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(golden), 0o755))
		require.NoError(t, os.WriteFile(golden, out, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run go test -update to create %s", golden)
	assert.Equal(t, string(want), string(out), "golden file differs; review and run go test -run TestAnalyzeHTMLTeamPage -update")
}

func TestAnalyzeHTMLPageURL(t *testing.T) {
	page := "<html><head><title>Chips aus Dresden</title></head><body><article><h1>Chips aus Dresden</h1>" +
		"<p>Dresden – Der Chipkonzern ESMC hat in Dresden Richtfest gefeiert. Das Werk soll ab 2027 Chips für die Autoindustrie liefern. " +
		"Die Bundesregierung fördert den Bau mit Milliarden, und Sachsen hofft auf Tausende neue Arbeitsplätze in der Region.</p></article></body></html>"
	doc, err := mustAnalyzer(t).AnalyzeHTML(context.Background(), page, "https://example.org/news/esmc")
	require.NoError(t, err)
	checkDocument(t, doc)
	assert.Equal(t, "https://example.org/news/esmc", doc.Meta.URL, "the caller's URL when the page names none")
	assert.Equal(t, "Chips aus Dresden", doc.Meta.Title)
	assert.Contains(t, doc.Text, "Richtfest gefeiert")
}

// TestBadInput: malformed markup, a page without article, binary data, a
// page over the limits, a cancelled context: a clear error or an empty body
// with a warning, never a panic or a hang.
func TestBadInput(t *testing.T) {
	article := "<p>Berlin – Die Bundesregierung will die Chipfertigung in Deutschland mit weiteren Milliarden fördern. " +
		"Das Wirtschaftsministerium prüft dafür mehrere Anträge von Herstellern aus Europa und Asien, wie eine Sprecherin sagte.</p>"
	tests := []struct {
		name    string
		page    string
		opts    []Option
		err     error  // errors.Is target, nil for none
		warning string // expected warning when there is no error
		body    string // a text the body must hold
	}{
		{name: "malformed markup", page: "<html><body><div><p>Berlin – Die Bundesregierung will die Chipfertigung in Deutschland mit weiteren Milliarden fördern. <b>Das Wirtschaftsministerium prüft <i>dafür</b> mehrere Anträge</div></span></p><p>von Herstellern aus Europa und Asien, wie eine Sprecherin am Montag in Berlin sagte.",
			body: "Die Bundesregierung will die Chipfertigung"},
		{name: "no article", page: "<html><body><nav><ul><li><a href='/'>Startseite</a></li><li><a href='/p'>Politik</a></li></ul></nav></body></html>",
			warning: analyze.WarnNoArticle},
		{name: "empty", page: "", warning: analyze.WarnNoArticle},
		{name: "only markup", page: "<html><head><script>var x = 1;</script></head><body></body></html>", warning: analyze.WarnNoArticle},
		{name: "binary named .html", page: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", err: ErrNotHTML},
		{name: "zip", page: "PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", err: ErrNotHTML},
		{name: "50 MB page", page: "<html><body>" + strings.Repeat(article, 50<<20/len(article)) + "</body></html>", err: analyze.ErrTooLarge},
		{name: "too much text", page: "<html><body>" + strings.Repeat(article, 8<<10) + "</body></html>", opts: []Option{WithMaxText(64 << 10)}, err: analyze.ErrTooLarge},
		{name: "latin-1 page", page: "<html><head><meta charset=\"iso-8859-1\"></head><body><article>" + latin1(article) + "</article></body></html>",
			body: "Wirtschaftsministerium prüft"},
		{name: "undeclared latin-1", page: "<html><body><article>" + latin1(article) + "</article></body></html>",
			body: "Wirtschaftsministerium prüft"},
		{name: "plain text", page: "Berlin – Die Bundesregierung will die Chipfertigung in Deutschland mit weiteren Milliarden fördern. Das Wirtschaftsministerium prüft dafür mehrere Anträge von Herstellern.",
			body: "Die Bundesregierung will"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := mustAnalyzer(t)
			if tt.opts != nil {
				var err error
				a, err = New(tt.opts...)
				require.NoError(t, err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			doc, err := a.AnalyzeHTML(ctx, tt.page, "")
			if tt.err != nil {
				require.ErrorIs(t, err, tt.err)
				assert.Nil(t, doc)
				return
			}
			require.NoError(t, err)
			checkDocument(t, doc)
			if tt.warning != "" {
				assert.Contains(t, doc.Warnings, tt.warning)
				for _, s := range doc.Sentences {
					assert.True(t, s.Boilerplate, "no body: %q", s.Text)
				}
			}
			if tt.body != "" {
				var body strings.Builder
				for _, s := range doc.Sentences {
					if !s.Boilerplate {
						body.WriteString(s.Text + " ")
					}
				}
				assert.Contains(t, body.String(), tt.body)
			}
		})
	}
}

// latin1 encodes s (Latin-1 runes only) as ISO-8859-1 bytes.
func latin1(s string) string {
	var b []byte
	for _, r := range s {
		switch {
		case r < 0x100:
			b = append(b, byte(r))
		case r == '–':
			b = append(b, '-')
		default:
			b = append(b, '?')
		}
	}
	return string(b)
}

func TestCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := mustAnalyzer(t).AnalyzeHTML(ctx, readPage(t, teamPage), "")
	require.ErrorIs(t, err, context.Canceled)
}

func TestOptions(t *testing.T) {
	for _, o := range []Option{WithMaxBytes(0), WithMaxText(-1), WithAnalyzer(nil)} {
		_, err := New(o)
		require.ErrorIs(t, err, ErrBadOption)
	}
	an, err := analyze.New(analyze.WithoutSummary())
	require.NoError(t, err)
	a, err := New(WithAnalyzer(an), WithoutFallback())
	require.NoError(t, err)
	doc, err := a.AnalyzeHTML(context.Background(), readPage(t, teamPage), "")
	require.NoError(t, err)
	assert.Empty(t, doc.Summary.Sentences, "the caller's Analyzer is used")
	assert.NotEmpty(t, doc.Sentences)
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<!DOCTYPE html><html><body>x</body></html>", true},
		{"\ufeff  <html lang=\"de\">", true},
		{"<?xml version=\"1.0\"?><html>", true},
		{"<!-- Kommentar --><div>x</div>", true},
		{"Text mit <p>Absatz</p> in der Mitte", true},
		{"Berlin – Die Regierung plant neue Regeln.", false},
		{"3 < 4 und 5 > 2", false},
		{"", false},
		{"<", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, LooksLikeHTML(tt.in), "%q", tt.in)
	}
}

func TestRenderText(t *testing.T) {
	page := "<html><body><article><h2>Mehr zum Thema</h2><ul><li>Erster <b>Link</b></li><li>Zweiter Link</li></ul>" +
		"<p>Ein Absatz mit<br>Zeilenumbruch und Trenn\u00adhilfe und ge\u0301taggt.</p>" +
		"<table><tr><td>Zelle 1</td><td>Zelle 2</td></tr><tr><td>Zelle 3</td><td>Zelle 4</td></tr></table></article></body></html>"
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	got := renderText(doc)
	assert.Equal(t, "Mehr zum Thema\nErster Link\nZweiter Link\n\nEin Absatz mit\nZeilenumbruch und Trennhilfe und gétaggt.\n\nZelle 1 Zelle 2\nZelle 3 Zelle 4", got)
}

package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/examples/internal/bundled"
	"github.com/techschau/techschau/german"
)

// voidElements have no end tag in HTML.
var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true}

// checkWellFormed tokenizes page and requires every element to be closed in order (a
// stricter check than html.Parse, which repairs anything).
func checkWellFormed(t *testing.T, page string) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(page))
	var stack []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			require.ErrorIs(t, z.Err(), io.EOF)
			require.Empty(t, stack, "unclosed elements")
			return
		case html.StartTagToken:
			name, _ := z.TagName()
			if !voidElements[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			require.NotEmpty(t, stack, "end tag </%s> without start", name)
			require.Equal(t, stack[len(stack)-1], string(name), "misnested </%s>", name)
			stack = stack[:len(stack)-1]
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textContent(n *html.Node) string {
	var sb strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return sb.String()
}

// find returns the nodes below n for which match is true, in document order.
func find(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func isMark(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "mark" && strings.Contains(" "+attr(n, "class")+" ", " ent ")
}

func isTextDiv(n *html.Node) bool {
	return n.Type == html.ElementNode && n.Data == "div" && attr(n, "class") == "text"
}

// mentionsInOrder lists doc's mentions sorted by offset with their entity ids.
func mentionsInOrder(doc *analyze.Document) (texts, ids []string) {
	type m struct {
		start    int
		text, id string
	}
	var ms []m
	for _, e := range doc.Entities {
		for _, x := range e.Mentions {
			ms = append(ms, m{x.Start, x.Text, e.ID})
		}
	}
	for i := 1; i < len(ms); i++ { // insertion sort: stable, small
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	for _, x := range ms {
		texts = append(texts, x.text)
		ids = append(ids, x.id)
	}
	return texts, ids
}

func renderArticle(t *testing.T, name, text string) (*analyze.Document, string) {
	t.Helper()
	doc, err := analyze.Analyze(context.Background(), text)
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, render(&buf, name, text, doc))
	return doc, buf.String()
}

func checkReport(t *testing.T, text string, doc *analyze.Document, page string) {
	t.Helper()
	checkWellFormed(t, page)
	root, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)

	wantTexts, wantIDs := mentionsInOrder(doc)
	require.NotEmpty(t, wantTexts)
	marks := find(root, isMark)
	require.Len(t, marks, len(wantTexts), "exactly one highlight per article entity mention")
	for i, mk := range marks {
		assert.Equal(t, wantTexts[i], textContent(mk), "mark %d", i)
		assert.Equal(t, wantIDs[i], attr(mk, "data-id"), "mark %d", i)
	}
	divs := find(root, isTextDiv)
	require.Len(t, divs, 1)
	assert.Equal(t, text, textContent(divs[0]), "the text is shown whole and unchanged")

	// Self-contained: no scripts, no external resources; links only to ids in the page.
	elems := find(root, func(n *html.Node) bool { return n.Type == html.ElementNode })
	ids := map[string]bool{}
	for _, n := range elems {
		if id := attr(n, "id"); id != "" {
			assert.False(t, ids[id], "duplicate id %q", id)
			ids[id] = true
		}
	}
	for _, n := range elems {
		assert.NotContains(t, []string{"script", "link", "img", "iframe", "object", "embed"}, n.Data)
		assert.Empty(t, attr(n, "src"))
		if href := attr(n, "href"); href != "" {
			assert.True(t, strings.HasPrefix(href, "#") && ids[href[1:]], "href %q is not a link into the page", href)
		}
	}
	for _, th := range doc.Themes {
		for _, ev := range th.Evidence {
			assert.True(t, ids["at-"+itoa(ev.Start)], "evidence of %s has an anchor in the text", th.ID)
		}
	}
	assert.NotContains(t, page, "url(")
	assert.NotContains(t, page, "@import")
}

func TestReportBundled(t *testing.T) {
	text := bundled.Article()
	doc, page := renderArticle(t, bundled.Name, text)
	checkReport(t, text, doc, page)
	assert.Contains(t, page, `<section class="summary"`)
	assert.Less(t, strings.Index(page, `id="h-summary"`), strings.Index(page, `id="h-text"`), "summary on top")
	for _, th := range doc.Themes {
		assert.Contains(t, page, html.EscapeString(th.Label))
	}
}

func TestReportSeedArticle(t *testing.T) {
	const path = "../../../shared/data/seed-article-deepseek-huawei.txt"
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("report: %s not found", path)
	}
	require.NoError(t, err)
	text := string(b)
	doc, page := renderArticle(t, "seed.txt", text)
	checkReport(t, text, doc, page)
	require.NotEmpty(t, doc.Boilerplate)
	assert.Contains(t, page, `<span class="boilerplate" title="boilerplate: `, "boilerplate greyed")
}

// TestHighlightHandmade pins the byte walk on a hand-made Document: escaping, invalid
// UTF-8, overlapping and invalid mentions, a mention inside boilerplate.
func TestHighlightHandmade(t *testing.T) {
	text := "<b>Huawei</b> & NVIDIA-Chips \xff\nNewsletter: Huawei"
	//       0123456789...
	hu := strings.Index(text, "Huawei")
	nv := strings.Index(text, "NVIDIA")
	nl := strings.Index(text, "Newsletter")
	hu2 := strings.LastIndex(text, "Huawei")
	doc := &analyze.Document{
		Boilerplate: []analyze.Boilerplate{{Start: nl, End: len(text), Kind: analyze.KindNewsletter}},
		Entities: []entities.Entity{
			{ID: "huawei", Name: "Huawei", Type: entities.ORG, Mentions: []entities.Mention{
				{Start: hu, End: hu + 6, Text: "Huawei"},
				{Start: hu2, End: hu2 + 6, Text: "Huawei"},
				{Start: 500, End: 506, Text: "Huawei"}, // out of range: dropped
			}},
			{ID: "nvidia", Name: "NVIDIA", Type: entities.ORG, Mentions: []entities.Mention{{Start: nv, End: nv + 6, Text: "NVIDIA"}}},
			{ID: "nvidia-chips", Name: "NVIDIA-Chips", Type: entities.PRODUCT, Mentions: []entities.Mention{{Start: nv, End: nv + 12, Text: "NVIDIA-Chips"}}}, // overlaps: longer kept
		},
		Themes: []analyze.Theme{{ID: "semiconductors", Label: "Halbleiter <&>", Score: 0.9, Evidence: []german.Span{{Start: 0, End: 13}, {Start: nv + 1, End: nv + 8}}}},
	}
	var buf bytes.Buffer
	require.NoError(t, render(&buf, "x<y>.txt", text, doc))
	page := buf.String()
	checkWellFormed(t, page)
	assert.NotContains(t, page, "<b>Huawei</b>", "article text is escaped")
	assert.Contains(t, page, "&lt;b&gt;")
	assert.Contains(t, page, "Halbleiter &lt;&amp;&gt;")
	assert.Contains(t, page, "x&lt;y&gt;.txt")

	root, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	marks := find(root, isMark)
	require.Len(t, marks, 3)
	assert.Equal(t, []string{"huawei", "nvidia-chips", "huawei"}, []string{attr(marks[0], "data-id"), attr(marks[1], "data-id"), attr(marks[2], "data-id")})
	assert.Equal(t, "ent ent-product", attr(marks[1], "class"))
	assert.Equal(t, "ent ent-org in-boilerplate", attr(marks[2], "class"))
	divs := find(root, isTextDiv)
	require.Len(t, divs, 1)
	assert.Equal(t, strings.ToValidUTF8(text, "\uFFFD"), textContent(divs[0]))
	assert.Contains(t, page, "2 overlapping or invalid mentions not shown")
	assert.Contains(t, page, `<span id="at-0" class="anchor"></span>&lt;b&gt;`)
	assert.Contains(t, page, `<span id="at-`+itoa(nv+1)+`" class="anchor"></span><mark`, "an anchor inside a mention goes before it")
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestRun(t *testing.T) {
	var out, errb bytes.Buffer
	code := run(context.Background(), nil, strings.NewReader(""), &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.True(t, strings.HasPrefix(out.String(), "<!DOCTYPE html>"))

	out.Reset()
	code = run(context.Background(), []string{"-"}, strings.NewReader(bundled.Article()), &out, &errb)
	require.Equal(t, 0, code, errb.String())
	assert.Contains(t, out.String(), "&lt;stdin&gt;")

	assert.Equal(t, 2, run(context.Background(), []string{"a", "b"}, nil, io.Discard, io.Discard))
	assert.Equal(t, 2, run(context.Background(), []string{"--nope"}, nil, io.Discard, io.Discard))
	assert.Equal(t, 1, run(context.Background(), []string{"/nonexistent/x.txt"}, nil, io.Discard, io.Discard))
}

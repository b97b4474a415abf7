package main

import (
	"cmp"
	"fmt"
	"html"
	"html/template"
	"io"
	"slices"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/entities"
)

// highlight is one entity mention to mark in the text.
type highlight struct {
	start, end int
	entity     *entities.Entity
}

// collectHighlights returns the mentions of doc's entities that are valid spans of text
// (in range, text[Start:End] == Text), sorted by start; where two overlap, the one that
// starts first (the longer at equal starts) is kept. dropped counts the others.
func collectHighlights(text string, doc *analyze.Document) (hs []highlight, dropped int) {
	for i := range doc.Entities {
		e := &doc.Entities[i]
		for _, m := range e.Mentions {
			if m.Start < 0 || m.End > len(text) || m.Start >= m.End || text[m.Start:m.End] != m.Text {
				dropped++
				continue
			}
			hs = append(hs, highlight{start: m.Start, end: m.End, entity: e})
		}
	}
	slices.SortStableFunc(hs, func(a, b highlight) int {
		if c := cmp.Compare(a.start, b.start); c != 0 {
			return c
		}
		return cmp.Compare(b.end, a.end)
	})
	out := hs[:0]
	end := 0
	for _, h := range hs {
		if h.start < end {
			dropped++
			continue
		}
		out = append(out, h)
		end = h.end
	}
	return out, dropped
}

// region is a boilerplate block clipped to the text.
type region struct {
	start, end int
	kind       string
}

func boilerplateRegions(text string, doc *analyze.Document) []region {
	var rs []region
	for _, b := range doc.Boilerplate {
		s, e := max(b.Start, 0), min(b.End, len(text))
		if s < e {
			rs = append(rs, region{s, e, b.Kind.String()})
		}
	}
	slices.SortFunc(rs, func(a, b region) int { return cmp.Compare(a.start, b.start) })
	return rs
}

// escape writes text[start:end] HTML-escaped; invalid UTF-8 (also from a span that cuts a
// rune) becomes U+FFFD.
func escape(sb *strings.Builder, s string) {
	sb.WriteString(html.EscapeString(strings.ToValidUTF8(s, "\uFFFD")))
}

// typeClass is the CSS class suffix of an entity type.
func typeClass(t entities.Type) string {
	if s := t.String(); s != "" {
		return strings.ToLower(s)
	}
	return "unknown"
}

// highlightText renders text as HTML: every kept mention as
// <mark class="ent ent-TYPE" data-id=ID data-type=TYPE>, boilerplate blocks inside
// <span class="boilerplate">, everything else escaped. It walks byte offsets, so the
// output's text content is exactly text (with invalid UTF-8 replaced).
//
// anchors are byte offsets (sorted, unique) where an empty <span id="at-OFFSET"> is put, so
// that theme evidence can link to its sentence; an anchor inside a mention goes before it.
func highlightText(text string, hs []highlight, bps []region, anchors []int) (template.HTML, int) {
	var sb strings.Builder
	sb.Grow(len(text) * 5 / 4)
	bi, ai := 0, 0
	// anchorsUpTo writes the anchors at offsets <= pos not written yet.
	anchorsUpTo := func(pos int) {
		for ai < len(anchors) && anchors[ai] <= pos {
			fmt.Fprintf(&sb, `<span id="at-%d" class="anchor"></span>`, anchors[ai])
			ai++
		}
	}
	// plain writes text[a:b], wrapping the parts inside boilerplate and putting anchors.
	plain := func(a, b int) {
		for a < b {
			anchorsUpTo(a)
			if ai < len(anchors) && anchors[ai] < b {
				// Split at the next anchor.
				next := anchors[ai]
				plainNoAnchor(&sb, text, bps, &bi, a, next)
				a = next
				continue
			}
			plainNoAnchor(&sb, text, bps, &bi, a, b)
			return
		}
	}
	pos, n := 0, 0
	for _, h := range hs {
		plain(pos, h.start)
		anchorsUpTo(h.end - 1)
		e := h.entity
		class := "ent ent-" + typeClass(e.Type)
		if inRegions(bps, h.start) {
			class += " in-boilerplate"
		}
		title := fmt.Sprintf("%s · %s · %s", e.Name, e.Type, e.ID)
		if e.Wikidata != "" {
			title += " · " + e.Wikidata
		}
		fmt.Fprintf(&sb, `<mark class="%s" data-id="%s" data-type="%s" title="%s">`,
			class, html.EscapeString(strings.ToValidUTF8(e.ID, "\uFFFD")), strings.ToUpper(typeClass(e.Type)), html.EscapeString(strings.ToValidUTF8(title, "\uFFFD")))
		escape(&sb, text[h.start:h.end])
		sb.WriteString(`</mark>`)
		n++
		pos = h.end
	}
	plain(pos, len(text))
	anchorsUpTo(len(text))
	return template.HTML(sb.String()), n
}

// inRegions reports whether pos lies in one of the regions.
func inRegions(rs []region, pos int) bool {
	for _, r := range rs {
		if r.start <= pos && pos < r.end {
			return true
		}
	}
	return false
}

// plainNoAnchor writes text[a:b] escaped, wrapping the parts inside boilerplate regions
// in <span class="boilerplate">. *bi is the first region that may still matter.
func plainNoAnchor(sb *strings.Builder, text string, bps []region, bi *int, a, b int) {
	for a < b {
		for *bi < len(bps) && bps[*bi].end <= a {
			*bi++
		}
		if *bi == len(bps) || bps[*bi].start >= b {
			escape(sb, text[a:b])
			return
		}
		r := bps[*bi]
		if r.start > a {
			escape(sb, text[a:r.start])
			a = r.start
		}
		e := min(r.end, b)
		fmt.Fprintf(sb, `<span class="boilerplate" title="boilerplate: %s">`, html.EscapeString(r.kind))
		escape(sb, text[a:e])
		sb.WriteString(`</span>`)
		a = e
	}
}

// pageData is what the template shows.
type pageData struct {
	Name        string
	Bytes       int
	Language    string
	Sentences   int
	Boilerplate int
	Dateline    string
	Summary     []string
	Themes      []themeView
	Entities    []entityView
	Keyphrases  []string
	Body        template.HTML
	Marks       int
	Dropped     int
}

type themeView struct {
	ID, Label, Score string
	Evidence         []evidenceView
}

type evidenceView struct {
	Text   string
	Anchor string // "#at-OFFSET": the anchor in the text
}

type entityView struct {
	Name, Type, Class, ID, Wikidata, Salience string
	Mentions                                  int
}

// clean makes a string valid UTF-8 for the template (which escapes it).
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

// render writes doc as one self-contained HTML page: summary, theme badges with evidence,
// the entity table, and the article text with mentions highlighted by type and boilerplate
// greyed. name is shown as the page title.
func render(w io.Writer, name, text string, doc *analyze.Document) error {
	hs, dropped := collectHighlights(text, doc)
	var anchors []int
	for _, t := range doc.Themes {
		for _, ev := range t.Evidence {
			if ev.Start >= 0 && ev.End <= len(text) && ev.Start < ev.End {
				anchors = append(anchors, ev.Start)
			}
		}
	}
	slices.Sort(anchors)
	anchors = slices.Compact(anchors)
	body, marks := highlightText(text, hs, boilerplateRegions(text, doc), anchors)
	d := pageData{
		Name:     clean(name),
		Bytes:    len(text),
		Language: doc.Language,
		Body:     body,
		Marks:    marks,
		Dropped:  dropped,
	}
	for _, s := range doc.Sentences {
		d.Sentences++
		if s.Boilerplate {
			d.Boilerplate++
		}
	}
	if dl := doc.Dateline; dl != nil {
		d.Dateline = clean(strings.Join(dl.Places, " / "))
		if dl.Source != "" {
			d.Dateline += " (" + clean(dl.Source) + ")"
		}
	}
	for _, s := range doc.Summary.Sentences {
		d.Summary = append(d.Summary, clean(s.Text))
	}
	for _, t := range doc.Themes {
		tv := themeView{ID: clean(t.ID), Label: clean(t.Label), Score: fmt.Sprintf("%.2f", t.Score)}
		for _, ev := range t.Evidence {
			if ev.Start >= 0 && ev.End <= len(text) && ev.Start < ev.End {
				tv.Evidence = append(tv.Evidence, evidenceView{
					Text:   clean(strings.Join(strings.Fields(text[ev.Start:ev.End]), " ")),
					Anchor: fmt.Sprintf("#at-%d", ev.Start),
				})
			}
		}
		d.Themes = append(d.Themes, tv)
	}
	for _, e := range doc.Entities {
		d.Entities = append(d.Entities, entityView{
			Name: clean(e.Name), Type: e.Type.String(), Class: typeClass(e.Type), ID: clean(e.ID),
			Wikidata: clean(e.Wikidata), Salience: fmt.Sprintf("%.2f", e.Salience), Mentions: len(e.Mentions),
		})
	}
	for _, k := range doc.Keyphrases {
		d.Keyphrases = append(d.Keyphrases, clean(k.Text))
	}
	return page.Execute(w, d)
}

var page = template.Must(template.New("page").Parse(pageTemplate))

const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>techschau report – {{.Name}}</title>
<style>
:root { --fg:#1d1d1f; --muted:#6b6b70; --line:#d9d9de; --bg:#fff; --panel:#f6f6f8;
  --org:#cfe3ff; --org-b:#3b7ddd; --per:#ffe0c2; --per-b:#d9822b; --loc:#d3f2d6; --loc-b:#2f9e44;
  --product:#eadcff; --product-b:#8a5cd6; --misc:#fff3bf; --misc-b:#b8930b; --unknown:#eee; --unknown-b:#888; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1.25rem; }
header { padding-top: 1.5rem; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.1rem; margin: 1.75rem 0 .5rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.meta { color: var(--muted); margin: 0 0 1rem; font-size: .9rem; }
.meta dt, .meta dd { display: inline; margin: 0; }
.meta dd { margin-right: 1rem; font-weight: 600; color: var(--fg); }
.summary ol { margin: 0; padding-left: 1.25rem; background: var(--panel); border-left: 4px solid var(--org-b); padding: .75rem 1rem .75rem 2.25rem; }
.summary li + li { margin-top: .4rem; }
.badges { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
.badges li { flex: 1 1 100%; }
.badges details { border: 1px solid var(--line); border-radius: .5rem; padding: .4rem .75rem; }
.badges summary { cursor: pointer; }
.badge { display: inline-block; background: var(--fg); color: #fff; border-radius: 1rem; padding: .05rem .65rem; font-weight: 600; font-size: .9rem; }
.score { font-variant-numeric: tabular-nums; margin-left: .4rem; }
.badges code, .count { color: var(--muted); margin-left: .4rem; }
.count { font-size: .85rem; }
.jump { font-size: .8rem; color: var(--org-b); text-decoration: none; white-space: nowrap; }
.anchor { scroll-margin-top: 3rem; }
.anchor:target::before { content: "\25B6"; color: var(--org-b); margin-right: .2em; }
blockquote { margin: .5rem 0 .25rem; padding: .25rem .75rem; border-left: 3px solid var(--line); color: #333; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; }
th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 2.1; }
mark.ent { padding: .1em .3em; border-radius: .3em; border-bottom: 2px solid; color: inherit; }
mark.ent::after { content: attr(data-type); font-size: .62em; font-weight: 700; margin-left: .35em; vertical-align: middle; opacity: .75; }
.ent-org { background: var(--org); border-color: var(--org-b); }
.ent-per { background: var(--per); border-color: var(--per-b); }
.ent-loc { background: var(--loc); border-color: var(--loc-b); }
.ent-product { background: var(--product); border-color: var(--product-b); }
.ent-misc { background: var(--misc); border-color: var(--misc-b); }
.ent-unknown { background: var(--unknown); border-color: var(--unknown-b); }
.type { display: inline-block; padding: 0 .4em; border-radius: .3em; font-size: .8rem; font-weight: 700; border-bottom: 2px solid; }
.boilerplate { color: #9a9aa0; background: repeating-linear-gradient(135deg, transparent 0 6px, #f3f3f5 6px 12px); }
.legend { font-size: .85rem; color: var(--muted); }
.keyphrases { display: flex; flex-wrap: wrap; gap: .4rem; list-style: none; padding: 0; }
.keyphrases li { border: 1px solid var(--line); border-radius: 1rem; padding: 0 .6rem; font-size: .9rem; }
footer { color: var(--muted); font-size: .8rem; margin-top: 2rem; padding-bottom: 2rem; border-top: 1px solid var(--line); }
@media print { .badges details { break-inside: avoid; } }
</style>
</head>
<body>
<header>
<h1>techschau report: {{.Name}}</h1>
<dl class="meta">
<dt>Bytes</dt> <dd>{{.Bytes}}</dd>
<dt>Language</dt> <dd>{{if .Language}}{{.Language}}{{else}}–{{end}}</dd>
<dt>Sentences</dt> <dd>{{.Sentences}} ({{.Boilerplate}} boilerplate)</dd>
{{- if .Dateline}}
<dt>Dateline</dt> <dd>{{.Dateline}}</dd>
{{- end}}
<dt>Entities</dt> <dd>{{len .Entities}} ({{.Marks}} mentions)</dd>
</dl>
</header>
<main>
<section class="summary" aria-labelledby="h-summary">
<h2 id="h-summary">Summary</h2>
{{- if .Summary}}
<ol lang="de">
{{- range .Summary}}
<li>{{.}}</li>
{{- end}}
</ol>
{{- else}}
<p>No summary.</p>
{{- end}}
</section>
<section class="themes" aria-labelledby="h-themes">
<h2 id="h-themes">Themes</h2>
{{- if .Themes}}
<ul class="badges">
{{- range .Themes}}
<li><details>
<summary><span class="badge" lang="de">{{.Label}}</span><span class="score">{{.Score}}</span><code>{{.ID}}</code><span class="count">{{len .Evidence}} {{if eq (len .Evidence) 1}}sentence{{else}}sentences{{end}}</span></summary>
{{- range .Evidence}}
<blockquote lang="de">{{.Text}} <a href="{{.Anchor}}" class="jump" aria-label="show in text">↓ text</a></blockquote>
{{- end}}
</details></li>
{{- end}}
</ul>
{{- else}}
<p>No theme reaches the threshold.</p>
{{- end}}
</section>
<section class="entities" aria-labelledby="h-entities">
<h2 id="h-entities">Entities</h2>
{{- if .Entities}}
<table>
<thead><tr><th scope="col">Name</th><th scope="col">Type</th><th scope="col">ID</th><th scope="col">Wikidata</th><th scope="col">Salience</th><th scope="col">Mentions</th></tr></thead>
<tbody>
{{- range .Entities}}
<tr><td>{{.Name}}</td><td><span class="type ent-{{.Class}}">{{.Type}}</span></td><td><code>{{.ID}}</code></td><td>{{.Wikidata}}</td><td class="num">{{.Salience}}</td><td class="num">{{.Mentions}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No entities.</p>
{{- end}}
</section>
{{- if .Keyphrases}}
<section aria-labelledby="h-keyphrases">
<h2 id="h-keyphrases">Keyphrases</h2>
<ul class="keyphrases" lang="de">
{{- range .Keyphrases}}
<li>{{.}}</li>
{{- end}}
</ul>
</section>
{{- end}}
<article aria-labelledby="h-text">
<h2 id="h-text">Text</h2>
<p class="legend">Entities: <span class="type ent-org">ORG</span> <span class="type ent-per">PER</span> <span class="type ent-loc">LOC</span> <span class="type ent-product">PRODUCT</span> <span class="type ent-misc">MISC</span> · <span class="boilerplate">greyed: boilerplate (not article body)</span></p>
<div class="text" lang="de">{{.Body}}</div>
</article>
</main>
<footer>
<p>Generated by techschau. Offsets are bytes into the input; every highlight is a mention reported by the analyzer{{if .Dropped}} ({{.Dropped}} overlapping or invalid mentions not shown){{end}}.</p>
</footer>
</body>
</html>
`

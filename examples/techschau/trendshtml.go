package main

import (
	"cmp"
	"fmt"
	"html/template"
	"io"
	"math"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/techschau/techschau/analyze/trends"
)

// The chart's place on the page: the header has a fixed height and the chart follows it at
// a fixed left margin, so that the browser test knows where to look for its pixels.
const (
	headerHeight = 112 // px
	chartLeft    = 24  // px, the chart's left edge on the page
	chartWidth   = 960
	chartHeight  = 420
	plotLeft     = 64 // the plot area inside the chart
	plotRight    = 700
	plotTop      = 16
	plotBottom   = 372
	legendLeft   = 716
)

// palette colours the themes (Tableau 10), in the order of their documents.
var palette = []string{"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"}

type htmlOptions struct {
	source string // input name, for the title
	link   string // URL template for document ids ({id}), or ""
}

// themeInfo is a theme as the page shows it.
type themeInfo struct {
	ID, Label, Colour string
	Documents         int64
	Share             string
	Actors            []entityRow
	Associations      []assocView
}

type entityRow struct {
	ID, Name, Type string
	Documents      int64
}

type assocView struct {
	ID, Name  string
	Documents int64
	Lift      string
}

type idView struct{ Text, URL string }

type surgeView struct {
	Theme                      themeInfo
	Start                      string
	Documents, PeriodDocuments int64
	Share, Baseline, Z         string
	IDs                        []idView
}

type pairView struct {
	A, B      string
	Documents int64
	Lift      string
}

type trendsPage struct {
	Source           string
	By               string
	Documents, Dated int64
	First, Last      string
	Periods          int
	Undated          int64
	UndatedIDs       []idView
	Estimated        string
	Chart            template.HTML
	Themes           []themeInfo
	Surges           []surgeView
	Entities         []entityRow
	Network          template.HTML
	Pairs            []pairView
	HeaderHeight     int
	ChartLeft        int
	ChartW, ChartH   int
}

func pct(x float64) string {
	s := fmt.Sprintf("%.1f %%", 100*x)
	if x > 0 && x < 0.001 {
		s = fmt.Sprintf("%.2f %%", 100*x)
	}
	return s
}

// renderTrends writes the report as one self-contained HTML page.
func renderTrends(w io.Writer, r *trends.Report, opt htmlOptions) error {
	name := func(id string) string {
		if n, ok := r.Names[id]; ok && n.Name != "" {
			return n.Name
		}
		return id
	}
	typeOf := func(id string) string { return r.Names[id].Type }
	ids := func(list []string) []idView {
		out := make([]idView, len(list))
		for i, id := range list {
			out[i] = idView{Text: clean(id)}
			if opt.link != "" {
				out[i].URL = strings.ReplaceAll(opt.link, "{id}", url.PathEscape(id))
			}
		}
		return out
	}
	d := trendsPage{Source: clean(opt.source), By: r.By, Documents: r.Documents, Undated: r.Undated.Documents,
		Periods: len(r.Periods), UndatedIDs: ids(r.Undated.IDs), Estimated: strings.Join(r.Estimated, ", "),
		HeaderHeight: headerHeight, ChartLeft: chartLeft, ChartW: chartWidth, ChartH: chartHeight}
	d.Dated = r.Documents - r.Undated.Documents
	if len(r.Periods) > 0 {
		d.First, d.Last = r.Periods[0].Start, r.Periods[len(r.Periods)-1].Start
	}

	// Themes in the order of their documents; each keeps its colour everywhere.
	themeIDs := make([]string, 0, len(r.Themes))
	for id := range r.Themes {
		themeIDs = append(themeIDs, id)
	}
	slices.SortFunc(themeIDs, func(a, b string) int {
		if c := cmp.Compare(r.Themes[b].Documents, r.Themes[a].Documents); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	info := map[string]themeInfo{}
	for i, id := range themeIDs {
		t := r.Themes[id]
		ti := themeInfo{ID: clean(id), Label: clean(cmp.Or(t.Label, id)), Colour: palette[i%len(palette)], Documents: t.Documents, Share: pct(t.Share)}
		for _, a := range t.Actors {
			ti.Actors = append(ti.Actors, entityRow{ID: clean(a.ID), Name: clean(name(a.ID)), Type: typeOf(a.ID), Documents: a.Documents})
		}
		for _, a := range t.Associations {
			ti.Associations = append(ti.Associations, assocView{ID: clean(a.ID), Name: clean(name(a.ID)), Documents: a.Documents, Lift: fmt.Sprintf("%.1f", a.Lift)})
		}
		info[id] = ti
		d.Themes = append(d.Themes, ti)
	}
	for _, s := range r.Surges {
		d.Surges = append(d.Surges, surgeView{Theme: info[s.Theme], Start: s.Start, Documents: s.Documents, PeriodDocuments: s.PeriodDocuments,
			Share: pct(s.Share), Baseline: pct(s.Baseline), Z: fmt.Sprintf("%.1f", s.Z), IDs: ids(s.IDs)})
	}
	for _, e := range r.Entities {
		d.Entities = append(d.Entities, entityRow{ID: clean(e.ID), Name: clean(name(e.ID)), Type: typeOf(e.ID), Documents: e.Documents})
	}
	for _, p := range r.Cooccurrence {
		d.Pairs = append(d.Pairs, pairView{A: clean(name(p.A)), B: clean(name(p.B)), Documents: p.Documents, Lift: fmt.Sprintf("%.1f", p.Lift)})
	}
	d.Chart = template.HTML(shareChart(r, themeIDs, info))
	d.Network = template.HTML(network(r, name))
	return trendsTemplate.Execute(w, d)
}

// esc escapes text for SVG (XML) content and attributes.
func esc(s string) string { return template.HTMLEscapeString(clean(s)) }

func parseDay(s string) float64 {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0
	}
	return float64(t.Unix()) / 86400
}

// niceMax returns a round upper bound for the y axis and its tick step.
func niceMax(x float64) (float64, float64) {
	if x <= 0 {
		return 0.01, 0.002
	}
	mag := math.Pow(10, math.Floor(math.Log10(x/5)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		step := m * mag
		if math.Ceil(x/step) <= 5 {
			return math.Ceil(x/step) * step, step
		}
	}
	return x, x / 5
}

// shareChart draws the themes' shares per period as an inline SVG line chart.
func shareChart(r *trends.Report, themeIDs []string, info map[string]themeInfo) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="chart" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-labelledby="chart-title">`, chartWidth, chartHeight, chartWidth, chartHeight)
	fmt.Fprintf(&b, `<title id="chart-title">Share of documents carrying each theme, per %s</title>`, esc(r.By))
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%d" height="%d" fill="#fafafb" stroke="#d9d9de"/>`, plotLeft, plotTop, plotRight-plotLeft, plotBottom-plotTop)
	if len(r.Periods) == 0 || len(themeIDs) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" class="empty">no dated documents with themes</text></svg>`, (plotLeft+plotRight)/2, (plotTop+plotBottom)/2)
		return b.String()
	}
	first, last := parseDay(r.Periods[0].Start), parseDay(r.Periods[len(r.Periods)-1].Start)
	x := func(day float64) float64 {
		if last == first {
			return float64(plotLeft+plotRight) / 2
		}
		return plotLeft + (day-first)/(last-first)*float64(plotRight-plotLeft)
	}
	// The y axis spans the shares of the periods with a fair number of documents: a last
	// week with ten documents, one of them carrying a theme, would otherwise set the scale
	// at 10 %. Lines are clipped to the plot; the bars at the bottom show each period's
	// documents, so that a reader sees where a share rests on few of them.
	counts := make([]int64, len(r.Periods))
	for i, p := range r.Periods {
		counts[i] = p.Documents
	}
	slices.Sort(counts)
	small := counts[len(counts)/2] / 4
	var top float64
	for _, p := range r.Periods {
		for _, t := range p.Themes {
			if p.Documents > small {
				top = max(top, t.Share)
			}
		}
	}
	ymax, step := niceMax(top)
	y := func(s float64) float64 { return plotBottom - s/ymax*float64(plotBottom-plotTop) }
	fmt.Fprintf(&b, `<clipPath id="plot"><rect x="%d" y="%d" width="%d" height="%d"/></clipPath>`, plotLeft, plotTop-3, plotRight-plotLeft, plotBottom-plotTop+3)
	maxDocs := counts[len(counts)-1]
	barW := max(1.5, 0.6*float64(plotRight-plotLeft)/float64(len(r.Periods)))
	for _, p := range r.Periods {
		h := 40 * float64(p.Documents) / float64(maxDocs)
		fmt.Fprintf(&b, `<rect class="docs" x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#e4e4e8"><title>%s: %d documents</title></rect>`,
			x(parseDay(p.Start))-barW/2, plotBottom-h, barW, h, esc(p.Start), p.Documents)
	}

	// y grid and labels
	for v := 0.0; v <= ymax+step/2; v += step {
		fmt.Fprintf(&b, `<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#e4e4e8"/>`, plotLeft, plotRight, y(v), y(v))
		label := fmt.Sprintf("%g %%", math.Round(v*1000)/10)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" class="tick">%s</text>`, plotLeft-6, y(v)+4, label)
	}
	// x ticks: first days of months (every k-th, at most 12 labels)
	t0, _ := time.Parse(time.DateOnly, r.Periods[0].Start)
	t1, _ := time.Parse(time.DateOnly, r.Periods[len(r.Periods)-1].Start)
	months := (t1.Year()-t0.Year())*12 + int(t1.Month()-t0.Month()) + 1
	every := max(1, (months+11)/12)
	m := time.Date(t0.Year(), t0.Month(), 1, 0, 0, 0, 0, time.UTC)
	if m.Before(t0) {
		m = m.AddDate(0, 1, 0)
	}
	for i := 0; !m.After(t1); i, m = i+1, m.AddDate(0, 1, 0) {
		if i%every != 0 {
			continue
		}
		xm := x(float64(m.Unix()) / 86400)
		fmt.Fprintf(&b, `<line x1="%.1f" x2="%.1f" y1="%d" y2="%d" stroke="#ececf0"/>`, xm, xm, plotTop, plotBottom)
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" class="tick">%s</text>`, xm, plotBottom+18, m.Format("Jan 2006"))
	}
	fmt.Fprintf(&b, `<text x="%d" y="%d" class="axis">share of documents</text>`, plotLeft, plotTop-4+0)

	// one line per theme, surges marked
	surges := map[string]map[string]trends.Surge{}
	for _, s := range r.Surges {
		if surges[s.Theme] == nil {
			surges[s.Theme] = map[string]trends.Surge{}
		}
		surges[s.Theme][s.Start] = s
	}
	for i := len(themeIDs) - 1; i >= 0; i-- { // the most frequent theme on top
		id := themeIDs[i]
		ti := info[id]
		var pts []string
		for _, p := range r.Periods {
			pts = append(pts, fmt.Sprintf("%.1f,%.1f", x(parseDay(p.Start)), y(p.Themes[id].Share)))
		}
		fmt.Fprintf(&b, `<g class="series" data-theme="%s"><title>%s</title>`, esc(id), esc(ti.Label))
		if len(pts) == 1 {
			fmt.Fprintf(&b, `<circle cx="%s" cy="%s" r="3" fill="%s"/>`, strings.Split(pts[0], ",")[0], strings.Split(pts[0], ",")[1], ti.Colour)
		} else {
			fmt.Fprintf(&b, `<polyline points="%s" fill="none" stroke="%s" stroke-width="2.5" stroke-linejoin="round" clip-path="url(#plot)"/>`, strings.Join(pts, " "), ti.Colour)
		}
		for _, p := range r.Periods {
			if s, ok := surges[id][p.Start]; ok {
				fmt.Fprintf(&b, `<circle class="surge" cx="%.1f" cy="%.1f" r="6" fill="%s" stroke="#1d1d1f" stroke-width="1.5"><title>surge: %s, %s: %d of %d documents (%s, trailing %s, z %.1f)</title></circle>`,
					x(parseDay(p.Start)), y(p.Themes[id].Share), ti.Colour, esc(ti.Label), esc(p.Start), s.Documents, s.PeriodDocuments, pct(s.Share), pct(s.Baseline), s.Z)
			}
		}
		b.WriteString(`</g>`)
	}
	// legend
	for i, id := range themeIDs {
		ti := info[id]
		ly := plotTop + 8 + i*22
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="4" fill="%s"/><text x="%d" y="%d" class="legend">%s (%d)</text>`,
			legendLeft, ly, ti.Colour, legendLeft+20, ly+6, esc(shorten(ti.Label, 25)), ti.Documents)
	}
	ly := plotTop + 8 + len(themeIDs)*22 + 8
	if len(r.Surges) > 0 {
		fmt.Fprintf(&b, `<circle cx="%d" cy="%d" r="5" fill="#fff" stroke="#1d1d1f" stroke-width="1.5"/><text x="%d" y="%d" class="legend">surge</text>`, legendLeft+7, ly+2, legendLeft+20, ly+6)
		ly += 22
	}
	fmt.Fprintf(&b, `<rect x="%d" y="%d" width="14" height="10" fill="#e4e4e8"/><text x="%d" y="%d" class="legend">documents per %s (max %d)</text>`, legendLeft, ly-3, legendLeft+20, ly+6, esc(r.By), maxDocs)
	b.WriteString(`</svg>`)
	return b.String()
}

// shorten cuts s to at most n runes, with an ellipsis.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// network draws the co-occurring pairs as a graph: entities on a circle, an edge per pair,
// thicker for more documents.
func network(r *trends.Report, name func(string) string) string {
	const w, h, cx, cy, radius = 560, 440, 280, 220, 150
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="network" xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d" role="img" aria-label="entity co-occurrence">`, w, h, w, h)
	if len(r.Cooccurrence) == 0 {
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="middle" class="empty">no co-occurring entities</text></svg>`, cx, cy)
		return b.String()
	}
	weight := map[string]int64{}
	var maxPair int64
	for _, p := range r.Cooccurrence {
		weight[p.A] += p.Documents
		weight[p.B] += p.Documents
		maxPair = max(maxPair, p.Documents)
	}
	nodes := make([]string, 0, len(weight))
	for id := range weight {
		nodes = append(nodes, id)
	}
	slices.SortFunc(nodes, func(a, b string) int {
		if c := cmp.Compare(weight[b], weight[a]); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	pos := map[string][2]float64{}
	for i, id := range nodes {
		a := 2*math.Pi*float64(i)/float64(len(nodes)) - math.Pi/2
		pos[id] = [2]float64{cx + radius*math.Cos(a), cy + radius*math.Sin(a)}
	}
	for _, p := range r.Cooccurrence {
		pa, pb := pos[p.A], pos[p.B]
		wdt := 1 + 7*float64(p.Documents)/float64(maxPair)
		fmt.Fprintf(&b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="#4e79a7" stroke-opacity=".45" stroke-width="%.1f"><title>%s – %s: %d documents</title></line>`,
			pa[0], pa[1], pb[0], pb[1], wdt, esc(name(p.A)), esc(name(p.B)), p.Documents)
	}
	maxW := weight[nodes[0]]
	for _, id := range nodes {
		p := pos[id]
		rad := 4 + 8*math.Sqrt(float64(weight[id])/float64(maxW))
		anchor, dx := "start", rad+4
		if p[0] < cx-1 {
			anchor, dx = "end", -rad-4
		}
		fmt.Fprintf(&b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="#f28e2b" stroke="#fff"/><text x="%.1f" y="%.1f" text-anchor="%s" class="node">%s</text>`,
			p[0], p[1], rad, p[0]+dx, p[1]+4, anchor, esc(shorten(name(id), 22)))
	}
	b.WriteString(`</svg>`)
	return b.String()
}

var trendsTemplate = template.Must(template.New("trends").Parse(trendsPageTemplate))

const trendsPageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>techschau trends – {{.Source}}</title>
<style>
:root { --fg:#1d1d1f; --muted:#6b6b70; --line:#d9d9de; --panel:#f6f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
header { height: {{.HeaderHeight}}px; overflow: hidden; padding: 1.1rem {{.ChartLeft}}px 0; border-bottom: 1px solid var(--line); }
h1 { font-size: 1.45rem; margin: 0 0 .3rem; }
.meta { color: var(--muted); margin: 0; font-size: .9rem; }
.meta b { color: var(--fg); }
#chart { display: block; margin: 0 0 0 {{.ChartLeft}}px; width: {{.ChartW}}px; height: {{.ChartH}}px; }
#chart .tick, #chart .axis { font-size: 11px; fill: var(--muted); }
#chart .legend { font-size: 12px; fill: var(--fg); }
.empty { font-size: 14px; fill: var(--muted); }
main { padding: 0 {{.ChartLeft}}px 2rem; max-width: 72rem; }
h2 { font-size: 1.05rem; margin: 1.6rem 0 .5rem; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
table { border-collapse: collapse; font-size: .9rem; }
th, td { text-align: left; padding: .3rem .7rem .3rem 0; border-bottom: 1px solid var(--line); vertical-align: top; }
td.num, th.num { text-align: right; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px; margin-right: .35rem; vertical-align: -1px; }
.ids { font-family: ui-monospace, monospace; font-size: .8rem; }
.ids a, .ids span { display: inline-block; margin: 0 .5rem .15rem 0; }
.themes { display: grid; grid-template-columns: repeat(auto-fill, minmax(21rem, 1fr)); gap: 1rem; }
.theme { background: var(--panel); padding: .7rem .9rem; border-left: 4px solid var(--c); }
.theme h3 { margin: 0 0 .3rem; font-size: 1rem; }
.theme p { margin: .2rem 0; color: var(--muted); font-size: .85rem; }
.theme ol { margin: .2rem 0 .5rem; padding-left: 1.3rem; font-size: .9rem; }
.type { font-size: .7rem; color: var(--muted); }
.co { display: flex; flex-wrap: wrap; gap: 1.5rem; align-items: flex-start; }
#network .node { font-size: 11px; fill: var(--fg); }
footer { color: var(--muted); font-size: .8rem; padding: 1rem {{.ChartLeft}}px 2rem; border-top: 1px solid var(--line); }
</style>
</head>
<body>
<header>
<h1>Themes over time: {{.Source}}</h1>
<p class="meta"><b>{{.Documents}}</b> documents, <b>{{.Dated}}</b> dated{{if .Periods}} from <b>{{.First}}</b> to <b>{{.Last}}</b> in <b>{{.Periods}}</b> periods of a {{.By}}{{end}}; <b>{{.Undated}}</b> undated (counted in the corpus figures, in no period).</p>
<p class="meta">{{if .Estimated}}Counts are estimates in: {{.Estimated}} (a table outgrew its capacity).{{else}}All counts are exact.{{end}}</p>
</header>
{{.Chart}}
<main>
<section aria-labelledby="h-surges">
<h2 id="h-surges">Surges</h2>
{{- if .Surges}}
<table>
<thead><tr><th scope="col">Theme</th><th scope="col">{{.By}} from</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Share</th><th scope="col" class="num">Trailing share</th><th scope="col" class="num">z</th><th scope="col">Documents carrying it (best first)</th></tr></thead>
<tbody>
{{- range .Surges}}
<tr><td><span class="swatch" style="background: {{.Theme.Colour}}"></span><span lang="de">{{.Theme.Label}}</span></td><td>{{.Start}}</td><td class="num">{{.Documents}} of {{.PeriodDocuments}}</td><td class="num">{{.Share}}</td><td class="num">{{.Baseline}}</td><td class="num">{{.Z}}</td>
<td class="ids">{{range .IDs}}{{if .URL}}<a href="{{.URL}}">{{.Text}}</a>{{else}}<span>{{.Text}}</span>{{end}}{{end}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No surges: no theme's share rose well above its trailing level.</p>
{{- end}}
</section>
<section aria-labelledby="h-themes">
<h2 id="h-themes">Themes and their actors</h2>
{{- if .Themes}}
<div class="themes">
{{- range .Themes}}
<div class="theme" style="--c: {{.Colour}}">
<h3 lang="de">{{.Label}}</h3>
<p><code>{{.ID}}</code> · {{.Documents}} documents ({{.Share}})</p>
<p>Top actors (acting in the theme's evidence):</p>
{{- if .Actors}}
<ol>{{range .Actors}}<li><span lang="de">{{.Name}}</span> <span class="type">{{.Type}}</span> – {{.Documents}}</li>{{end}}</ol>
{{- else}}
<ol><li>none named in the documents</li></ol>
{{- end}}
<p>Most associated entities (lift: times more often than chance):</p>
{{- if .Associations}}
<ol>{{range .Associations}}<li><span lang="de">{{.Name}}</span> – {{.Documents}} documents, lift {{.Lift}}</li>{{end}}</ol>
{{- else}}
<ol><li>too few documents</li></ol>
{{- end}}
</div>
{{- end}}
</div>
{{- else}}
<p>No document carries a theme.</p>
{{- end}}
</section>
<section aria-labelledby="h-co">
<h2 id="h-co">Entities that occur together</h2>
<div class="co">
{{.Network}}
{{- if .Pairs}}
<table>
<thead><tr><th scope="col">Entity</th><th scope="col">Entity</th><th scope="col" class="num">Documents</th><th scope="col" class="num">Lift</th></tr></thead>
<tbody>
{{- range .Pairs}}
<tr><td lang="de">{{.A}}</td><td lang="de">{{.B}}</td><td class="num">{{.Documents}}</td><td class="num">{{.Lift}}</td></tr>
{{- end}}
</tbody>
</table>
{{- end}}
</div>
</section>
<section aria-labelledby="h-entities">
<h2 id="h-entities">Top entities</h2>
{{- if .Entities}}
<table>
<thead><tr><th scope="col">Entity</th><th scope="col">Type</th><th scope="col" class="num">Documents</th></tr></thead>
<tbody>
{{- range .Entities}}
<tr><td lang="de">{{.Name}} <code class="type">{{.ID}}</code></td><td>{{.Type}}</td><td class="num">{{.Documents}}</td></tr>
{{- end}}
</tbody>
</table>
{{- else}}
<p>No entities.</p>
{{- end}}
</section>
{{- if .UndatedIDs}}
<section aria-labelledby="h-undated">
<h2 id="h-undated">Undated documents</h2>
<p>{{.Undated}} documents have no usable date; the first ids:</p>
<p class="ids">{{range .UndatedIDs}}{{if .URL}}<a href="{{.URL}}">{{.Text}}</a>{{else}}<span>{{.Text}}</span>{{end}}{{end}}</p>
</section>
{{- end}}
</main>
<footer>
<p>Generated by techschau trends. Shares are documents carrying a theme over the documents of the period; a surge is a period whose share lies at least 3 standard deviations above the mean of the previous 8 periods, with at least 3 documents. No scripts, no external assets.</p>
</footer>
</body>
</html>
`

// clean makes s valid UTF-8 for the page (ids and names come from the input as they are).
func clean(s string) string { return strings.ToValidUTF8(s, "\uFFFD") }

package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/techschau/techschau/analyze/trends"
)

const (
	trendsFixture = "../../testdata/trends/articles.jsonl"     // batch output of the team's articles, dated
	trendsGolden  = "../../testdata/trends/articles-week.json" // the report analyze/trends' golden test checks
)

// TestTrendsGolden: the CLI prints exactly the golden report of the library's test.
func TestTrendsGolden(t *testing.T) {
	code, out, errs := cli(t, "", "trends", trendsFixture)
	require.Equal(t, exitOK, code, errs)
	want, err := os.ReadFile(trendsGolden)
	require.NoError(t, err)
	assert.Equal(t, string(want), out)
	assert.Contains(t, errs, "25 lines, 24 documents (1 undated, 0 of them with an unusable date), 1 error lines skipped, 0 malformed lines skipped; 10 periods, 2 surges")

	// stdin, --by and --top.
	in, err := os.ReadFile(trendsFixture)
	require.NoError(t, err)
	code, out, errs = cli(t, string(in), "trends", "--by", "month", "--top", "3", "-")
	require.Equal(t, exitOK, code, errs)
	var r trends.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r))
	assert.Equal(t, "month", r.By)
	require.Len(t, r.Periods, 3)
	assert.Equal(t, []string{"2025-01-01", "2025-02-01", "2025-03-01"}, []string{r.Periods[0].Start, r.Periods[1].Start, r.Periods[2].Start})
	assert.Len(t, r.Entities, 3)
}

// TestTrendsAfterBatch: dates travel from batch input to trends.
func TestTrendsAfterBatch(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","date":"2025-03-03","text":"Die US-Regierung verschärft die Exportkontrollen für KI-Chips von NVIDIA nach China."}`,
		`{"id":"b","date":"2025-03-12T09:00:00+01:00","text":"Huawei baut in Shenzhen neue KI-Chips."}`,
		`{"id":"c","text":"Der VfB Stuttgart gewinnt in Leipzig."}`,
	}, "\n") + "\n"
	code, out, errs := cli(t, in, "batch", "--workers", "1")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, `"id":"a","date":"2025-03-03","document"`)
	assert.Contains(t, out, `"id":"c","document"`)

	code, rep, errs := cli(t, out, "trends", "--by", "day")
	require.Equal(t, exitOK, code, errs)
	var r trends.Report
	require.NoError(t, json.Unmarshal([]byte(rep), &r))
	assert.Equal(t, int64(3), r.Documents)
	require.Len(t, r.Periods, 2)
	assert.Equal(t, "2025-03-03", r.Periods[0].Start)
	assert.Equal(t, "2025-03-12", r.Periods[1].Start)
	assert.Equal(t, trends.Undated{Documents: 1, IDs: []string{"c"}}, r.Undated)
}

func TestTrendsBadInput(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"a","date":"2025-03-03","document":{"entities":[],"themes":[]}}`,
		`kein JSON`,
		``,
		`{"id":"b","date":"Wed, 03 Apr 2024 13 00 00 +0200","document":{}}`,
		`{"id":"c","error":"analyze: unsupported language"}`,
		`{"id":"d"}`,
	}, "\n")
	code, out, errs := cli(t, in, "trends")
	assert.Equal(t, exitFailure, code, "malformed lines fail the run")
	assert.Contains(t, errs, "techschau trends: <stdin>:2: malformed line: invalid character")
	assert.Contains(t, errs, `techschau trends: <stdin>:4: unusable date: "Wed, 03 Apr 2024 13 00 00 +0200": want RFC 3339 or YYYY-MM-DD (counted as undated)`)
	assert.Contains(t, errs, `techschau trends: <stdin>:6: malformed line: neither "document" nor "error"`)
	assert.Contains(t, errs, "6 lines, 2 documents (1 undated, 1 of them with an unusable date), 1 error lines skipped, 2 malformed lines skipped")
	var r trends.Report
	require.NoError(t, json.Unmarshal([]byte(out), &r), "the report is still written")
	assert.Equal(t, int64(2), r.Documents)

	// Many bad lines: ten messages, then a count.
	code, _, errs = cli(t, strings.Repeat("x\n", 30), "trends")
	assert.Equal(t, exitFailure, code)
	assert.Equal(t, 10, strings.Count(errs, "malformed line: "))
	assert.Contains(t, errs, "more lines like this")

	for _, args := range [][]string{
		{"trends", "--by", "year"},
		{"trends", "--format", "xml"},
		{"trends", "--top", "0"},
		{"trends", "--capacity", "0"},
		{"trends", "--link", "https://example.org/"},
		{"trends", "a", "b"},
	} {
		code, _, errs := cli(t, "", args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, errs)
		assert.Contains(t, errs, "techschau trends", args)
	}
	code, _, errs = cli(t, "", "trends", filepath.Join(t.TempDir(), "missing.jsonl"))
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errs, "no such file")
	code, out, _ = cli(t, "", "help", "trends")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, out, "--by")
}

// pageOf renders the fixture's report as HTML.
func pageOf(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errs := cli(t, "", append([]string{"trends", "--format", "html"}, args...)...)
	require.Equal(t, exitOK, code, errs)
	return out
}

// TestTrendsHTML checks the page's structure: self-contained, one line per theme, one row
// per surge with its documents' ids (links with --link), actors and co-occurrences.
func TestTrendsHTML(t *testing.T) {
	page := pageOf(t, "--link", "https://example.org/artikel/{id}", trendsFixture)
	doc, err := html.Parse(strings.NewReader(page))
	require.NoError(t, err)
	var (
		series, surgeMarks, rows, edges int
		links                           []string
		external                        []string
	)
	var walk func(n *html.Node, inSurges bool)
	walk = func(n *html.Node, inSurges bool) {
		if n.Type == html.ElementNode {
			attr := map[string]string{}
			for _, a := range n.Attr {
				attr[a.Key] = a.Val
			}
			switch n.Data {
			case "script", "link", "iframe", "img", "object", "embed":
				external = append(external, n.Data)
			case "g":
				if attr["class"] == "series" {
					series++
				}
			case "circle":
				if attr["class"] == "surge" {
					surgeMarks++
				}
			case "section":
				inSurges = attr["aria-labelledby"] == "h-surges"
			case "tr":
				if inSurges {
					rows++
				}
			case "a":
				links = append(links, attr["href"])
			case "line":
				if attr["stroke"] == "#4e79a7" {
					edges++
				}
			}
			if src := attr["src"]; src != "" {
				external = append(external, src)
			}
			if strings.Contains(attr["style"], "url(") {
				external = append(external, attr["style"])
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inSurges)
		}
	}
	walk(doc, false)
	assert.Empty(t, external, "the page must work offline")
	assert.NotContains(t, page, "@import")
	assert.Equal(t, 9, series, "one line per theme")
	assert.Equal(t, 2, surgeMarks)
	assert.Equal(t, 1+2, rows, "a header row and one row per surge")
	assert.Contains(t, links, "https://example.org/artikel/nvidia-h20-lizenzen")
	assert.Equal(t, 10, edges, "one edge per co-occurring pair")
	assert.Contains(t, page, `<h3 lang="de">Exportkontrollen und Sanktionen</h3>`)
	assert.Contains(t, page, "Magnetec Antriebstechnik AG")
	assert.Contains(t, page, "whatsapp-benutzernamen", "undated ids are listed")

	// Names, ids and labels from the input are escaped, in the SVG too.
	hostile := `{"id":"<script>x</script>","date":"2025-01-06","document":{"entities":[{"id":"a\"><script>","name":"<script>alert(1)</script>","type":"ORG"},{"id":"b","name":"B&</text>","type":"ORG"}],` +
		`"themes":[{"id":"t\"><img src=x>","label":"</title><script>","score":1,"actors":["a\"><script>"]}]}}`
	code, out, errs := cli(t, hostile+"\n", "trends", "--format", "html", "--link", "javascript:alert({id})")
	require.Equal(t, exitOK, code, errs)
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "<img")
	assert.NotContains(t, out, `href="javascript`)
	_, err = html.Parse(strings.NewReader(out))
	require.NoError(t, err)

	// Without --link the ids are text; an empty input still gives a valid page.
	assert.NotContains(t, pageOf(t, trendsFixture), "https://example.org")
	code, out, errs = cli(t, "", "trends", "--format", "html")
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "no dated documents with themes")
	assert.Contains(t, out, "no co-occurring entities")
}

// chromiumBinary returns the path of a Chromium or Chrome, or "".
func chromiumBinary() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// screenshot renders page in headless Chromium at 1200×900 and returns the PNG's image.
func screenshot(t *testing.T, bin, page string) image.Image {
	t.Helper()
	dir := t.TempDir()
	file := filepath.Join(dir, "page.html")
	require.NoError(t, os.WriteFile(file, []byte(page), 0o644))
	shot := filepath.Join(dir, "page.png")
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
		"--user-data-dir="+filepath.Join(dir, "profile"), "--window-size=1200,900", "--screenshot="+shot, "file://"+file)
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "%s", out)
	f, err := os.Open(shot)
	require.NoError(t, err, "%s", out)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	return img
}

// plotPixels counts, in the chart's plot area of the screenshot, the pixels that are not
// the plot's background or grid (ink) and those of each palette colour.
func plotPixels(img image.Image) (ink int, byColour map[string]int) {
	byColour = map[string]int{}
	rgb := func(hex string) [3]int {
		var c [3]int
		for i := range c {
			var v int
			for _, ch := range hex[1+2*i : 3+2*i] {
				v = v*16 + strings.IndexRune("0123456789abcdef", ch)
			}
			c[i] = v
		}
		return c
	}
	for y := headerHeight + plotTop + 2; y < headerHeight+plotBottom-1; y++ {
		for x := chartLeft + plotLeft + 2; x < chartLeft+plotRight-1; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			p := [3]int{int(r >> 8), int(g >> 8), int(b >> 8)}
			if max(p[0], p[1], p[2])-min(p[0], p[1], p[2]) > 40 { // coloured, not white or grey
				ink++
			}
			for _, hex := range palette {
				c := rgb(hex)
				if abs(p[0]-c[0])+abs(p[1]-c[1])+abs(p[2]-c[2]) <= 30 {
					byColour[hex]++
				}
			}
		}
	}
	return ink, byColour
}

// TestTrendsBrowser renders the HTML page in headless Chromium and checks that the chart
// is drawn: coloured pixels of the themes' lines where the SVG's plot area is. As a
// control, a report without themes leaves the plot area without them.
func TestTrendsBrowser(t *testing.T) {
	bin := chromiumBinary()
	if bin == "" {
		if os.Getenv("TECHSCHAU_BROWSER_TEST") == "required" {
			t.Fatal("no Chromium on PATH, but TECHSCHAU_BROWSER_TEST=required (.ci/run installs it with apt-get)")
		}
		t.Skip("no Chromium on PATH (chromium, chromium-browser, google-chrome): the browser test needs one; .ci/run installs it with apt-get install chromium")
	}
	img := screenshot(t, bin, pageOf(t, trendsFixture))
	require.GreaterOrEqual(t, img.Bounds().Dx(), chartLeft+chartWidth)
	ink, byColour := plotPixels(img)
	area := (plotRight - plotLeft) * (plotBottom - plotTop)
	t.Logf("plot area %d px: %d coloured, per theme colour %v", area, ink, byColour)
	assert.Greater(t, ink, area/100, "the lines cover more than 1 %% of the plot area")
	drawn := 0
	for _, hex := range palette[:9] {
		if byColour[hex] >= 20 {
			drawn++
		}
	}
	assert.GreaterOrEqual(t, drawn, 7, "most of the nine themes' lines are visible (some run under others at 0 %%)")

	// Control: documents without themes give a chart with no lines.
	var buf bytes.Buffer
	for i, d := range []string{"2025-01-06", "2025-01-14", "2025-01-22"} {
		buf.WriteString(`{"id":"` + string(rune('a'+i)) + `","date":"` + d + `","document":{"entities":[{"id":"x","name":"X","type":"ORG"}],"themes":[]}}` + "\n")
	}
	code, page, errs := cli(t, buf.String(), "trends", "--format", "html")
	require.Equal(t, exitOK, code, errs)
	ink, _ = screenshotPixels(t, bin, page)
	assert.Less(t, ink, 20, "no lines, no coloured pixels")
}

func screenshotPixels(t *testing.T, bin, page string) (int, map[string]int) {
	return plotPixels(screenshot(t, bin, page))
}

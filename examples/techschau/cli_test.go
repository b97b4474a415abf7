package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/examples/internal/bundled"
)

const seedPath = "../../../shared/data/seed-article-deepseek-huawei.txt"

// cli runs the CLI in-process and returns exit status, stdout and stderr.
func cli(t testing.TB, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// jsonDoc is the Document as a consumer of the JSON contract sees it (DESIGN.md).
type jsonDoc struct {
	Language string `json:"language"`
	Dateline *struct {
		Start  int      `json:"start"`
		End    int      `json:"end"`
		Places []string `json:"places"`
		Source string   `json:"source"`
	} `json:"dateline"`
	Boilerplate []struct {
		Start int    `json:"start"`
		End   int    `json:"end"`
		Kind  string `json:"kind"`
	} `json:"boilerplate"`
	Sentences []struct {
		Start       int    `json:"start"`
		End         int    `json:"end"`
		Text        string `json:"text"`
		Boilerplate bool   `json:"boilerplate"`
	} `json:"sentences"`
	Entities []struct {
		ID       string  `json:"id"`
		Name     string  `json:"name"`
		Type     string  `json:"type"`
		Salience float64 `json:"salience"`
		Mentions []struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			Text  string `json:"text"`
			Form  string `json:"form"`
		} `json:"mentions"`
	} `json:"entities"`
	Themes []struct {
		ID       string  `json:"id"`
		Label    string  `json:"label"`
		Score    float64 `json:"score"`
		Evidence []struct {
			Start int `json:"start"`
			End   int `json:"end"`
		} `json:"evidence"`
	} `json:"themes"`
	Summary struct {
		Sentences []struct {
			Start int     `json:"start"`
			End   int     `json:"end"`
			Text  string  `json:"text"`
			Score float64 `json:"score"`
		} `json:"sentences"`
	} `json:"summary"`
	Keyphrases []struct {
		Text  string  `json:"text"`
		Score float64 `json:"score"`
	} `json:"keyphrases"`
}

func (d *jsonDoc) entityIDs() []string {
	ids := make([]string, len(d.Entities))
	for i, e := range d.Entities {
		ids[i] = e.ID
	}
	return ids
}

// checkSpans asserts the offset invariant of every span of d against text.
func checkSpans(t *testing.T, text string, d *jsonDoc) {
	t.Helper()
	in := func(s, e int) bool { return 0 <= s && s <= e && e <= len(text) }
	for _, s := range d.Sentences {
		if assert.True(t, in(s.Start, s.End)) {
			assert.Equal(t, text[s.Start:s.End], s.Text)
		}
	}
	for _, e := range d.Entities {
		for _, m := range e.Mentions {
			if assert.True(t, in(m.Start, m.End), "%s mention [%d,%d)", e.ID, m.Start, m.End) {
				assert.Equal(t, text[m.Start:m.End], m.Text)
			}
		}
	}
	for _, th := range d.Themes {
		for _, ev := range th.Evidence {
			assert.True(t, in(ev.Start, ev.End), "%s evidence", th.ID)
		}
	}
	for _, s := range d.Summary.Sentences {
		if assert.True(t, in(s.Start, s.End)) {
			assert.Equal(t, text[s.Start:s.End], s.Text)
		}
	}
	for _, b := range d.Boilerplate {
		assert.True(t, in(b.Start, b.End))
	}
}

func decodeDoc(t *testing.T, s string) *jsonDoc {
	t.Helper()
	var d jsonDoc
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	err := dec.Decode(&d)
	if err != nil {
		// More fields may be added to the contract; only the known ones are checked.
		require.NoError(t, json.Unmarshal([]byte(s), &d))
	}
	return &d
}

func TestAnalyzeSeedArticle(t *testing.T) {
	b, err := os.ReadFile(seedPath)
	if os.IsNotExist(err) {
		t.Skipf("techschau: %s not found", seedPath)
	}
	require.NoError(t, err)
	text := string(b)

	code, out, errs := cli(t, "", "analyze", seedPath)
	require.Equal(t, exitOK, code, errs)
	assert.Empty(t, errs)
	assert.True(t, strings.HasPrefix(out, "{\n  \""), "indented JSON")

	var raw map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	for _, k := range []string{"language", "dateline", "boilerplate", "sentences", "entities", "themes", "summary", "keyphrases"} {
		assert.Contains(t, raw, k, "JSON field %q of DESIGN.md", k)
	}

	d := decodeDoc(t, out)
	assert.Equal(t, "de", d.Language)
	if assert.NotNil(t, d.Dateline) {
		assert.Equal(t, 0, d.Dateline.Start)
		assert.Equal(t, "IT BOLTWISE", d.Dateline.Source)
		assert.Equal(t, []string{"Peking", "London"}, d.Dateline.Places)
	}
	assert.NotEmpty(t, d.Boilerplate, "the seed page ends in site boilerplate")
	assert.Greater(t, len(d.Sentences), 10)
	ids := d.entityIDs()
	for _, id := range []string{"deepseek", "huawei", "nvidia"} {
		assert.Contains(t, ids, id)
	}
	assert.NotEmpty(t, d.Themes)
	assert.NotEmpty(t, d.Summary.Sentences)
	checkSpans(t, text, d)

	// Deterministic: same bytes twice; "-" reads stdin.
	code2, out2, _ := cli(t, text, "analyze", "-")
	require.Equal(t, exitOK, code2)
	assert.Equal(t, out, out2)
}

func TestAnalyzeBundled(t *testing.T) {
	code, out, errs := cli(t, "", "analyze")
	require.Equal(t, exitOK, code, errs)
	d := decodeDoc(t, out)
	assert.Equal(t, "de", d.Language)
	assert.NotEmpty(t, d.Entities)
	assert.Contains(t, d.entityIDs(), "nvidia")
	assert.NotEmpty(t, d.Summary.Sentences)
	checkSpans(t, bundled.Article(), d)

	assert.Contains(t, errs, "no FILE given: analysing the bundled article", "a hint on stderr")

	code, out2, errs := cli(t, "", "analyze", "--sample")
	require.Equal(t, exitOK, code)
	assert.Equal(t, out, out2, "--sample is the default")
	assert.Empty(t, errs, "no hint with --sample")

	code, out3, _ := cli(t, bundled.Article(), "analyze", "-")
	require.Equal(t, exitOK, code)
	assert.Equal(t, out, out3, "the same article from stdin")

	code, out, _ = cli(t, "", "analyze", "--summary", "1")
	require.Equal(t, exitOK, code)
	assert.Len(t, decodeDoc(t, out).Summary.Sentences, 1)
}

// TestAnalyzeSummaryChars: --summary-chars is a budget of whole sentences,
// never empty, and --summary still caps the count.
func TestAnalyzeSummaryChars(t *testing.T) {
	runes := func(d *jsonDoc) int {
		n := 0
		for _, s := range d.Summary.Sentences {
			n += utf8.RuneCountInString(s.Text)
		}
		return n
	}
	for _, budget := range []int{1, 150, 400, 800} {
		code, out, errs := cli(t, "", "analyze", "--summary-chars", strconv.Itoa(budget))
		require.Equal(t, exitOK, code, errs)
		d := decodeDoc(t, out)
		require.NotEmpty(t, d.Summary.Sentences, "budget %d", budget)
		if len(d.Summary.Sentences) > 1 {
			assert.LessOrEqual(t, runes(d), budget, "budget %d", budget)
		}
		checkSpans(t, bundled.Article(), d)
	}
	code, out, _ := cli(t, "", "analyze", "--summary-chars", "2000", "--summary", "2")
	require.Equal(t, exitOK, code)
	assert.Len(t, decodeDoc(t, out).Summary.Sentences, 2)
	code, out, _ = cli(t, "", "analyze", "--summary-chars", "2000")
	require.Equal(t, exitOK, code)
	assert.Greater(t, len(decodeDoc(t, out).Summary.Sentences), 3, "the budget alone sets the length")
}

func TestAnalyzeText(t *testing.T) {
	code, out, errs := cli(t, "", "analyze", "--format", "text")
	require.Equal(t, exitOK, code, errs)
	for _, want := range []string{bundled.Name, "language de", "SUMMARY", "ENTITIES (by salience)", "THEMES", "NVIDIA"} {
		assert.Contains(t, out, want)
	}
	// Flags after the file.
	dir := t.TempDir()
	path := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(path, []byte(bundled.Article()), 0o600))
	code, out2, errs := cli(t, "", "analyze", path, "--format", "text")
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, strings.Replace(out, bundled.Name, path, 1), out2)
}

// teamPage is an HTML page the team wrote: a news site's markup around the
// article of testdata/pages/zeitung-nvidia-h20.txt.
const teamPage = "../../testdata/html/zeitung-nvidia-h20.html"

// TestAnalyzeHTML: an HTML page, auto-detected or named with --input html,
// gives a Document with the extracted text and the page's metadata; every
// offset indexes that text. --input text analyses the markup as text.
func TestAnalyzeHTML(t *testing.T) {
	code, out, errs := cli(t, "", "analyze", teamPage)
	require.Equal(t, exitOK, code, errs)
	var d struct {
		jsonDoc
		Text string            `json:"text"`
		Meta map[string]string `json:"meta"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &d))
	assert.Equal(t, "Beispielzeitung", d.Meta["sitename"])
	assert.Equal(t, "2026-08-12", d.Meta["date"])
	assert.Contains(t, d.Text, "Nach monatelangem Stillstand darf NVIDIA")
	assert.NotContains(t, d.Text, "<p>")
	checkSpans(t, d.Text, &d.jsonDoc)
	assert.Contains(t, d.entityIDs(), "nvidia")
	for _, s := range d.Summary.Sentences {
		assert.NotContains(t, s.Text, "<")
	}

	code, out2, errs := cli(t, "", "analyze", "--input", "html", teamPage)
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, out, out2, "auto detects the page")

	page, err := os.ReadFile(teamPage)
	require.NoError(t, err)
	code, out3, errs := cli(t, string(page), "analyze", "-")
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, out, out3, "the same page from stdin")

	code, out, errs = cli(t, "", "analyze", "--input", "html", "--format", "text", teamPage)
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, "Page: NVIDIA erhält Exportlizenzen")

	code, out, errs = cli(t, "", "analyze", "--input", "text", teamPage)
	require.Equal(t, exitOK, code, errs)
	var top map[string]json.RawMessage
	require.NoError(t, json.Unmarshal([]byte(out), &top))
	assert.NotContains(t, top, "meta", "text input has no meta")
	assert.NotContains(t, top, "text", "nor a text field")
}

func TestUsageAndErrors(t *testing.T) {
	dir := t.TempDir()
	badLex := filepath.Join(dir, "lex.json")
	require.NoError(t, os.WriteFile(badLex, []byte("{not json"), 0o600))
	binary := filepath.Join(dir, "image.html")
	require.NoError(t, os.WriteFile(binary, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o600))
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string
		stderr string
	}{
		{"no command", nil, exitUsage, "", "Usage:"},
		{"unknown command", []string{"frobnicate"}, exitUsage, "", `unknown command "frobnicate"`},
		{"help", []string{"help"}, exitOK, "Usage:", ""},
		{"help analyze", []string{"help", "analyze"}, exitOK, "--summary", ""},
		{"help batch", []string{"help", "batch"}, exitOK, "--workers", ""},
		{"help conll", []string{"help", "conll"}, exitOK, "GermEval", ""},
		{"analyze -h", []string{"analyze", "-h"}, exitOK, "Usage: techschau analyze", ""},
		{"batch --help after a flag", []string{"batch", "--workers", "2", "--help"}, exitOK, "Usage: techschau batch", ""},
		{"conll -help", []string{"conll", "-help"}, exitOK, "Usage: techschau conll", ""},
		{"version", []string{"--version"}, exitOK, "techschau ", ""},
		{"bad flag", []string{"analyze", "--nope"}, exitUsage, "", "techschau analyze: flag provided but not defined: --nope\nRun \"techschau help analyze\""},
		{"bad flag value", []string{"batch", "--workers", "zwei"}, exitUsage, "", "techschau batch: invalid value \"zwei\""},
		{"unknown field", []string{"analyze", "--fields", "language,sentence"}, exitUsage, "", `unknown document field "sentence"`},
		{"fields with text format", []string{"analyze", "--fields", "language", "--format", "text"}, exitUsage, "", "--fields"},
		{"bad format", []string{"analyze", "--format", "xml"}, exitUsage, "", `--format "xml"`},
		{"negative summary", []string{"analyze", "--summary", "-1"}, exitUsage, "", "--summary -1"},
		{"negative summary chars", []string{"analyze", "--summary-chars", "-5"}, exitUsage, "", "--summary-chars -5"},
		{"summary not a number", []string{"analyze", "--summary", "drei"}, exitUsage, "", "--summary"},
		{"help analyze chars", []string{"help", "analyze"}, exitOK, "--summary-chars", ""},
		{"two files", []string{"analyze", "a", "b"}, exitUsage, "", "one FILE at most"},
		{"sample and file", []string{"analyze", "--sample", "a.txt"}, exitUsage, "", "--sample"},
		{"bad input kind", []string{"analyze", "--input", "pdf"}, exitUsage, "", `--input "pdf"`},
		{"binary as html", []string{"analyze", "--input", "html", binary}, exitFailure, "", "not HTML"},
		{"lexicon-only without lexicon", []string{"analyze", "--lexicon-only"}, exitUsage, "", "--lexicon-only needs"},
		{"missing file", []string{"analyze", filepath.Join(dir, "nope.txt")}, exitFailure, "", "techschau analyze: " + filepath.Join(dir, "nope.txt") + ": no such file"},
		{"directory", []string{"analyze", dir}, exitFailure, "", "techschau analyze: " + dir + ": is a directory\n"},
		{"batch directory", []string{"batch", dir}, exitFailure, "", "techschau batch: " + dir + ": is a directory\n"},
		{"bad lexicon", []string{"analyze", "--lexicon", badLex}, exitFailure, "", badLex},
		{"too large", []string{"analyze", "--max-bytes", "100", seedOrBundled(t)}, exitFailure, "", "too large"},
		{"batch bad workers", []string{"batch", "--workers", "0"}, exitUsage, "", "--workers 0"},
		{"batch bad progress", []string{"batch", "--progress", "maybe"}, exitUsage, "", "--progress"},
		{"conll missing file", []string{"conll", filepath.Join(dir, "nope.tsv")}, exitFailure, "", "no such file"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errs := cli(t, "", tc.args...)
			assert.Equal(t, tc.code, code, "stderr: %s", errs)
			if tc.stdout != "" {
				assert.Contains(t, out, tc.stdout)
			}
			if tc.stderr != "" {
				assert.Contains(t, errs, tc.stderr)
			}
			if tc.code != exitOK {
				assert.Empty(t, out, "nothing on stdout after an error")
			}
		})
	}
}

// TestHelpSame: "help CMD" and "CMD -h" print the same text, on stdout.
func TestHelpSame(t *testing.T) {
	for _, cmd := range []string{"analyze", "batch", "conll"} {
		c1, out1, err1 := cli(t, "", "help", cmd)
		c2, out2, err2 := cli(t, "", cmd, "-h")
		assert.Equal(t, exitOK, c1)
		assert.Equal(t, exitOK, c2)
		assert.Equal(t, out1, out2, cmd)
		assert.Empty(t, err1+err2)
	}
}

// seedOrBundled returns a path to an article file: the bundled article written to a
// temporary file.
func seedOrBundled(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "article.txt")
	require.NoError(t, os.WriteFile(path, []byte(bundled.Article()), 0o600))
	return path
}

// batchArticles returns the texts of the team's test articles (or only the bundled one).
func batchArticles(t *testing.T) []string {
	texts := []string{bundled.Article()}
	files, _ := filepath.Glob("../../testdata/articles/*.txt")
	slices.Sort(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		texts = append(texts, string(b))
	}
	if len(texts) < 4 {
		texts = append(texts,
			"Berlin – Die Bundesregierung will die Abhängigkeit von US-Cloud-Anbietern verringern.",
			"Huawei stellt in Shenzhen einen neuen Ascend-Chip vor. Der Konzern spricht von einem Durchbruch.",
			"SAP und die Deutsche Telekom bauen in München ein Rechenzentrum für KI-Anwendungen.")
	}
	return texts
}

// batchLine is an output line of batch.
type batchLine struct {
	ID       json.RawMessage `json:"id"`
	Line     int             `json:"line"`
	Date     json.RawMessage `json:"date"`
	Document json.RawMessage `json:"document"`
	Error    string          `json:"error"`
	Warnings []string        `json:"warnings"`
}

func parseBatchOutput(t *testing.T, out string) []batchLine {
	t.Helper()
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 16<<20)
	var got []batchLine
	for sc.Scan() {
		var r batchLine
		require.NoError(t, json.Unmarshal(sc.Bytes(), &r), sc.Text())
		got = append(got, r)
	}
	require.NoError(t, sc.Err())
	return got
}

func TestBatch(t *testing.T) {
	texts := batchArticles(t)
	var in bytes.Buffer
	var want []string // id or line of each output line
	line := 0
	for i, text := range texts {
		if i == 2 {
			in.WriteString("{\"id\": \"broken\", \"text\": \"unterminated\n") // malformed
			line++
			want = append(want, `"broken"`)
			in.WriteString("\n") // blank lines are ignored
			line++
		}
		id := "article-" + itoa(i)
		b, err := json.Marshal(map[string]string{"id": id, "text": text})
		require.NoError(t, err)
		in.Write(b)
		in.WriteByte('\n')
		line++
		want = append(want, `"`+id+`"`)
	}
	// An article without id is known by its line number; a number id is kept as it is.
	in.WriteString(`{"text": "Infineon baut in Dresden ein neues Werk für Leistungshalbleiter."}` + "\n")
	line++
	want = append(want, "line "+itoa(line))
	in.WriteString(`{"id": 42, "text": "Die Telekom meldet einen Ausfall in Bonn."}` + "\n")
	want = append(want, "42")

	code, out, errs := cli(t, in.String(), "batch", "--workers", "2")
	assert.Equal(t, exitFailure, code, "a malformed line makes the exit status 1")
	assert.Contains(t, errs, "techschau batch: <stdin>:3: malformed JSON", "the bad line is reported with its number")
	assert.Contains(t, errs, "1 bad line)")
	assert.NotContains(t, errs, "\r", "no progress bar when stderr is not a terminal")

	var got []string
	var docs []json.RawMessage
	for _, r := range parseBatchOutput(t, out) {
		if r.ID == nil {
			got = append(got, "line "+itoa(r.Line))
		} else {
			got = append(got, string(r.ID))
		}
		if string(r.ID) == `"broken"` {
			assert.Contains(t, r.Error, "malformed JSON")
			assert.Nil(t, r.Document)
			continue
		}
		assert.Empty(t, r.Error)
		docs = append(docs, r.Document)
	}
	assert.Equal(t, want, got, "every non-blank line comes out, in input order")

	// Each document is the one analyze prints for the same text.
	for i := range min(3, len(texts)) {
		code, single, errs := cli(t, texts[i], "analyze", "-")
		require.Equal(t, exitOK, code, errs)
		var a, b any
		require.NoError(t, json.Unmarshal([]byte(single), &a))
		require.NoError(t, json.Unmarshal(docs[i], &b))
		assert.Equal(t, a, b, "document %d", i)
	}
}

// TestBatchMixed: the team's mixed input (analyze/jsonl/testdata/mixed.jsonl: a byte
// order mark, blank lines, missing and non-string text, broken JSON, a duplicate id, bad
// dates …) gets one output line per non-blank input line, in order; bad lines and
// warnings are reported on stderr as FILE:LINE:, the duplicate id once.
func TestBatchMixed(t *testing.T) {
	path := "../../analyze/jsonl/testdata/mixed.jsonl"
	raw, err := os.ReadFile(path)
	require.NoError(t, err)
	nonBlank := 0
	for _, l := range strings.Split(strings.TrimSuffix(string(raw), "\n"), "\n") {
		if strings.TrimSpace(l) != "" {
			nonBlank++
		}
	}
	code, out, errs := cli(t, "", "batch", "--workers", "2", path)
	assert.Equal(t, exitFailure, code)
	got := parseBatchOutput(t, out)
	require.Len(t, got, nonBlank, "one output line per non-blank input line")
	type want struct {
		id, err, warn string
		line          int
		doc           bool
	}
	wants := []want{
		{id: `"a1"`, line: 1, doc: true},
		{id: `"a2"`, line: 3, doc: true},
		{line: 5, doc: true},
		{id: `"a4"`, line: 6, err: `no "text" or "html"`},
		{id: `"a5"`, line: 7, err: `"text" is null`},
		{id: `"a6"`, line: 8, err: `"text" is a number`},
		{id: `"a7"`, line: 9, err: `"text" is an object`},
		{id: `"a8"`, line: 10, doc: true, warn: `date "gestern"`},
		{id: `"a9"`, line: 11, err: "malformed JSON"},
		{line: 12, err: "malformed JSON"},
		{line: 13, err: "malformed JSON"},
		{line: 14, err: "not a JSON object"},
		{id: `"a1"`, line: 16, doc: true},
		{id: `12`, line: 17, err: "unsupported language: Han script"},
		{id: `"a13"`, line: 18, doc: true},
		{id: `"a14"`, line: 19, doc: true},
		{id: `"a15"`, line: 20, err: "not text: NUL byte"},
		{id: `"a16"`, line: 21, doc: true, warn: `"date" is a number`},
	}
	for i, w := range wants {
		r := got[i]
		assert.Equal(t, w.id, string(r.ID), "line %d", w.line)
		assert.Equal(t, w.line, r.Line)
		assert.Equal(t, w.doc, r.Document != nil, "line %d", w.line)
		if w.err != "" {
			assert.Contains(t, r.Error, w.err, "line %d", w.line)
			assert.Contains(t, errs, "techschau batch: "+path+":"+itoa(w.line)+": ", "line %d on stderr", w.line)
		} else {
			assert.Empty(t, r.Error)
		}
		if w.warn != "" {
			require.Len(t, r.Warnings, 1)
			assert.Contains(t, r.Warnings[0], w.warn)
			assert.Contains(t, errs, path+":"+itoa(w.line)+": warning: ")
		}
	}
	assert.Equal(t, `"2025-03-01"`, string(got[0].Date))
	assert.Equal(t, 1, strings.Count(errs, "duplicate id"), errs)
	assert.Contains(t, errs, path+`:16: duplicate id "a1" (first on line 1)`)
	assert.Contains(t, errs, "18 lines answered (8 documents, 2 analysis errors, 8 bad lines), 2 warnings")
}

func TestBatchErrorsAndClean(t *testing.T) {
	// All good: exit 0. A text over --max-bytes gives an error line, exit 1.
	in := `{"id":"x","text":"Huawei baut Chips in Shenzhen."}` + "\n" +
		`{"id":"y","text":"` + strings.Repeat("Chip ", 100) + `"}` + "\n" +
		`{"id":"z","text":"Nvidia liefert nach China."}`
	code, out, errs := cli(t, in, "batch", "--max-bytes", "200", "--workers", "1")
	assert.Equal(t, exitFailure, code, errs)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 3)
	assert.Contains(t, lines[1], `"id":"y","line":2,"error":"`)
	assert.Contains(t, lines[1], "too large")
	assert.Contains(t, lines[2], `"id":"z","line":3,"document":`)
	assert.Contains(t, errs, "2 documents, 1 analysis error,")

	code, out, errs = cli(t, `{"id":"x","text":"Huawei baut Chips in Shenzhen."}`+"\n", "batch", "-")
	assert.Equal(t, exitOK, code, errs)
	assert.Equal(t, 1, strings.Count(out, "\n"))
	assert.Contains(t, errs, "1 line answered (1 document, 0 analysis errors, 0 bad lines), 0 warnings")

	// A forced progress bar goes to stderr only.
	code, out, errs = cli(t, `{"id":"x","text":"Huawei baut Chips in Shenzhen."}`+"\n", "batch", "--progress", "always")
	assert.Equal(t, exitOK, code, errs)
	assert.Equal(t, 1, strings.Count(out, "\n"))
	assert.True(t, strings.HasPrefix(out, `{"id":"x","line":1,"document":{`), out)
	assert.NotContains(t, errs, "GB/s", "the first tick of the bar is no absurd rate")

	// --fields keeps only the named Document fields.
	code, out, errs = cli(t, `{"id":"x","text":"Huawei baut Chips in Shenzhen."}`+"\n", "batch", "--fields", "language,entities")
	assert.Equal(t, exitOK, code, errs)
	assert.True(t, strings.HasPrefix(out, `{"id":"x","line":1,"document":{"language":"de","entities":[`), out)
	assert.NotContains(t, out, "sentences")

	// Bad lines: not an object, no text, text not a string, a too-long line (its id is
	// still read from its start); each gets an error line.
	in = "[1,2]\n{\"id\":1}\n{\"text\":5}\n" + `{"id":"lang","text":"` + strings.Repeat("a", 300) + `"}` + "\n{\"text\":\"ok\"}\n"
	code, out, errs = cli(t, in, "batch", "--max-line", "100")
	assert.Equal(t, exitFailure, code)
	for _, n := range []string{":1:", ":2:", ":3:", ":4:"} {
		assert.Contains(t, errs, n)
	}
	assert.Contains(t, errs, "line too long")
	got := parseBatchOutput(t, out)
	require.Len(t, got, 5, out)
	assert.Equal(t, `"lang"`, string(got[3].ID))
	assert.Contains(t, got[3].Error, "line too long")
	assert.NotNil(t, got[4].Document)
}

func TestBatchCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"batch"}, strings.NewReader(`{"text":"Huawei baut Chips."}`+"\n"), &out, &errb)
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errb.String(), "context canceled")
}

const conllInput = "#\thttp://example.org/artikel/1\t[2025-08-14]\n" +
	"1\tHuawei\tO\tO\n" +
	"2\tliefert\tO\tO\n" +
	"3\tChips\tO\tO\n" +
	"4\tan\tO\tO\n" +
	"5\tDeepSeek\tO\tO\n" +
	"6\tin\tO\tO\n" +
	"7\tHangzhou\tO\tO\n" +
	"8\t.\tO\tO\n" +
	"\n" +
	"#\thttp://example.org/artikel/2\t[2025-08-15]\n" +
	"1\tNVIDIA-Chef\tB-ORGpart\tO\n" +
	"2\tJensen\tB-PER\tO\n" +
	"3\tHuang\tI-PER\tO\n" +
	"4\tsprach\tO\tO\n" +
	"5\tin\tO\tO\n" +
	"6\tBerlin\tB-LOC\tO\n" +
	"7\t.\tO\tO\n" +
	"\n"

func TestConll(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.tsv")
	require.NoError(t, os.WriteFile(path, []byte(conllInput), 0o600))
	code, out, errs := cli(t, "", "conll", path)
	require.Equal(t, exitOK, code, errs)

	inLines := strings.Split(conllInput, "\n")
	outLines := strings.Split(out, "\n")
	require.Len(t, outLines, len(inLines))
	valid := map[string]bool{"O": true}
	for _, p := range []string{"B-", "I-"} {
		for _, ty := range []string{"PER", "ORG", "LOC", "OTH"} {
			valid[p+ty] = true
		}
	}
	tags := map[string]string{}
	for i, in := range inLines {
		got := outLines[i]
		if in == "" || strings.HasPrefix(in, "#") {
			assert.Equal(t, in, got, "comment and blank lines kept (line %d)", i+1)
			continue
		}
		ic, oc := strings.Split(in, "\t"), strings.Split(got, "\t")
		require.Len(t, oc, len(ic), "line %d", i+1)
		assert.Equal(t, ic[0], oc[0])
		assert.Equal(t, ic[1], oc[1])
		assert.Equal(t, ic[3], oc[3], "column 4 kept")
		assert.True(t, valid[oc[2]], "column 3 %q is a GermEval outer tag", oc[2])
		tags[oc[1]] = oc[2]
	}
	assert.Equal(t, "B-ORG", tags["Huawei"])
	assert.Equal(t, "B-LOC", tags["Berlin"])

	// Same from stdin; a malformed line is reported, copied, and gives exit 1.
	code, out2, _ := cli(t, conllInput, "conll")
	require.Equal(t, exitOK, code)
	assert.Equal(t, out, out2)
	code, out3, errs := cli(t, "1\tHuawei\n"+"kaputt\n", "conll", "-")
	assert.Equal(t, exitFailure, code)
	assert.Contains(t, errs, "techschau conll: <stdin>:2: malformed token line", "the same FILE:LINE: form as batch")
	assert.True(t, strings.HasSuffix(out3, "kaputt\n"), out3)
	assert.True(t, strings.HasPrefix(out3, "1\tHuawei\tB-ORG\n"), out3)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestCustomLexiconAndThemes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(content), 0o600))
		return p
	}
	lex := write("lex.json", `{"entries": [{"id": "quellwerk", "name": "Quellwerk Systeme", "type": "ORG", "aliases": ["Quellwerk"]}]}`)
	themes := write("themes.json", `{"themes": [{"id": "open_source", "label_de": "Open Source", "label_en": "Open source",
  "definition": "Articles about open-source software.",
  "cues": {"words": {"Quelltext": 2.0, "Open-Source-Software": 2.0, "Lizenz": 1.0}, "phrases": {"offenen Quelltext": 2.0}}}]}`)
	badThemes := write("bad-themes.json", "{\"themes\": [\n{\"id\": 5}\n]}")
	article := write("a.txt", "Berlin – Das Start-up Quellwerk Systeme veröffentlicht seine Datenbank als Open-Source-Software. "+
		"Der Quelltext steht unter einer freien Lizenz. Quellwerk will damit Behörden den Umstieg auf offenen Quelltext erleichtern. "+
		"Die Open-Source-Software läuft auf Servern in Deutschland.\n")

	themeIDs := func(d *jsonDoc) []string {
		var ids []string
		for _, th := range d.Themes {
			ids = append(ids, th.ID)
		}
		return ids
	}

	code, out, errs := cli(t, "", "analyze", "--lexicon", lex, "--themes", themes, article)
	require.Equal(t, exitOK, code, errs)
	d := decodeDoc(t, out)
	assert.Contains(t, d.entityIDs(), "quellwerk")
	assert.Contains(t, d.entityIDs(), "deutschland", "merged: the default lexicon still counts")
	assert.Contains(t, themeIDs(d), "open_source")

	code, out, errs = cli(t, "", "analyze", "--lexicon", lex, "--lexicon-only", "--no-model", "--themes", themes, "--themes-only", article)
	require.Equal(t, exitOK, code, errs)
	d = decodeDoc(t, out)
	assert.Contains(t, d.entityIDs(), "quellwerk")
	assert.NotContains(t, d.entityIDs(), "deutschland", "--lexicon-only replaces the default lexicon")
	assert.Equal(t, []string{"open_source"}, themeIDs(d))

	code, out, errs = cli(t, "", "analyze", "--themes", badThemes, article)
	assert.Equal(t, exitFailure, code)
	assert.Empty(t, out)
	assert.Contains(t, errs, badThemes+":2", "the error names file and line")

	// The same flags work for batch and (lexicon) for conll.
	code, out, errs = cli(t, `{"id":1,"text":"Quellwerk Systeme wächst."}`, "batch", "--lexicon", lex)
	require.Equal(t, exitOK, code, errs)
	assert.Contains(t, out, `"id":"quellwerk"`)
	code, out, errs = cli(t, "1\tQuellwerk\n2\twächst\n\n", "conll", "--lexicon", lex)
	require.Equal(t, exitOK, code, errs)
	assert.Equal(t, "1\tQuellwerk\tB-ORG\n2\twächst\tO\n\n", out)
}

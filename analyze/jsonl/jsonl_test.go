package jsonl_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/jsonl"
)

const article = "Berlin – Der Chipkonzern NVIDIA darf wieder H20-Chips nach China liefern. Die Bundesregierung prüft neue Exportregeln."

func TestParse(t *testing.T) {
	tests := []struct {
		name, line string
		id, date   string // compact JSON, "" for none
		text       string
		html       bool
		bad        string // substring of Bad, "" for a good line
		warn       string // substring of the first warning
	}{
		{"text", `{"id":"a1","text":"Hallo"}`, `"a1"`, "", "Hallo", false, "", ""},
		{"number id, extra fields", `{"id": 7, "url": "https://x", "text": "Hallo", "lang": "de"}`, `7`, "", "Hallo", false, "", ""},
		{"object id kept compact", `{"id": {"src": "x", "n": 1}, "text": ""}`, `{"src":"x","n":1}`, "", "", false, "", ""},
		{"no id", `{"text":"Hallo"}`, "", "", "Hallo", false, "", ""},
		{"null id", `{"id":null,"text":"Hallo"}`, "", "", "Hallo", false, "", ""},
		{"byte order mark", "\xef\xbb\xbf{\"id\":1,\"text\":\"Hallo\"}", `1`, "", "Hallo", false, "", ""},
		{"html", `{"id":"p","html":"<p>Hallo</p>"}`, `"p"`, "", "", true, "", ""},
		{"date", `{"id":1,"text":"x","date":"2025-03-01"}`, `1`, `"2025-03-01"`, "x", false, "", ""},
		{"date RFC 3339", `{"id":1,"text":"x","date":"2025-03-01T08:00:00.5+01:00"}`, `1`, `"2025-03-01T08:00:00.5+01:00"`, "x", false, "", ""},
		{"date RFC 1123", `{"id":1,"text":"x","date":"Sun, 07 Apr 2024 21:00:00 +0200"}`, `1`, `"Sun, 07 Apr 2024 21:00:00 +0200"`, "x", false, "", ""},
		{"bad date kept, warned", `{"id":1,"text":"x","date":"gestern"}`, `1`, `"gestern"`, "x", false, "", `date "gestern"`},
		{"date not a string", `{"id":1,"text":"x","date":20250301}`, `1`, `20250301`, "x", false, "", `"date" is a number`},
		{"empty date is none", `{"id":1,"text":"x","date":""}`, `1`, `""`, "x", false, "", ""},
		{"no text", `{"id":"a2"}`, `"a2"`, "", "", false, `no "text" or "html"`, ""},
		{"text null", `{"id":"a3","text":null}`, `"a3"`, "", "", false, `"text" is null`, ""},
		{"text a number", `{"id":"a4","text":42}`, `"a4"`, "", "", false, `"text" is a number`, ""},
		{"text an object", `{"id":"a5","text":{"de":"x"}}`, `"a5"`, "", "", false, `"text" is an object`, ""},
		{"text and html", `{"id":"a6","text":"x","html":"<p>x</p>"}`, `"a6"`, "", "", false, `both "text" and "html"`, ""},
		{"broken JSON after the id", `{"id": "a7", "text": "abgeschnitt`, `"a7"`, "", "", false, "malformed JSON", ""},
		{"broken JSON before the id", `{"text": "x" "id": "a8"}`, "", "", "", false, "malformed JSON", ""},
		{"not JSON", `kein JSON`, "", "", "", false, "malformed JSON", ""},
		{"an array", `[1,2]`, "", "", "", false, "not a JSON object but array", ""},
		{"a string", `"text"`, "", "", "", false, "not a JSON object but string", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := jsonl.Parse([]byte(tc.line), 3)
			assert.Equal(t, 3, in.Line)
			assert.Equal(t, tc.id, string(in.ID), "id")
			assert.Equal(t, tc.date, string(in.Date), "date")
			if tc.bad != "" {
				assert.Contains(t, in.Bad, tc.bad)
				assert.ErrorIs(t, in.Err(), jsonl.ErrBadLine)
				return
			}
			require.Empty(t, in.Bad)
			require.NoError(t, in.Err())
			assert.Equal(t, tc.text, in.Text)
			assert.Equal(t, tc.html, in.IsHTML)
			if tc.warn != "" {
				require.NotEmpty(t, in.Warnings)
				assert.Contains(t, in.Warnings[0], tc.warn)
			} else {
				assert.Empty(t, in.Warnings)
			}
		})
	}
}

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339 in UTC, "" for an error
	}{
		{"2025-03-01", "2025-03-01T00:00:00Z"},
		{"2025-03-01T08:00:00+01:00", "2025-03-01T07:00:00Z"},
		{"2025-03-01T08:00:00Z", "2025-03-01T08:00:00Z"},
		{"Sun, 07 Apr 2024 21:00:00 +0200", "2024-04-07T19:00:00Z"},
		{"Sun, 07 Apr 2024 21:00:00 GMT", "2024-04-07T21:00:00Z"},
		{"Wed, 03 Apr 2024 13 00 00 +0200", ""},
		{"01.03.2025", ""},
		{"2025-13-01", ""},
		{"", ""},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := jsonl.ParseDate(tc.in)
			if tc.want == "" {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, got.UTC().Format(time.RFC3339))
		})
	}
}

// TestReader: blank lines are skipped, numbering counts them, a byte
// order mark is dropped, a line over the limit is Bad but keeps its id.
func TestReader(t *testing.T) {
	long := `{"id": "lang", "text": "` + strings.Repeat("x", 200) + `"}`
	in := "\xef\xbb\xbf{\"id\":1,\"text\":\"a\"}\r\n\n   \n" + long + "\n{\"id\":2,\"text\":\"b\"}"
	for _, r := range []io.Reader{strings.NewReader(in), iotest.OneByteReader(strings.NewReader(in))} {
		rd := jsonl.NewReader(r, 100)
		var got []string
		for x := range rd.All() {
			got = append(got, fmt.Sprintf("%d %s %q %v", x.Line, x.ID, x.Text, x.Bad != ""))
		}
		require.NoError(t, rd.Err())
		assert.Equal(t, []string{`1 1 "a" false`, `4 "lang" "" true`, `5 2 "b" false`}, got)
	}
	boom := errors.New("boom")
	rd := jsonl.NewReader(io.MultiReader(strings.NewReader("{\"text\":\"a\"}\n"), iotest.ErrReader(boom)), 100)
	n := 0
	for range rd.All() {
		n++
	}
	assert.Equal(t, 1, n)
	assert.ErrorIs(t, rd.Err(), boom)
}

// TestRun: every input gets its result, in input order; analysis errors
// and bad lines are results too.
func TestRun(t *testing.T) {
	a, err := analyze.New(analyze.WithWorkers(2))
	require.NoError(t, err)
	lines := []string{
		`{"id":"de","text":"` + article + `","date":"2025-03-01"}`,
		`{"id":"zh","text":"华为公司今天宣布，新一代人工智能芯片将于明年第一季度开始量产。"}`,
		`{"id":"bad","text":7}`,
		`{"id":"leer","text":""}`,
		`{"id":"seite","html":"<html><body><article><h1>Chips aus Dresden</h1><p>Die Bundesregierung fördert die Chipfertigung in Dresden mit mehreren Milliarden Euro. Der Konzern will dort ab 2027 fertigen.</p></article></body></html>","url":"https://example.org/chips"}`,
		`nicht JSON`,
	}
	var inputs []jsonl.Input
	for i, l := range lines {
		inputs = append(inputs, jsonl.Parse([]byte(l), i+1))
	}
	var got []jsonl.Result
	for r, err := range jsonl.Run(context.Background(), a, func(yield func(jsonl.Input) bool) {
		for _, in := range inputs {
			if !yield(in) {
				return
			}
		}
	}, 2) {
		require.NoError(t, err)
		got = append(got, r)
	}
	require.Len(t, got, len(lines))
	for i, r := range got {
		assert.Equal(t, i+1, r.Line)
	}
	require.NotNil(t, got[0].Document)
	assert.Equal(t, `"2025-03-01"`, string(got[0].Date))
	assert.Contains(t, got[1].Error, analyze.ErrUnsupportedLanguage.Error())
	assert.Contains(t, got[2].Error, jsonl.ErrBadLine.Error())
	require.NotNil(t, got[3].Document)
	assert.Equal(t, "", got[3].Document.Language)
	require.NotNil(t, got[4].Document, got[4].Error)
	assert.NotEmpty(t, got[4].Document.Text, "an HTML page's Document carries its extracted text")
	assert.Nil(t, got[5].ID)
	assert.Contains(t, got[5].Error, "malformed JSON")

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var last error
	for _, err := range jsonl.Run(ctx, a, func(yield func(jsonl.Input) bool) { yield(inputs[0]) }, 1) {
		last = err
	}
	assert.ErrorIs(t, last, context.Canceled)
}

// TestEncoder: a result is one line; --fields keeps the named Document
// fields in the Document's order; an unknown name is an error.
func TestEncoder(t *testing.T) {
	doc, err := analyze.Analyze(context.Background(), article)
	require.NoError(t, err)
	r := &jsonl.Result{ID: json.RawMessage(`"a1"`), Line: 1, Date: json.RawMessage(`"2025-03-01"`), Document: doc}
	var buf bytes.Buffer
	enc, err := jsonl.NewEncoder(&buf, nil)
	require.NoError(t, err)
	require.NoError(t, enc.Encode(r))
	require.NoError(t, enc.Encode(&jsonl.Result{Line: 2, Error: "kaputt"}))
	out := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, out, 2)
	assert.True(t, strings.HasPrefix(out[0], `{"id":"a1","line":1,"date":"2025-03-01","document":{"language":"de",`), out[0][:80])
	assert.Equal(t, `{"line":2,"error":"kaputt"}`, out[1])
	var back jsonl.Result
	require.NoError(t, json.Unmarshal([]byte(out[0]), &back))
	assert.Equal(t, doc.Entities, back.Document.Entities)

	buf.Reset()
	enc, err = jsonl.NewEncoder(&buf, []string{"themes", "language", "entities"})
	require.NoError(t, err)
	require.NoError(t, enc.Encode(r))
	var m map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(buf.Bytes(), &m))
	var d map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(m["document"], &d))
	assert.Len(t, d, 3)
	assert.True(t, strings.HasPrefix(string(m["document"]), `{"language":"de","entities":[`), string(m["document"])[:40])

	_, err = jsonl.NewEncoder(&buf, []string{"sentence"})
	assert.ErrorIs(t, err, jsonl.ErrUnknownField)
	assert.Contains(t, jsonl.DocumentFields(), "sentences")
}

// FuzzParse: any line parses without panic; a bad line wraps ErrBadLine;
// a good one has exactly one of text and html; an id is valid JSON.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`{"id":"a1","text":"Hallo"}`, `{"id": "a7", "text": "abgeschn`, `{"text":7}`, "\xef\xbb\xbf{}", `[`, `{"id":{"a":[1,2]},"html":"<p>","date":"2025-01-01"}`, "\xff"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		in := jsonl.Parse(b, 1)
		if in.Bad != "" {
			if !errors.Is(in.Err(), jsonl.ErrBadLine) {
				t.Fatalf("bad line error does not wrap ErrBadLine: %v", in.Err())
			}
			if in.Text != "" || in.HTML != "" {
				t.Fatal("a bad line carries a text")
			}
		}
		for _, raw := range []json.RawMessage{in.ID, in.Date} {
			if raw != nil && !json.Valid(raw) {
				t.Fatalf("not JSON: %q", raw)
			}
		}
	})
}

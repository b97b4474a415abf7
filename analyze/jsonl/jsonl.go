// Package jsonl is the JSON Lines format of techschau's batch runs: one
// article a line in, one result a line out. The CLI's batch command and
// the Apache Beam example both use it, so that they answer every input
// line the same way, byte for byte.
//
// # Input
//
// Each non-blank line is a JSON object:
//
//	{"id": "a1", "text": "Huawei baut …", "date": "2025-03-01"}
//
// Its fields:
//   - "id": any JSON value, kept as given (absent or null: no id);
//   - "text": the article, a string; or "html": an HTML page, a string
//     (exactly one of the two), whose main text package webpage extracts
//     and analyses (the Document then carries it as "text", with the
//     page's "meta"); "url", optional, says where the page came from;
//   - "date": the article's date, RFC 3339 ("2025-03-01T08:00:00+01:00"),
//     "YYYY-MM-DD" or RFC 1123 as RSS feeds write it ("Sat, 01 Mar 2025
//     08:00:00 +0100"); kept as given;
//   - any other field is ignored.
//
// A UTF-8 byte order mark before a line is dropped; so are blank lines.
//
// # Output
//
// Every non-blank input line gets exactly one output line, in input order
// (Run), so that a consumer can join output to input by id or by line
// number:
//
//	{"id": "a1", "line": 1, "date": "2025-03-01", "document": {…}}
//	{"id": "a2", "line": 2, "error": "analyze: unsupported language: Han script"}
//	{"line": 3, "error": "jsonl: bad line: malformed JSON at byte 17: …"}
//	{"id": "a4", "line": 4, "date": "gestern", "document": {…}, "warnings": ["date \"gestern\": want RFC 3339, YYYY-MM-DD or RFC 1123"]}
//
// "id" and "date" are copied from the input when it has them (the id also
// from a line whose JSON breaks after it); "line" is the 1-based input
// line number (absent when the caller does not know it). "document" is
// the analyze.Document; "error" says why there is none: a bad input line
// (errors.Is(err, ErrBadLine)), or an analysis error (analyze.ErrTooLarge,
// analyze.ErrNotText, analyze.ErrUnsupportedLanguage). "warnings" lists
// problems with optional fields, such as a date that does not parse; the
// line still gets its Document.
//
// # Memory
//
// Reader holds one line (at most its maximum) and Run at most 2×workers
// articles in flight, so memory is bounded by the workers and the largest
// article, whatever the length of the input.
package jsonl

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"time"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/analyze/webpage"
	"github.com/techschau/techschau/internal/lines"
	"github.com/techschau/techschau/internal/ordered"
)

// Sentinel errors; test with errors.Is.
var (
	// ErrBadLine marks an input line that cannot be analysed: not a JSON
	// object, no string "text" or "html", longer than the reader's limit.
	ErrBadLine = errors.New("jsonl: bad line")
)

// Input is one parsed input line.
type Input struct {
	// Line is the 1-based line number, 0 when unknown.
	Line int
	// ID and Date are the "id" and "date" values as given (compact JSON),
	// nil when absent or null.
	ID, Date json.RawMessage
	// Text is the article ("text"); HTML the page ("html") when IsHTML.
	Text, HTML string
	IsHTML     bool
	// URL is the "url" string where the line has one (for an HTML page:
	// where it was fetched from).
	URL string
	// Bad says why the line cannot be analysed, "" when it can (see Err).
	Bad string
	// Warnings are problems with optional fields (a date that does not
	// parse); the line is still analysed.
	Warnings []string
	// Size is the length of the line in bytes.
	Size int
}

// Err returns why the line cannot be analysed, wrapping ErrBadLine, or
// nil when it can.
func (in *Input) Err() error {
	if in.Bad == "" {
		return nil
	}
	return fmt.Errorf("%w: %s", ErrBadLine, in.Bad)
}

// field is a JSON value that records whether it was present and whether
// it was a string, decoding strings only.
type field struct {
	set, isString, isNull bool
	s                     string
	raw                   json.RawMessage // compact copy of a non-string value (id, date)
}

func (f *field) UnmarshalJSON(b []byte) error {
	f.set = true
	switch {
	case len(b) > 0 && b[0] == '"':
		f.isString = true
		return json.Unmarshal(b, &f.s)
	case string(b) == "null":
		f.isNull = true
		return nil
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return err
	}
	f.raw = buf.Bytes()
	return nil
}

// value returns the field as compact JSON, nil when absent or null.
func (f *field) value() json.RawMessage {
	switch {
	case !f.set || f.isNull:
		return nil
	case f.isString:
		b, _ := json.Marshal(f.s)
		return b
	}
	return f.raw
}

// describe names the JSON type of a present, non-string value.
func (f *field) describe() string {
	if f.isNull {
		return "null"
	}
	switch f.raw[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	}
	return "a number"
}

type inputFields struct {
	ID   field `json:"id"`
	Text field `json:"text"`
	HTML field `json:"html"`
	Date field `json:"date"`
	URL  field `json:"url"`
}

// bom is the UTF-8 byte order mark.
var bom = []byte("\xef\xbb\xbf")

// Blank reports whether b holds nothing but white space (and a byte
// order mark): such a line is no record and gets no output line.
func Blank(b []byte) bool {
	return len(bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(b), bom))) == 0
}

// Parse parses one input line; line is its 1-based number (0 when
// unknown). A byte order mark before the object is dropped. Parse never
// fails: a line that cannot be analysed has Err set, with the id where one
// can be read.
func Parse(b []byte, line int) Input {
	b = bytes.TrimPrefix(b, bom)
	in := Input{Line: line, Size: len(b)}
	var f inputFields
	if err := json.Unmarshal(b, &f); err != nil {
		in.ID = partialID(b)
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			in.Bad = fmt.Sprintf("malformed JSON at byte %d: %v", se.Offset, err)
		case errors.As(err, &te) && te.Field == "":
			in.Bad = "not a JSON object but " + te.Value
		default:
			in.Bad = err.Error()
		}
		return in
	}
	in.ID, in.Date = f.ID.value(), f.Date.value()
	if f.URL.isString {
		in.URL = f.URL.s
	}
	if f.Date.set && !f.Date.isNull {
		switch {
		case !f.Date.isString:
			in.Warnings = append(in.Warnings, fmt.Sprintf(`"date" is %s, not a string`, f.Date.describe()))
		case f.Date.s == "":
		default:
			if _, err := ParseDate(f.Date.s); err != nil {
				in.Warnings = append(in.Warnings, err.Error())
			}
		}
	}
	switch {
	case f.Text.set && f.HTML.set:
		in.Bad = `both "text" and "html": give one`
	case f.Text.set && !f.Text.isString:
		in.Bad = fmt.Sprintf(`"text" is %s, not a string`, f.Text.describe())
	case f.HTML.set && !f.HTML.isString:
		in.Bad = fmt.Sprintf(`"html" is %s, not a string`, f.HTML.describe())
	case f.Text.set:
		in.Text = f.Text.s
	case f.HTML.set:
		in.HTML, in.IsHTML = f.HTML.s, true
	default:
		in.Bad = `no "text" or "html" field`
	}
	return in
}

// partialID reads the "id" of a line whose JSON breaks after it: the
// members of the top-level object are read one by one until the error.
func partialID(b []byte) json.RawMessage {
	dec := json.NewDecoder(bytes.NewReader(b))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil
	}
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return nil
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil
		}
		if k == "id" {
			if string(v) == "null" {
				return nil
			}
			var buf bytes.Buffer
			if json.Compact(&buf, v) != nil {
				return nil
			}
			return buf.Bytes()
		}
	}
	return nil
}

// dateLayouts are the date forms an input line may carry.
var dateLayouts = []string{time.RFC3339, time.DateOnly, time.RFC1123Z, time.RFC1123}

// ParseDate parses the "date" of an input line: RFC 3339
// ("2025-03-01T08:00:00+01:00", fractions of a second allowed),
// "YYYY-MM-DD", or RFC 1123 as RSS feeds and e-mail write it
// ("Sat, 01 Mar 2025 08:00:00 +0100", or with a zone name).
func ParseDate(s string) (time.Time, error) {
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q: want RFC 3339, YYYY-MM-DD or RFC 1123", clip(s, 40))
}

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// Result is one output line; see the package documentation.
type Result struct {
	ID       json.RawMessage   `json:"id,omitempty"`
	Line     int               `json:"line,omitempty"`
	Date     json.RawMessage   `json:"date,omitempty"`
	Document *analyze.Document `json:"document,omitempty"`
	Error    string            `json:"error,omitempty"`
	Warnings []string          `json:"warnings,omitempty"`
}

// Analyze analyses one input line with a and returns its result line: the
// Document, or the reason there is none. An error of ctx is returned as
// the result's Error like any other; Run stops on it instead.
func Analyze(ctx context.Context, a *analyze.Analyzer, in Input) Result {
	r := Result{ID: in.ID, Line: in.Line, Date: in.Date, Warnings: in.Warnings}
	if err := in.Err(); err != nil {
		r.Error = err.Error()
		return r
	}
	var doc *analyze.Document
	var err error
	if in.IsHTML {
		doc, err = analyzeHTML(ctx, a, in.HTML, in.URL)
	} else {
		doc, err = a.Analyze(ctx, in.Text)
	}
	if err != nil {
		r.Error = err.Error()
		return r
	}
	r.Document = doc
	return r
}

// analyzeHTML analyses an HTML page fetched from pageURL ("" when
// unknown) with package webpage: its main text is extracted and analysed
// by a. The Document then carries that text and the page's meta; trends
// takes the page's date from there when the line has none.
func analyzeHTML(ctx context.Context, a *analyze.Analyzer, html, pageURL string) (*analyze.Document, error) {
	w, err := webpage.New(webpage.WithAnalyzer(a))
	if err != nil {
		return nil, err
	}
	return w.AnalyzeHTML(ctx, html, pageURL)
}

// Run analyses the inputs with a bounded pool of workers and yields their
// results in input order, at most 2×workers in flight. It stops when yield
// returns false or when ctx is done; it then yields ctx's error once (with
// a zero Result). The sequence is single-use.
func Run(ctx context.Context, a *analyze.Analyzer, inputs iter.Seq[Input], workers int) iter.Seq2[Result, error] {
	return ordered.Map(ctx, workers, inputs, func(ctx context.Context, in Input) (Result, error) {
		r := Analyze(ctx, a, in)
		if err := ctx.Err(); err != nil && r.Document == nil && in.Bad == "" {
			return Result{}, err
		}
		return r, nil
	})
}

// Reader reads input lines: it numbers them from 1, skips blank ones,
// drops a byte order mark and bounds the length of a line.
type Reader struct {
	lr  *lines.Reader
	err error
}

// NewReader returns a Reader on r that accepts lines of up to maxLine
// bytes; a longer one is skipped to its end and gives an Input that is Bad
// (with the id, when the line's first 4 KB hold it).
func NewReader(r io.Reader, maxLine int) *Reader {
	return &Reader{lr: lines.NewReader(r, maxLine)}
}

// Next returns the next non-blank line, parsed, or io.EOF at the end of
// the input. Any other error is a read error that ends the stream.
func (r *Reader) Next() (Input, error) {
	if r.err != nil {
		return Input{}, r.err
	}
	for {
		b, num, err := r.lr.Next()
		if err != nil {
			var le *lines.Error
			if errors.As(err, &le) {
				return Input{Line: le.Line, ID: partialID(bytes.TrimPrefix(le.Head, bom)), Bad: le.Err.Error()}, nil
			}
			r.err = err
			return Input{}, err
		}
		if Blank(b) {
			continue
		}
		return Parse(b, num), nil
	}
}

// All returns the remaining inputs of r as a sequence. A read error ends
// it; Err then returns it.
func (r *Reader) All() iter.Seq[Input] {
	return func(yield func(Input) bool) {
		for {
			in, err := r.Next()
			if err != nil || !yield(in) {
				return
			}
		}
	}
}

// Err returns the error that ended reading, nil at the end of the input.
func (r *Reader) Err() error {
	if errors.Is(r.err, io.EOF) {
		return nil
	}
	return r.err
}

package trends

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/entities"
)

// Errors of DecodeLine and AddLine.
var (
	// ErrMalformedLine: the line is not a `techschau batch` output line.
	ErrMalformedLine = errors.New("trends: malformed line")
	// ErrFailedLine: the line reports that its article could not be analysed
	// ({"id": …, "error": "…"}); it has no Document.
	ErrFailedLine = errors.New("trends: line without a document")
	// ErrBadDate: the line's date is neither RFC 3339 nor YYYY-MM-DD (or lies outside the
	// years 1 to 9999); the document is still usable, as undated.
	ErrBadDate = errors.New("trends: unusable date")
)

// Line is one line of `techschau batch` output as DecodeLine reads it.
type Line struct {
	// ID is the line's "id": a JSON string as it is, any other JSON value as its compact
	// JSON text ("42"), "" when absent or null.
	ID string
	// Date is the line's "date", or else the page date of an HTML Document
	// ("document"."meta"."date"); zero when there is none or it is unusable.
	Date time.Time
	// Document holds what an aggregate reads of the line's Document: the entities' ids,
	// names and types, and the themes' ids, labels, scores and actors. It is nil for a
	// line that reports an error.
	Document *analyze.Document
	// Error is the "error" of a line that has no Document.
	Error string
}

// lineJSON is a batch output line: {"id", "date", "document"} or {"id", "error"}
// ({"line", "error"} when the input line had no parsable id).
type lineJSON struct {
	ID       json.RawMessage `json:"id"`
	Date     json.RawMessage `json:"date"`
	Document *docJSON        `json:"document"`
	Error    *string         `json:"error"`
}

// docJSON is the part of a Document an aggregate reads; the rest of the line is skipped.
type docJSON struct {
	Entities []struct {
		ID   string `json:"id"`
		Name string `json:"name"`
		Type string `json:"type"`
	} `json:"entities"`
	Themes []struct {
		ID     string   `json:"id"`
		Label  string   `json:"label"`
		Score  float64  `json:"score"`
		Actors []string `json:"actors"`
	} `json:"themes"`
	Meta *struct {
		Date json.RawMessage `json:"date"`
	} `json:"meta"`
}

// DecodeLine reads one line of `techschau batch` output: {"id", "date", "document"} or
// {"id", "error"}. Fields it does not need are skipped, unknown fields are allowed.
//
// It returns an error wrapping ErrMalformedLine for a line that is not such an object
// (Line is then empty), ErrFailedLine for an error line (Line has its ID and Error), and
// ErrBadDate when the date is unusable (Line has everything else, with a zero Date).
func DecodeLine(line []byte) (Line, error) {
	var l lineJSON
	if err := json.Unmarshal(line, &l); err != nil {
		return Line{}, fmt.Errorf("%w: %v", ErrMalformedLine, err)
	}
	var out Line
	id, err := idString(l.ID)
	if err != nil {
		return Line{}, fmt.Errorf("%w: id: %v", ErrMalformedLine, err)
	}
	out.ID = id
	if l.Document == nil {
		if l.Error == nil {
			return Line{}, fmt.Errorf(`%w: neither "document" nor "error"`, ErrMalformedLine)
		}
		out.Error = *l.Error
		return out, fmt.Errorf("%w: %s", ErrFailedLine, out.Error)
	}
	out.Document = l.Document.document()
	date := l.Date
	if isAbsent(date) && l.Document.Meta != nil {
		date = l.Document.Meta.Date
	}
	if !isAbsent(date) {
		t, err := parseDate(date)
		if err != nil {
			return out, err
		}
		out.Date = t
	}
	return out, nil
}

// document turns the decoded fields into a Document with only those fields set.
func (d *docJSON) document() *analyze.Document {
	doc := &analyze.Document{Entities: make([]entities.Entity, len(d.Entities)), Themes: make([]analyze.Theme, len(d.Themes))}
	for i, e := range d.Entities {
		typ, err := entities.ParseType(e.Type)
		if err != nil {
			typ = entities.TypeUnknown
		}
		doc.Entities[i] = entities.Entity{ID: e.ID, Name: e.Name, Type: typ}
	}
	for i, t := range d.Themes {
		doc.Themes[i] = analyze.Theme{ID: t.ID, Label: t.Label, Score: t.Score, Actors: nonNil(t.Actors)}
	}
	return doc
}

func isAbsent(raw json.RawMessage) bool {
	raw = bytes.TrimSpace(raw)
	return len(raw) == 0 || bytes.Equal(raw, []byte("null")) || bytes.Equal(raw, []byte(`""`))
}

// idString returns a JSON string's value, or another value's compact JSON text.
func idString(raw json.RawMessage) (string, error) {
	if isAbsent(raw) {
		return "", nil
	}
	if raw[0] == '"' {
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return "", err
	}
	return buf.String(), nil
}

// parseDate reads a JSON string holding an RFC 3339 date-time or a YYYY-MM-DD date.
func parseDate(raw json.RawMessage) (time.Time, error) {
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return time.Time{}, fmt.Errorf("%w: %s is not a string", ErrBadDate, raw)
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		t, err = time.Parse(time.DateOnly, s)
	}
	if err != nil {
		return time.Time{}, fmt.Errorf("%w: %q: want RFC 3339 or YYYY-MM-DD", ErrBadDate, s)
	}
	if _, ok := validDay(t); !ok {
		return time.Time{}, fmt.Errorf("%w: %q: outside the years 1 to 9999", ErrBadDate, s)
	}
	return t, nil
}

// AddLine adds the document of one line of `techschau batch` output (see DecodeLine) and
// returns DecodeLine's error: nil or ErrBadDate (the document was added, undated in the
// second case), ErrFailedLine or ErrMalformedLine (nothing was added). A blank line adds
// nothing and returns nil. The techschau CLI and the Beam example both read batch output
// through AddLine, so that they count the same documents.
func (a *Aggregator) AddLine(line []byte) error {
	if len(bytes.TrimSpace(line)) == 0 {
		return nil
	}
	l, err := DecodeLine(line)
	if l.Document == nil {
		return err
	}
	a.Add(l.ID, l.Date, l.Document)
	return err
}

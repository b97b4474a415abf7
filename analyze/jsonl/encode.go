package jsonl

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"

	"github.com/techschau/techschau/analyze"
)

// ErrUnknownField is returned for a Document field name that does not
// exist.
var ErrUnknownField = errors.New("jsonl: unknown document field")

// DocumentFields returns the names of the top-level fields of a
// Document's JSON, in the order they are written.
func DocumentFields() []string {
	var out []string
	for _, f := range docFields() {
		out = append(out, f.name)
	}
	return out
}

type docField struct {
	name      string
	index     int
	omitEmpty bool
}

// docFields reads the JSON names of analyze.Document's fields from their
// tags, so that fields added to the Document need no change here.
func docFields() []docField {
	t := reflect.TypeFor[analyze.Document]()
	var out []docField
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		name, opts, _ := strings.Cut(tag, ",")
		if name == "-" && opts == "" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out = append(out, docField{name: name, index: i, omitEmpty: slices.Contains(strings.Split(opts, ","), "omitempty")})
	}
	return out
}

// fieldSet checks names against the Document's fields; nil or empty names
// give nil (every field).
func fieldSet(names []string) (map[string]bool, error) {
	if len(names) == 0 {
		return nil, nil
	}
	all := DocumentFields()
	keep := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		if !slices.Contains(all, n) {
			return nil, fmt.Errorf("%w %q (the fields are %s)", ErrUnknownField, n, strings.Join(all, ", "))
		}
		keep[n] = true
	}
	return keep, nil
}

// marshal encodes v as JSON without escaping <, > and & (the text of
// articles is not HTML-escaped), without a final newline.
func marshal(buf *bytes.Buffer, v any) error {
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // the newline Encode adds
	return nil
}

// MarshalDocument returns the JSON of d with only the named top-level
// fields (in the Document's order), or all of them when fields is empty.
// An unknown name is an error wrapping ErrUnknownField.
func MarshalDocument(d *analyze.Document, fields []string) ([]byte, error) {
	keep, err := fieldSet(fields)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := marshalDocument(&buf, d, keep); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func marshalDocument(buf *bytes.Buffer, d *analyze.Document, keep map[string]bool) error {
	if keep == nil {
		return marshal(buf, d)
	}
	v := reflect.ValueOf(d).Elem()
	buf.WriteByte('{')
	first := true
	for _, f := range docFields() {
		fv := v.Field(f.index)
		if !keep[f.name] || f.omitEmpty && fv.IsZero() {
			continue
		}
		if !first {
			buf.WriteByte(',')
		}
		first = false
		if err := marshal(buf, f.name); err != nil {
			return err
		}
		buf.WriteByte(':')
		if err := marshal(buf, fv.Interface()); err != nil {
			return err
		}
	}
	buf.WriteByte('}')
	return nil
}

// Encoder writes result lines.
type Encoder struct {
	w    io.Writer
	keep map[string]bool
	buf  bytes.Buffer
}

// NewEncoder returns an Encoder that writes to w. fields, when not empty,
// names the Document fields to write (see MarshalDocument; a pipeline
// that needs no sentence texts saves most of the output); an unknown name
// is an error wrapping ErrUnknownField.
func NewEncoder(w io.Writer, fields []string) (*Encoder, error) {
	keep, err := fieldSet(fields)
	if err != nil {
		return nil, err
	}
	return &Encoder{w: w, keep: keep}, nil
}

// resultLine is Result with the Document already encoded.
type resultLine struct {
	ID       json.RawMessage `json:"id,omitempty"`
	Line     int             `json:"line,omitempty"`
	Date     json.RawMessage `json:"date,omitempty"`
	Document json.RawMessage `json:"document,omitempty"`
	Error    string          `json:"error,omitempty"`
	Warnings []string        `json:"warnings,omitempty"`
}

// Marshal returns the JSON line of r, without the final newline. The
// bytes are valid until the next call.
func (e *Encoder) Marshal(r *Result) ([]byte, error) {
	e.buf.Reset()
	if e.keep == nil || r.Document == nil {
		if err := marshal(&e.buf, r); err != nil {
			return nil, err
		}
		return e.buf.Bytes(), nil
	}
	if err := marshalDocument(&e.buf, r.Document, e.keep); err != nil {
		return nil, err
	}
	doc := bytes.Clone(e.buf.Bytes())
	e.buf.Reset()
	l := resultLine{ID: r.ID, Line: r.Line, Date: r.Date, Document: doc, Error: r.Error, Warnings: r.Warnings}
	if err := marshal(&e.buf, &l); err != nil {
		return nil, err
	}
	return e.buf.Bytes(), nil
}

// Encode writes r as one line.
func (e *Encoder) Encode(r *Result) error {
	b, err := e.Marshal(r)
	if err != nil {
		return err
	}
	b = append(b, '\n')
	_, err = e.w.Write(b)
	if e.buf.Cap() > 4<<20 {
		e.buf = bytes.Buffer{} // keep no memory of an outsized document
	}
	return err
}

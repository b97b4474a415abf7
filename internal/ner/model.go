package ner

import (
	"io"
	"sync"
)

// Model is a trained sequence labeller. A Model is immutable after loading and
// safe for concurrent use.
type Model struct {
	placeholder bool
}

var defaultModel = sync.OnceValues(func() (*Model, error) { return &Model{placeholder: true}, nil })

// Default returns the embedded model, loaded once on first use.
func Default() (*Model, error) { return defaultModel() }

// Load reads a model written by WriteTo.
func Load(r io.Reader) (*Model, error) { return &Model{placeholder: true}, nil }

// WriteTo writes the model in its binary format.
func (m *Model) WriteTo(w io.Writer) (int64, error) { return 0, nil }

// Tag labels one sentence of words. hints may be nil; otherwise hints[i] belongs
// to words[i]. The labels are appended to out[:0] and returned.
func (m *Model) Tag(words []string, hints []Hint, out []Label) []Label {
	out = out[:0]
	for range words {
		out = append(out, O)
	}
	return out
}

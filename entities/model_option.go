package entities

import "github.com/techschau/techschau/internal/ner"

// WithModel makes the Recognizer use m as its statistical model instead of the
// embedded one (for evaluating freshly trained models; a nil m keeps the
// default). WithoutModel wins over it.
func WithModel(m *ner.Model) Option { return func(o *options) { o.model = m } }

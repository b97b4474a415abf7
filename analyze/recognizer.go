package analyze

import (
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// recognizer is the part of entities.Recognizer the pipeline uses.
type recognizer interface {
	RecognizeSegmented(seg *german.Segmented, use func(i int) bool) []entities.Entity
}

// newRecognizer builds the entity recognizer from the options.
// TEMPORARY: entities.Recognizer has not landed yet.
func newRecognizer(o *options) (recognizer, error) {
	return nil, nil
}

func isNilRec(r recognizer) bool { return r == nil }

package analyze

import (
	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/german"
)

// recognizer is the part of entities.Recognizer the pipeline uses.
type recognizer interface {
	RecognizeSegmented(seg *german.Segmented, use func(i int) bool) []entities.Entity
}

// newRecognizer builds the entity recognizer from the options; lexiconOnly
// leaves out rules and model (for English text, whose names the lexicon
// knows but whose grammar the German rules do not).
func newRecognizer(o *options, lexiconOnly bool) (recognizer, error) {
	var eo []entities.Option
	if lexiconOnly {
		eo = append(eo, entities.WithoutModel(), entities.WithoutRules())
	}
	if o.lexicon != nil {
		eo = append(eo, entities.WithLexicon(o.lexicon))
	}
	if o.extraLexicon != nil {
		eo = append(eo, entities.WithExtraLexicon(o.extraLexicon))
	}
	if o.noModel {
		eo = append(eo, entities.WithoutModel())
	}
	r, err := entities.New(eo...)
	if err != nil {
		return nil, err
	}
	return r, nil
}

package entities

import "github.com/techschau/techschau/internal/ner"

const (
	hintDerived = ner.HintDerived
	hintORG     = ner.HintORG
	hintPER     = ner.HintPER
	hintLOC     = ner.HintLOC
	hintFirst   = ner.HintFirstName
)

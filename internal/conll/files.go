package conll

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/techschau/techschau/internal/ner"
)

// TrainingFiles are the NER training corpora, relative to the shared data
// directory (../shared/data from the repository root), in training order.
// SmartData v3 is left out: it repeats v1.
var TrainingFiles = []string{
	"ner-train/smartdata/v1_train.spans.jsonl",
	"ner-train/smartdata/v1_test.spans.jsonl",
	"ner-train/europarl/de-europarl.test.conll02",
	"ner-train/europeana/enp_DE.lft.bio",
	"ner-train/europeana/enp_DE.onb.bio",
	"ner-train/europeana/enp_DE.sbb.bio",
}

// GermEvalDev is the GermEval 2014 dev file, relative to the shared data directory.
const GermEvalDev = "germeval2014/NER-de-dev.tsv"

// ReadFile reads a corpus file with the reader its name calls for: .jsonl
// SmartData, .bio Europeana, .tsv GermEval (FoldDrop), anything else CoNLL.
func ReadFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var ss []Sentence
	switch ext := filepath.Ext(path); {
	case ext == ".jsonl":
		ss, err = ReadSmartData(f)
	case ext == ".bio":
		ss, err = ReadEuropeana(f)
	case ext == ".tsv":
		ss, err = ReadGermEval(f, FoldDrop)
	default:
		ss, err = ReadCoNLL(f)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", strings.TrimPrefix(path, "./"), err)
	}
	return ss, nil
}

// Examples turns sentences into training examples (sharing their slices).
// noMISC marks a corpus that does not annotate MISC names (ner.Example.NoMISC);
// domain numbers the corpus (ner.Example.Domain).
func Examples(ss []Sentence, noMISC bool, domain uint8) []ner.Example {
	out := make([]ner.Example, 0, len(ss))
	for _, s := range ss {
		out = append(out, ner.Example{Words: s.Words, Labels: s.Labels, NoMISC: noMISC, Domain: domain})
	}
	return out
}

// Domain returns the domain number of a training file: 0 for GermEval (the
// target: news and encyclopedia text, as at run time), 1 SmartData, 2 Europarl,
// 3 Europeana.
func Domain(path string) uint8 {
	switch {
	case strings.Contains(path, "smartdata"):
		return 1
	case strings.Contains(path, "europarl"):
		return 2
	case strings.Contains(path, "europeana"):
		return 3
	}
	return 0
}

// AnnotatesMISC reports whether a training file annotates MISC names
// (Europarl and GermEval do; SmartData and Europeana do not).
func AnnotatesMISC(path string) bool {
	return strings.Contains(path, "europarl") || strings.HasSuffix(path, ".tsv")
}

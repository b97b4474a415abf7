package themefit

import (
	"errors"
	"fmt"
	"path/filepath"
)

// EvidenceLabel is one line of testdata/real/themes.evidence.jsonl: for
// each theme of a text, byte spans inside the sentences that carry it (the
// sentence that contains a span's start is evidence).
type EvidenceLabel struct {
	Set      string              `json:"set"`
	ID       string              `json:"id"`
	SHA1     string              `json:"sha1"`
	Evidence map[string][][2]int `json:"evidence"`
}

// ReadEvidence reads an evidence file.
func ReadEvidence(path string) ([]EvidenceLabel, error) {
	return readJSONL(path, func(l *EvidenceLabel) error {
		if l.ID == "" || l.Set == "" || l.SHA1 == "" {
			return errors.New("need set, id and sha1")
		}
		for th, spans := range l.Evidence {
			for _, sp := range spans {
				if sp[0] < 0 || sp[1] < sp[0] {
					return fmt.Errorf("%s: bad span %v", th, sp)
				}
			}
		}
		return nil
	})
}

// AttachEvidence sets the evidence of the examples that an evidence file
// names (same set, id and text SHA-1). It returns one line for each
// evidence label whose text is not among the examples or has changed.
func AttachEvidence(ex []Example, ev []EvidenceLabel, file string) []string {
	idx := map[string]int{}
	for i, e := range ex {
		idx[e.Set+"/"+e.ID] = i
	}
	var skipped []string
	for _, l := range ev {
		i, ok := idx[l.Set+"/"+l.ID]
		switch {
		case !ok:
			continue // a text of another label set
		case ex[i].SHA1 != l.SHA1:
			skipped = append(skipped, fmt.Sprintf("%s: %s/%s: text changed (sha1 differs)", filepath.Base(file), l.Set, l.ID))
			continue
		}
		for _, spans := range l.Evidence {
			for _, sp := range spans {
				if sp[1] > len(ex[i].Text) {
					skipped = append(skipped, fmt.Sprintf("%s: %s/%s: span %v past the text", filepath.Base(file), l.Set, l.ID, sp))
				}
			}
		}
		ex[i].Evidence = l.Evidence
	}
	return skipped
}

// IsEvidence reports whether the sentence [start, end) of the example is
// labelled evidence of theme; known is false when the example has no
// evidence for a theme its labels carry (nothing is known about its
// sentences).
func (e *Example) IsEvidence(theme string, start, end int) (is, known bool) {
	spans, ok := e.Evidence[theme]
	if !ok {
		return false, !e.HasTheme(theme)
	}
	for _, sp := range spans {
		if start <= sp[0] && sp[0] < end {
			return true, true
		}
	}
	return false, true
}

// HasTheme reports whether the example's labels carry theme.
func (e *Example) HasTheme(theme string) bool {
	for _, t := range e.Themes {
		if t == theme {
			return true
		}
	}
	return false
}

// EvidenceAgreement counts the listed gold themes of the test texts that
// have labelled evidence (n) and how often the first evidence sentence is
// labelled evidence: ordered by the split's sentence model (bySentence;
// 0 without one) and by cue density (byDensity), as the tagger orders
// evidence with and without a sentence model.
func (d *Dataset) EvidenceAgreement(splits [][]Split, probs [][][]float64, threshold float64) (bySentence, byDensity, n int) {
	for r, rep := range splits {
		for _, sp := range rep {
			for _, i := range sp.Test {
				doc := &d.Docs[i]
				for t, id := range d.Themes {
					p := probs[r][i][t]
					if p < threshold || !doc.HasTheme(id) || doc.Evidence[id] == nil {
						continue
					}
					n++
					sents := doc.Feats[t].Sentences
					bestP, bestD := -1, -1
					for j, st := range sents {
						if sp.Sentence != nil && (bestP < 0 || sp.Sentence.Prob(id, st.Values) > sp.Sentence.Prob(id, sents[bestP].Values)) {
							bestP = j
						}
						if bestD < 0 || st.Values[0] > sents[bestD].Values[0] {
							bestD = j
						}
					}
					if bestP >= 0 {
						if is, _ := doc.IsEvidence(id, sents[bestP].Start, sents[bestP].End); is {
							bySentence++
						}
					}
					if bestD >= 0 {
						if is, _ := doc.IsEvidence(id, sents[bestD].Start, sents[bestD].End); is {
							byDensity++
						}
					}
				}
			}
		}
	}
	return bySentence, byDensity, n
}

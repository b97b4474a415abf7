package ner

// Label is a BIO tag over the four model types PER, ORG, LOC and MISC.
// The zero value is O (outside any name).
type Label uint8

// The labels. B- begins a name, I- continues it.
const (
	O Label = iota
	BPER
	IPER
	BORG
	IORG
	BLOC
	ILOC
	BMISC
	IMISC
	numLabels = 9
)

// NumLabels is the number of labels (O plus B/I for four types).
const NumLabels = numLabels

var labelNames = [numLabels]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

var typeNames = [5]string{"", "PER", "ORG", "LOC", "MISC"}

// String returns the label as "O", "B-PER", "I-ORG" and so on; an invalid label gives "O".
func (l Label) String() string {
	if l >= numLabels {
		return "O"
	}
	return labelNames[l]
}

// IsBegin reports whether l is a B- label.
func (l Label) IsBegin() bool { return l != O && l < numLabels && l%2 == 1 }

// IsInside reports whether l is an I- label.
func (l Label) IsInside() bool { return l != O && l < numLabels && l%2 == 0 }

// Type returns the name type of l ("PER", "ORG", "LOC", "MISC"), or "" for O.
func (l Label) Type() string {
	if l == O || l >= numLabels {
		return ""
	}
	return typeNames[(l+1)/2]
}

// ParseLabel parses "O", "B-PER", "I-MISC" and so on. Types are PER, ORG, LOC,
// MISC; PRODUCT and OTH are read as MISC. It reports false for anything else.
func ParseLabel(s string) (Label, bool) {
	if s == "O" {
		return O, true
	}
	if len(s) < 3 || s[1] != '-' {
		return O, false
	}
	var off Label
	switch s[0] {
	case 'B':
		off = 0
	case 'I':
		off = 1
	default:
		return O, false
	}
	t, ok := TypeLabel(s[2:])
	if !ok {
		return O, false
	}
	return t + off, true
}

// TypeLabel returns the B- label of a type name: PER, ORG, LOC, MISC (PRODUCT and
// OTH fold into MISC).
func TypeLabel(typ string) (Label, bool) {
	switch typ {
	case "PER":
		return BPER, true
	case "ORG":
		return BORG, true
	case "LOC":
		return BLOC, true
	case "MISC", "OTH", "PRODUCT":
		return BMISC, true
	}
	return O, false
}

// Hint is a bit set of gazetteer facts about one token, computed by the caller
// (for example from the entities lexicon). The model learns how far to trust each bit.
type Hint uint8

// The hint bits.
const (
	HintPER       Hint = 1 << iota // the token is (part of) a known person name
	HintORG                        // the token is (part of) a known organisation
	HintLOC                        // the token is (part of) a known place
	HintProduct                    // the token is (part of) a known product
	HintMisc                       // the token is (part of) another known name
	HintFirstName                  // the token is a known first name
	HintDerived                    // the token is an adjective or demonym of a place ("chinesische")
)

// Span is a name found by the model: the token index span [Start, End) of one
// sentence and its type ("PER", "ORG", "LOC" or "MISC").
type Span struct {
	Start, End int
	Type       string
}

// Spans returns the names in a label sequence. An I- label that does not continue
// a name of its type starts a new one (the usual lenient BIO reading).
func Spans(labels []Label) []Span {
	var out []Span
	start := -1
	typ := ""
	for i, l := range labels {
		t := l.Type()
		if start >= 0 && (t == "" || l.IsBegin() || t != typ) {
			out = append(out, Span{Start: start, End: i, Type: typ})
			start = -1
		}
		if t != "" && start < 0 {
			start, typ = i, t
		}
	}
	if start >= 0 {
		out = append(out, Span{Start: start, End: len(labels), Type: typ})
	}
	return out
}

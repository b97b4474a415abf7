package entities

import (
	"errors"
	"fmt"
)

// Type is the type of an entity. The zero value is TypeUnknown.
type Type uint8

// Entity types. The names are those of DESIGN.md; GermEval's OTH parses as MISC.
const (
	TypeUnknown Type = iota // not a valid entity type
	ORG                     // organisation: company, lab, authority, university
	PER                     // person
	LOC                     // location: country, region, city
	PRODUCT                 // product: chip, model, platform, operating system, app
	MISC                    // anything else with a name (events, laws, standards)
)

var typeNames = [...]string{"", "ORG", "PER", "LOC", "PRODUCT", "MISC"}

// ErrUnknownType is returned by Type.UnmarshalText and ParseType for an unknown name.
var ErrUnknownType = errors.New("entities: unknown entity type")

// String returns "ORG", "PER", "LOC", "PRODUCT", "MISC", or "" for TypeUnknown
// and out-of-range values.
func (t Type) String() string {
	if int(t) < len(typeNames) {
		return typeNames[t]
	}
	return ""
}

// ParseType parses a type name: ORG, PER, LOC, PRODUCT, MISC, and OTH (as MISC).
// Matching is case-insensitive for ASCII.
func ParseType(s string) (Type, error) {
	var buf [8]byte
	if len(s) > len(buf) {
		return TypeUnknown, fmt.Errorf("%w: %q", ErrUnknownType, s)
	}
	n := copy(buf[:], s)
	for i := range n {
		if c := buf[i]; c >= 'a' && c <= 'z' {
			buf[i] = c - 'a' + 'A'
		}
	}
	switch string(buf[:n]) {
	case "ORG":
		return ORG, nil
	case "PER":
		return PER, nil
	case "LOC":
		return LOC, nil
	case "PRODUCT":
		return PRODUCT, nil
	case "MISC", "OTH":
		return MISC, nil
	}
	return TypeUnknown, fmt.Errorf("%w: %q", ErrUnknownType, s)
}

// MarshalText implements encoding.TextMarshaler. TypeUnknown marshals as "".
func (t Type) MarshalText() ([]byte, error) {
	if int(t) >= len(typeNames) {
		return nil, fmt.Errorf("%w: %d", ErrUnknownType, uint8(t))
	}
	return []byte(typeNames[t]), nil
}

// UnmarshalText implements encoding.TextUnmarshaler; see ParseType.
func (t *Type) UnmarshalText(b []byte) error {
	v, err := ParseType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}

// Mention is one occurrence of an entity in the text.
//
// Start and End are byte offsets [Start, End) into the caller's original text and
// text[Start:End] == Text. The span covers the name's own bytes: "Huawei" in
// "Huawei-Chips", "China" in "Chinas". Form is the whole token or tokens the name
// occurs in ("Huawei-Chips", "Chinas"). Derived is true for adjective and demonym
// forms ("chinesische" for China); their span is the whole word.
type Mention struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Form    string `json:"form"`
	Derived bool   `json:"derived"`
}

// Entity is an entity of a text with all its mentions, in text order.
//
// ID is a canonical lower-case slug: the lexicon id for lexicon entities, a slug of
// the name for entities found by rules or the model. Source says what found the
// entity first: "lexicon", "rule" or "model". Salience in [0,1] says how central the
// entity is to the text (frequency, position, role); Confidence in [0,1] how sure the
// recogniser is that this is an entity of this type.
type Entity struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Type       Type      `json:"type"`
	Wikidata   string    `json:"wikidata,omitempty"`
	Parent     string    `json:"parent,omitempty"`
	Country    string    `json:"country,omitempty"`
	Salience   float64   `json:"salience"`
	Confidence float64   `json:"confidence"`
	Source     string    `json:"source"`
	Mentions   []Mention `json:"mentions"`
}

// Sources of an entity.
const (
	SourceLexicon = "lexicon"
	SourceRule    = "rule"
	SourceModel   = "model"
)

package analyze

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/techschau/techschau/german"
)

// ErrBadThemes is wrapped by every error of LoadThemes; the error text names
// the file, the line where known, and the field.
var ErrBadThemes = errors.New("analyze: bad theme taxonomy")

// maxThemesBytes bounds what LoadThemes reads.
const maxThemesBytes = 16 << 20

//go:embed themes.json
var themesJSON []byte

var defaultThemes = sync.OnceValues(func() (*Taxonomy, error) {
	return LoadThemes(bytes.NewReader(themesJSON), "themes.json")
})

// DefaultThemes returns the embedded default taxonomy (the nine themes of
// DESIGN.md). It is loaded once and shared; it is immutable.
func DefaultThemes() (*Taxonomy, error) { return defaultThemes() }

// Taxonomy is a set of themes with their cues. It is immutable and safe for
// concurrent use; Merge returns a new Taxonomy.
type Taxonomy struct {
	name     string
	themes   []ThemeDef
	contexts map[string]Cues
}

// ThemeDef is one theme of a taxonomy as written in the JSON file:
//
//	{"id": "semiconductors", "label_de": "Halbleiter und Chips", "label_en": "Semiconductors",
//	 "definition": "…", "cues": {…}}
type ThemeDef struct {
	// ID is a lower-case slug of letters, digits and '_'.
	ID string `json:"id"`
	// LabelDE is the German label, used in Documents.
	LabelDE string `json:"label_de"`
	// LabelEN is the English label.
	LabelEN string `json:"label_en"`
	// Definition says when an article carries the theme.
	Definition string `json:"definition"`
	// Cues are the signals of the theme.
	Cues Cues `json:"cues"`
	// Requires names a context of the taxonomy (the "contexts" section,
	// e.g. "technology") that the article body must show for the theme to
	// be listed: a government ban on smoking is no state intervention in
	// technology. Empty: no requirement.
	Requires string `json:"requires,omitempty"`
	// Against names a context that speaks against the theme: a device
	// review naming its processor is no semiconductors story. The theme
	// model weighs how strongly the body shows it (feature "against").
	// Empty: none.
	Against string `json:"against,omitempty"`
}

// Cues are weighted signals of a theme; weights are in [-5, 5] (negative
// weights count against the theme: "unabhängig davon"). All cues are matched
// per sentence of the article body.
type Cues struct {
	// Stems are Snowball German stems (german.Stem) of a word or of a part
	// of a hyphenated compound: "abhang" matches Abhängigkeit, abhängig,
	// US-Abhängigkeit.
	Stems map[string]float64 `json:"stems,omitempty"`
	// Words are words in any form; they are stemmed at load time and then
	// act like Stems. A word with a hyphen ("KI-Verordnung") is matched
	// like a phrase of its parts.
	Words map[string]float64 `json:"words,omitempty"`
	// Forms are exact lower-case word forms, not stemmed ("unabhängigkeit"
	// but not "unabhängige"); a form with a hyphen acts like a phrase.
	Forms map[string]float64 `json:"forms,omitempty"`
	// Parts are stem fragments of closed compounds: they match when a
	// word's stem starts or ends with them ("chip" in Chipfertigung,
	// "engpass" in Lieferengpass). At least 4 bytes.
	Parts map[string]float64 `json:"parts,omitempty"`
	// Phrases are word sequences, matched stem by stem over consecutive
	// words (hyphen parts count as words: "US Technologie" matches
	// "US-Technologie"). Their weight adds to that of their words.
	Phrases map[string]float64 `json:"phrases,omitempty"`
	// Entities are entity ids (entities.Entity.ID): a mention in a sentence
	// counts as a cue.
	Entities map[string]float64 `json:"entities,omitempty"`
	// Pairs are pairs of country codes (or entity ids) of places named in
	// the same sentence, e.g. ["US", "CN"].
	Pairs []Pair `json:"pairs,omitempty"`
}

// Pair is a pair of places (country codes or entity ids of LOC entities)
// whose joint mention in a sentence is a cue, e.g. {"a": "US", "b": "CN"}.
// With names a theme or context whose cues must be in the same sentence
// too: {"a": "US", "b": "CN", "with": "semiconductors"} is a link of the
// USA, China and chips (or a chip maker).
type Pair struct {
	A      string  `json:"a"`
	B      string  `json:"b"`
	With   string  `json:"with,omitempty"`
	Weight float64 `json:"weight"`
}

type taxonomyJSON struct {
	Themes []ThemeDef `json:"themes"`
	// Contexts are named cue sets ("technology") that themes can require;
	// an article shows a context when the cue weights over its body
	// sentences sum to at least 2.
	Contexts map[string]Cues `json:"contexts,omitempty"`
}

// LoadThemes reads a taxonomy in JSON ({"themes": [ThemeDef...]}). name is
// used in error messages (usually the file name). Errors wrap ErrBadThemes
// and name the file, line and field.
func LoadThemes(r io.Reader, name string) (*Taxonomy, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxThemesBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %s: read: %v", ErrBadThemes, name, err)
	}
	if len(data) > maxThemesBytes {
		return nil, fmt.Errorf("%w: %s: larger than %d bytes", ErrBadThemes, name, maxThemesBytes)
	}
	themes, contexts, starts, err := decodeThemes(data, name)
	if err != nil {
		return nil, err
	}
	tj := taxonomyJSON{Themes: themes, Contexts: contexts}
	for _, cname := range sortedKeys(contexts) {
		c := contexts[cname]
		d := ThemeDef{ID: cname, Cues: c}
		if err := checkCues(&d); err != nil {
			return nil, fmt.Errorf("%w: %s: field \"contexts.%s.%s", ErrBadThemes, name, cname, err.Error()[len("cues."):])
		}
	}
	seen := map[string]bool{}
	for i := range tj.Themes {
		t := &tj.Themes[i]
		at := func(field string, format string, args ...any) error {
			ln := lineAt(data, starts[2*i]) // the line where the theme starts
			return fmt.Errorf("%w: %s:%d: field \"themes[%d].%s\": %s", ErrBadThemes, name, ln, i, field, fmt.Sprintf(format, args...))
		}
		if !isThemeID(t.ID) {
			return nil, at("id", "%q is not a lower-case slug", t.ID)
		}
		if seen[t.ID] {
			return nil, at("id", "duplicate id %q", t.ID)
		}
		seen[t.ID] = true
		if strings.TrimSpace(t.LabelDE) == "" {
			return nil, at("label_de", "empty")
		}
		if err := checkCues(t); err != nil {
			var ce *cueError
			if errors.As(err, &ce) {
				return nil, at(ce.field, "%s", ce.msg)
			}
			return nil, err
		}
		if t.Requires != "" {
			if _, ok := tj.Contexts[t.Requires]; !ok {
				return nil, at("requires", "no context %q in the \"contexts\" section", t.Requires)
			}
		}
		if t.Against != "" {
			if _, ok := tj.Contexts[t.Against]; !ok {
				return nil, at("against", "no context %q in the \"contexts\" section", t.Against)
			}
		}

	}
	return &Taxonomy{name: name, themes: tj.Themes, contexts: tj.Contexts}, nil
}

// cueError is a cue validation error: field relative to the theme.
type cueError struct{ field, msg string }

func (e *cueError) Error() string { return e.field + "\": " + e.msg }

// checkCues validates the cues of one theme or context.
func checkCues(t *ThemeDef) error {
	at := func(field string, format string, args ...any) error {
		return &cueError{field, fmt.Sprintf(format, args...)}
	}
	n := 0
	for _, m := range []struct {
		f string
		m map[string]float64
	}{{"stems", t.Cues.Stems}, {"words", t.Cues.Words}, {"forms", t.Cues.Forms}, {"parts", t.Cues.Parts}, {"phrases", t.Cues.Phrases}, {"entities", t.Cues.Entities}} {
		for _, k := range sortedKeys(m.m) {
			w := m.m[k]
			if strings.TrimSpace(k) == "" {
				return at("cues."+m.f, "empty cue")
			}
			if !(w >= -5 && w <= 5) || w == 0 {
				return at("cues."+m.f+"["+quote(k)+"]", "weight %v not in [-5,5]\\{0}", w)
			}
			if m.f == "parts" && len(k) < 4 {
				return at("cues.parts["+quote(k)+"]", "shorter than 4 bytes")
			}
			if (m.f == "stems" || m.f == "parts" || m.f == "forms") && k != german.Lower(k) {
				return at("cues."+m.f+"["+quote(k)+"]", "not lower case")
			}
			n++
		}
	}
	for j, p := range t.Cues.Pairs {
		if p.A == "" || p.B == "" || !(p.Weight >= -5 && p.Weight <= 5) || p.Weight == 0 {
			return at(fmt.Sprintf("cues.pairs[%d]", j), "need a, b and a weight in [-5,5]\\{0}")
		}
		n++
	}
	if n == 0 {
		return at("cues", "no cues")
	}
	return nil
}

func isThemeID(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func lineAt(data []byte, off int64) int {
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	if off < 0 {
		off = 0
	}
	return 1 + bytes.Count(data[:off], []byte{'\n'})
}

// fieldLine finds the line of the first key of field ("id",
// "cues.stems[...]" -> "stems") in the theme object starting at off (best
// effort; 0 when not found).
func fieldLine(data []byte, off, end int64, field string) int {
	key := field
	if i := strings.LastIndexByte(key, '.'); i >= 0 {
		key = key[i+1:]
	}
	if i := strings.IndexByte(key, '['); i >= 0 {
		key = key[:i]
	}
	if off < 0 || end > int64(len(data)) || off > end {
		return 0
	}
	k := bytes.Index(data[off:end], []byte(quote(key)))
	if k < 0 {
		return 0
	}
	return lineAt(data, off+int64(k))
}

// decodeThemes reads {"themes": [...]} element by element, so that every
// error carries the line of the theme it is in. It returns the themes and
// the byte offsets where each starts and ends (two per theme).
func decodeThemes(data []byte, name string) ([]ThemeDef, map[string]Cues, []int64, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	fail := func(off int64, format string, args ...any) error {
		return fmt.Errorf("%w: %s:%d: %s", ErrBadThemes, name, lineAt(data, off), fmt.Sprintf(format, args...))
	}
	syntax := func(err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fail(se.Offset, "syntax: %v", se)
		}
		return fail(dec.InputOffset(), "%v", err)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, nil, nil, syntax(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, nil, nil, fail(dec.InputOffset(), "want an object {\"themes\": [...]}")
	}
	var themes []ThemeDef
	var starts []int64
	var contexts map[string]Cues
	found := false
	for dec.More() {
		keyOff := dec.InputOffset()
		tok, err := dec.Token()
		if err != nil {
			return nil, nil, nil, syntax(err)
		}
		key, _ := tok.(string)
		if key == "contexts" {
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, nil, nil, syntax(err)
			}
			d2 := json.NewDecoder(bytes.NewReader(raw))
			d2.DisallowUnknownFields()
			if err := d2.Decode(&contexts); err != nil {
				return nil, nil, nil, fail(keyOff+1, "field \"contexts\": %v", err)
			}
			continue
		}
		if key != "themes" {
			return nil, nil, nil, fail(keyOff+1, "unknown field %q", key)
		}
		found = true
		tok, err = dec.Token()
		if err != nil {
			return nil, nil, nil, syntax(err)
		}
		if d, ok := tok.(json.Delim); !ok || d != '[' {
			return nil, nil, nil, fail(dec.InputOffset(), "field \"themes\": want an array")
		}
		for dec.More() {
			off := dec.InputOffset()
			// skip the separator and white space to the object itself
			for off < int64(len(data)) && (data[off] == ',' || data[off] == ' ' || data[off] == '\n' || data[off] == '\r' || data[off] == '\t') {
				off++
			}
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, nil, nil, syntax(err)
			}
			var t ThemeDef
			d2 := json.NewDecoder(bytes.NewReader(raw))
			d2.DisallowUnknownFields()
			if err := d2.Decode(&t); err != nil {
				var te *json.UnmarshalTypeError
				if errors.As(err, &te) {
					return nil, nil, nil, fail(off+te.Offset, "field \"themes[%d].%s\": want %s, got %s", len(themes), te.Field, te.Type, te.Value)
				}
				msg := err.Error()
				if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
					uf, _ := strconv.Unquote(f)
					ln := fieldLine(data, off, off+int64(len(raw)), uf)
					if ln == 0 {
						ln = lineAt(data, off)
					}
					return nil, nil, nil, fmt.Errorf("%w: %s:%d: field \"themes[%d].%s\": unknown field", ErrBadThemes, name, ln, len(themes), uf)
				}
				return nil, nil, nil, fail(off, "themes[%d]: %v", len(themes), err)
			}
			themes = append(themes, t)
			starts = append(starts, off, off+int64(len(raw)))
		}
		if _, err := dec.Token(); err != nil { // ]
			return nil, nil, nil, syntax(err)
		}
		if len(themes) == 0 {
			return nil, nil, nil, fail(keyOff+1, "field \"themes\": no themes")
		}
	}
	if _, err := dec.Token(); err != nil { // }
		return nil, nil, nil, syntax(err)
	}
	if !found {
		return nil, nil, nil, fail(0, "field \"themes\": missing")
	}
	if dec.More() {
		return nil, nil, nil, fail(dec.InputOffset(), "data after the taxonomy object")
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, nil, nil, fail(dec.InputOffset(), "data after the taxonomy object")
	}
	return themes, contexts, starts, nil
}

func sortedKeys[M ~map[string]V, V any](m M) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// Name returns the name the taxonomy was loaded under.
func (t *Taxonomy) Name() string { return t.name }

// Themes returns a copy of the theme definitions, in file order.
func (t *Taxonomy) Themes() []ThemeDef {
	out := make([]ThemeDef, len(t.themes))
	copy(out, t.themes)
	return out
}

// Lookup returns the theme with the given id.
func (t *Taxonomy) Lookup(id string) (ThemeDef, bool) {
	for _, d := range t.themes {
		if d.ID == id {
			return d, true
		}
	}
	return ThemeDef{}, false
}

// Merge returns a new Taxonomy with the themes of t and other; a theme of
// other replaces the theme of t with the same id, new ids are appended.
func (t *Taxonomy) Merge(other *Taxonomy) *Taxonomy {
	if other == nil {
		return t
	}
	out := &Taxonomy{name: t.name + "+" + other.name, themes: t.Themes(), contexts: map[string]Cues{}}
	for k, c := range t.contexts {
		out.contexts[k] = c
	}
	for k, c := range other.contexts {
		out.contexts[k] = c
	}
	for _, d := range other.themes {
		replaced := false
		for i := range out.themes {
			if out.themes[i].ID == d.ID {
				out.themes[i] = d
				replaced = true
			}
		}
		if !replaced {
			out.themes = append(out.themes, d)
		}
	}
	return out
}

package entities

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/techschau/techschau/german"
)

// ErrInvalidLexicon is wrapped by every error of LoadLexicon; test with errors.Is.
var ErrInvalidLexicon = errors.New("entities: invalid lexicon")

// maxLexiconBytes bounds what LoadLexicon reads (a guard against unbounded input).
const maxLexiconBytes = 256 << 20

// Entry is one lexicon entry: an entity with the names it goes by.
//
// The JSON field names are those of the lexicon format (see the package doc).
type Entry struct {
	// ID is the canonical id, a lower-case slug ("huawei", "huawei-ascend").
	ID string `json:"id"`
	// Name is the canonical name ("Huawei").
	Name string `json:"name"`
	// Type is the entity type.
	Type Type `json:"type"`
	// Aliases are other names of the entity ("Huawei Technologies"). The name is
	// always matched too.
	Aliases []string `json:"aliases,omitempty"`
	// Adjectives are derived adjective stems ("chinesisch"); they match the stem
	// followed by an adjective ending (chinesische, chinesischen, chinesischer …)
	// and make derived mentions.
	Adjectives []string `json:"adjectives,omitempty"`
	// Ambiguous lists those of Name and Aliases that are also common words or
	// otherwise need context ("Arm", "R2"): they match only with an exact case, as a
	// whole token, and only when the text also names the entity, its parent or a
	// child unambiguously, or when a context noun stands right before them.
	Ambiguous []string `json:"ambiguous,omitempty"`
	// Parent is the id of the owning entity (huawei-ascend -> huawei), optional.
	Parent string `json:"parent,omitempty"`
	// Country is an ISO 3166-1 alpha-2 code (or "EU"), optional.
	Country string `json:"country,omitempty"`
	// Wikidata is a Wikidata item id ("Q160120"), optional.
	Wikidata string `json:"wikidata,omitempty"`
}

// Lexicon is a validated, indexed set of entries. A Lexicon is immutable and safe
// for concurrent use; Merge returns a new Lexicon.
type Lexicon struct {
	name    string
	entries []Entry
	byID    map[string]int32
	pats    []pattern
	// index maps the lower-cased first word of every name and alias to patterns,
	// longest first.
	index map[string][]int32
	// lowerIdx holds the patterns of index whose first word does not start with
	// an upper-case letter (iPhone, eBay, 01.AI): the only ones a lower-case token
	// can match.
	lowerIdx map[string][]int32
	// adj maps lower-cased adjective stems to derived patterns.
	adj map[string][]int32
	// adjTail is a bit set over a hash of the last three bytes of the adjective
	// stems: a cheap filter before the map lookups.
	adjTail [1 << 13]byte
	// adjLast marks the last bytes of the keys of adj; adjHead is a bit set over
	// the first three bytes of the keys (headHash), adjShort says a key is
	// shorter than that.
	adjLast  [256]bool
	adjHead  [1 << 13]byte
	adjShort bool
	// adjMaxWord is the length of the longest adjective form (0: no adjectives)
	adjMaxWord int
	// lowerFirst marks the first bytes of the keys of lowerIdx.
	lowerFirst [256]bool
	// lowerKeys holds the keys of lowerIdx: a lower-case token ("man",
	// "ist", "die") can only start a name written in lower case, and most
	// such tokens are rejected by its filter without reading the index.
	lowerKeys wordTable
	// children maps an entry to the entries whose parent it is.
	children map[int32][]int32
	// maxAdj is the length of the longest adjective stem in bytes.
	maxAdj int
	// idx holds index and lowerIdx for the matcher, which hashes a token once:
	// its values index idxCands.
	idx      wordTable
	idxCands []idxCands
	// adjIdx maps the keys of adj to their first pattern.
	adjIdx wordTable
	// quick holds per pattern what the matcher tests before it reads the
	// pattern: a name starting with a common word ("Nvidia" starts 25) is
	// mostly rejected by its second word's first byte.
	quick []patQuick
}

// patQuick is the head of a pattern: its word count, case0, and the length
// and first byte of its second lower-cased word.
type patQuick struct {
	n, case0 int32
	len1     int32
	first1   byte
}

// idxCands are the patterns of one key of index (all) and of lowerIdx (lower).
type idxCands struct {
	all, lower []int32
}

// pattern is one name or alias of an entry, split into words.
type pattern struct {
	words     []string // the words as written in the lexicon
	lower     []string // lower-cased words
	entry     int32
	derived   bool // adjective stem
	ambiguous bool
	exactCase []bool // per word: must match with exact case (all-caps and ambiguous)
	lowerAdj  bool   // derived: the adjective is written in lower case ("chinesisch")
	// case0 numbers the distinct (words[0], derived, exactCase[0]): patterns
	// with equal case0 give equal caseOK(0, text), which the matcher tests once
	// for a run of them ("Nvidia" starts 25 names).
	case0 int32
}

type entryJSON struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Type       string   `json:"type"`
	Aliases    []string `json:"aliases"`
	Adjectives []string `json:"adjectives"`
	Ambiguous  []string `json:"ambiguous"`
	Parent     string   `json:"parent"`
	Country    string   `json:"country"`
	Wikidata   string   `json:"wikidata"`
}

// LoadLexicon reads a lexicon in the JSON format of the package doc. name names the
// source in error messages (a file name). Errors wrap ErrInvalidLexicon and name
// the source, the entry index and line, and the field.
func LoadLexicon(r io.Reader, name string) (*Lexicon, error) {
	if r == nil {
		return nil, fmt.Errorf("%w: %q: nil reader", ErrInvalidLexicon, name)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxLexiconBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%w: %q: read: %v", ErrInvalidLexicon, name, err)
	}
	if len(data) > maxLexiconBytes {
		return nil, fmt.Errorf("%w: %q: larger than %d bytes", ErrInvalidLexicon, name, maxLexiconBytes)
	}
	entries, err := parseLexicon(data, name)
	if err != nil {
		return nil, err
	}
	return newLexicon(name, entries), nil
}

// lineCounter returns lines of increasing offsets in linear total time.
type lineCounter struct {
	data []byte
	off  int64
	line int
}

func (c *lineCounter) at(off int64) int {
	for off < int64(len(c.data)) {
		ch := c.data[off]
		if ch != ' ' && ch != '\t' && ch != '\n' && ch != '\r' && ch != ',' {
			break
		}
		off++
	}
	if off < c.off {
		return lineAt(c.data, off)
	}
	c.line += bytes.Count(c.data[c.off:off], []byte{'\n'})
	c.off = off
	return c.line + 1
}

// lineAt returns the 1-based line of the value at or after offset off.
func lineAt(data []byte, off int64) int {
	if off < 0 {
		off = 0
	}
	if off > int64(len(data)) {
		off = int64(len(data))
	}
	// skip separators to the start of the value
	for off < int64(len(data)) {
		c := data[off]
		if c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' {
			break
		}
		off++
	}
	return bytes.Count(data[:off], []byte{'\n'}) + 1
}

func parseLexicon(data []byte, name string) ([]Entry, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("%w: %q: %s", ErrInvalidLexicon, name, fmt.Sprintf(format, args...))
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return nil, bad("line %d: %v", lineAt(data, dec.InputOffset()), err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, bad("line 1: want a JSON object with an \"entries\" array")
	}
	var entries []Entry
	seen := false
	ids := map[string]int{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, bad("line %d: %v", lineAt(data, dec.InputOffset()), err)
		}
		key, _ := kt.(string)
		if key != "entries" {
			var skip json.RawMessage
			if err := dec.Decode(&skip); err != nil {
				return nil, bad("line %d: field %q: %v", lineAt(data, dec.InputOffset()), key, err)
			}
			continue
		}
		if seen {
			return nil, bad("line %d: field \"entries\" given twice", lineAt(data, dec.InputOffset()))
		}
		seen = true
		at := dec.InputOffset()
		t, err := dec.Token()
		if err != nil {
			return nil, bad("line %d: field \"entries\": %v", lineAt(data, at), err)
		}
		if d, ok := t.(json.Delim); !ok || d != '[' {
			return nil, bad("line %d: field \"entries\": want an array", lineAt(data, at))
		}
		lc := lineCounter{data: data}
		for i := 0; dec.More(); i++ {
			line := lc.at(dec.InputOffset())
			var raw json.RawMessage
			if err := dec.Decode(&raw); err != nil {
				return nil, bad("entry %d (line %d): %v", i, line, err)
			}
			e, err := parseEntry(raw)
			if err != nil {
				return nil, bad("entry %d (line %d): %v", i, line, err)
			}
			if j, dup := ids[e.ID]; dup {
				return nil, bad("entry %d (line %d): field \"id\": duplicate id %q (entry %d)", i, line, e.ID, j)
			}
			ids[e.ID] = i
			entries = append(entries, e)
		}
		if _, err := dec.Token(); err != nil {
			return nil, bad("line %d: field \"entries\": %v", lineAt(data, dec.InputOffset()), err)
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, bad("line %d: %v", lineAt(data, dec.InputOffset()), err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, bad("line %d: data after the lexicon object", lineAt(data, dec.InputOffset()))
	}
	if !seen {
		return nil, bad("no \"entries\" array")
	}
	return entries, nil
}

func parseEntry(raw json.RawMessage) (Entry, error) {
	var j entryJSON
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&j); err != nil {
		return Entry{}, err
	}
	e := Entry{ID: j.ID, Name: strings.TrimSpace(j.Name), Parent: j.Parent, Country: j.Country, Wikidata: j.Wikidata}
	if !isSlug(j.ID) {
		return e, fmt.Errorf("field \"id\": %q is not a lower-case slug (a-z, 0-9, single hyphens)", j.ID)
	}
	if e.Name == "" || !utf8.ValidString(e.Name) {
		return e, errors.New("field \"name\": empty or not UTF-8")
	}
	t, err := ParseType(j.Type)
	if err != nil {
		return e, fmt.Errorf("field \"type\": %q: want ORG, PER, LOC, PRODUCT or MISC", j.Type)
	}
	e.Type = t
	for k, a := range j.Aliases {
		a = strings.TrimSpace(a)
		if a == "" || !utf8.ValidString(a) {
			return e, fmt.Errorf("field \"aliases\": alias %d empty or not UTF-8", k)
		}
		e.Aliases = append(e.Aliases, a)
	}
	for k, a := range j.Adjectives {
		a = strings.TrimSpace(a)
		if a == "" || !utf8.ValidString(a) || strings.ContainsAny(a, " \t\n") {
			return e, fmt.Errorf("field \"adjectives\": adjective %d empty, not UTF-8 or not one word", k)
		}
		e.Adjectives = append(e.Adjectives, a)
	}
	for k, a := range j.Ambiguous {
		a = strings.TrimSpace(a)
		if a != e.Name && !slices.Contains(e.Aliases, a) {
			return e, fmt.Errorf("field \"ambiguous\": %d: %q is neither the name nor an alias", k, a)
		}
		e.Ambiguous = append(e.Ambiguous, a)
	}
	if e.Parent != "" && (!isSlug(e.Parent) || e.Parent == e.ID) {
		return e, fmt.Errorf("field \"parent\": %q is not the slug of another entry", e.Parent)
	}
	if e.Country != "" && !(len(e.Country) == 2 && isUpperASCII(e.Country)) {
		return e, fmt.Errorf("field \"country\": %q: want an ISO 3166-1 alpha-2 code such as \"CN\"", e.Country)
	}
	if e.Wikidata != "" && !isQID(e.Wikidata) {
		return e, fmt.Errorf("field \"wikidata\": %q: want a QID such as \"Q160120\"", e.Wikidata)
	}
	return e, nil
}

func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == '-' && s[i-1] != '-':
		default:
			return false
		}
	}
	return true
}

func isUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func isQID(s string) bool {
	if len(s) < 2 || s[0] != 'Q' || s[1] == '0' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// Name returns the name the lexicon was loaded under (for a merge, the names joined by "+").
func (l *Lexicon) Name() string { return l.name }

// Len returns the number of entries.
func (l *Lexicon) Len() int { return len(l.entries) }

// Entries returns a copy of the entries, in load order.
func (l *Lexicon) Entries() []Entry {
	out := make([]Entry, len(l.entries))
	for i, e := range l.entries {
		e.Aliases = slices.Clone(e.Aliases)
		e.Adjectives = slices.Clone(e.Adjectives)
		e.Ambiguous = slices.Clone(e.Ambiguous)
		out[i] = e
	}
	return out
}

// Lookup returns the entry with the given id.
func (l *Lexicon) Lookup(id string) (Entry, bool) {
	i, ok := l.byID[id]
	if !ok {
		return Entry{}, false
	}
	e := l.entries[i]
	e.Aliases = slices.Clone(e.Aliases)
	e.Adjectives = slices.Clone(e.Adjectives)
	e.Ambiguous = slices.Clone(e.Ambiguous)
	return e, true
}

// Merge returns a new Lexicon with the entries of l and of other; an entry of other
// replaces the entry of l with the same id. Either may be nil.
func (l *Lexicon) Merge(other *Lexicon) *Lexicon {
	switch {
	case l == nil && other == nil:
		return newLexicon("", nil)
	case other == nil:
		return l
	case l == nil:
		return other
	}
	entries := slices.Clone(l.entries)
	for _, e := range other.entries {
		if i, ok := l.byID[e.ID]; ok {
			entries[i] = e
		} else {
			entries = append(entries, e)
		}
	}
	return newLexicon(l.name+"+"+other.name, entries)
}

func newLexicon(name string, entries []Entry) *Lexicon {
	l := &Lexicon{
		name:     name,
		entries:  entries,
		byID:     make(map[string]int32, len(entries)),
		index:    make(map[string][]int32, len(entries)*3),
		adj:      make(map[string][]int32),
		lowerIdx: make(map[string][]int32),
		children: make(map[int32][]int32),
	}
	var buf []byte
	for i, e := range entries {
		l.byID[e.ID] = int32(i)
		forms := append([]string{e.Name}, e.Aliases...)
		done := map[string]bool{}
		for _, f := range forms {
			if done[f] {
				continue
			}
			done[f] = true
			words := aliasWords(f)
			if len(words) == 0 || len(words) > 255 {
				continue
			}
			amb := slices.Contains(e.Ambiguous, f)
			p := pattern{words: words, entry: int32(i), ambiguous: amb}
			for _, w := range words {
				buf = german.AppendLower(buf[:0], w)
				p.lower = append(p.lower, string(buf))
				p.exactCase = append(p.exactCase, amb || isAllCaps(w))
			}
			l.pats = append(l.pats, p)
			k := p.lower[0]
			l.index[k] = append(l.index[k], int32(len(l.pats)-1))
		}
		for _, a := range e.Adjectives {
			buf = german.AppendLower(buf[:0], a)
			k := string(buf)
			if done["adj:"+k] {
				continue
			}
			done["adj:"+k] = true
			l.pats = append(l.pats, pattern{words: []string{a}, lower: []string{k}, entry: int32(i), derived: true, exactCase: []bool{false},
				lowerAdj: !isUpperRune(firstRune(a))})
			l.adj[k] = append(l.adj[k], int32(len(l.pats)-1))
			l.maxAdj = max(l.maxAdj, len(k))
			if len(k) >= 3 {
				h := headHash(k)
				l.adjHead[h>>3] |= 1 << (h & 7)
			} else {
				l.adjShort = true
			}
			if len(k) >= 2 {
				l.adjLast[k[len(k)-1]] = true
				h := tailHash(k)
				l.adjTail[h>>3] |= 1 << (h & 7)
			}
		}
	}
	if len(l.adj) > 0 {
		l.adjMaxWord = l.maxAdj + len(adjEndings[0])
	}
	l.addAdjectiveVariants()
	for k, v := range l.index {
		sort.SliceStable(v, func(a, b int) bool { return len(l.pats[v[a]].words) > len(l.pats[v[b]].words) })
		for _, pi := range v {
			if !isUpperRune(firstRune(l.pats[pi].words[0])) {
				l.lowerIdx[k] = append(l.lowerIdx[k], pi)
				l.lowerFirst[k[0]] = true
			}
		}
	}
	for i, e := range entries {
		if p, ok := l.byID[e.Parent]; ok {
			l.children[p] = append(l.children[p], int32(i))
		}
	}
	type caseKey struct {
		w              string
		derived, exact bool
	}
	classes := map[caseKey]int32{}
	for pi := range l.pats {
		p := &l.pats[pi]
		k := caseKey{p.words[0], p.derived, p.exactCase[0]}
		c, ok := classes[k]
		if !ok {
			c = int32(len(classes))
			classes[k] = c
		}
		p.case0 = c
	}
	l.quick = make([]patQuick, len(l.pats))
	for pi := range l.pats {
		p := &l.pats[pi]
		q := patQuick{n: int32(len(p.words)), case0: p.case0}
		if len(p.lower) > 1 && p.lower[1] != "" {
			q.len1, q.first1 = int32(len(p.lower[1])), p.lower[1][0]
		}
		l.quick[pi] = q
	}
	l.idx = newWordTable(len(l.index))
	l.idxCands = make([]idxCands, 0, len(l.index))
	for k, v := range l.index {
		l.idx.put(k, int32(len(l.idxCands)))
		l.idxCands = append(l.idxCands, idxCands{all: v, lower: l.lowerIdx[k]})
	}
	l.lowerKeys = newWordTable(len(l.lowerIdx))
	for k := range l.lowerIdx {
		l.lowerKeys.put(k, 0)
	}
	l.adjIdx = newWordTable(len(l.adj))
	for k, v := range l.adj {
		l.adjIdx.put(k, v[0])
	}
	return l
}

// aliasWords splits a name into the words the tokeniser makes of it.
func aliasWords(s string) []string {
	toks := german.Tokens(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.Text)
	}
	return out
}

// splitAlias splits a name into the words the tokeniser makes of it: runs of
// letters, digits and inner hyphens, dots and apostrophes; other punctuation is a
// word of its own.
func splitAlias(s string) []string {
	var out []string
	for _, f := range strings.Fields(s) {
		// split off leading and trailing punctuation (",", "(", ")", but keep a final
		// "." of an abbreviation such as "Inc." with its word)
		for f != "" {
			r, n := utf8.DecodeRuneInString(f)
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				break
			}
			out = append(out, f[:n])
			f = f[n:]
		}
		var tail []string
		for f != "" {
			r, n := utf8.DecodeLastRuneInString(f)
			if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' && len(f) > n {
				break
			}
			tail = append(tail, f[len(f)-n:])
			f = f[:len(f)-n]
		}
		if f != "" {
			out = append(out, f)
		}
		for k := len(tail) - 1; k >= 0; k-- {
			out = append(out, tail[k])
		}
	}
	return out
}

// isAllCaps reports whether w has at least two letters and no lower-case letter.
func isAllCaps(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 2
}

//go:embed lexicon/default.json
var defaultLexiconJSON []byte

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return LoadLexicon(bytes.NewReader(defaultLexiconJSON), "default.json")
})

// DefaultLexicon returns the embedded default lexicon, loaded once. The result is
// shared and immutable.
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// adjEnd are the adjective endings inflected in multi-word names.
var adjEnd = [...]string{"e", "en", "er", "es", "em"}

// adjStem returns the stem of an inflected adjective ("europäische" ->
// "europäisch", "deutschen" -> "deutsch"), or "" if w does not look like one.
func adjStem(lw string) string {
	for _, e := range [...]string{"en", "er", "es", "em", "e"} {
		if len(lw) > len(e)+3 && strings.HasSuffix(lw, e) {
			st := lw[:len(lw)-len(e)]
			if strings.HasSuffix(st, "isch") || strings.HasSuffix(st, "sch") || strings.HasSuffix(st, "lich") ||
				strings.HasSuffix(st, "ig") || strings.HasSuffix(st, "al") {
				return st
			}
		}
	}
	return ""
}

// addAdjectiveVariants adds the other inflections of the first adjective of
// every multi-word name: "Deutsche Telekom" also matches "Deutschen Telekom",
// "Europäisches Parlament" also "Europäischen Parlament".
func (l *Lexicon) addAdjectiveVariants() {
	n := len(l.pats)
	seen := map[string]bool{}
	for pi := range n {
		p := l.pats[pi]
		if len(p.words) < 2 || p.derived {
			continue
		}
		seen[strings.Join(p.lower, " ")] = true
	}
	for pi := range n {
		p := l.pats[pi]
		if len(p.words) < 2 || p.derived {
			continue
		}
		for k, lw := range p.lower {
			st := adjStem(lw)
			if st == "" || !isUpperRune(firstRune(p.words[k])) {
				continue
			}
			for _, e := range adjEnd {
				v := st + e
				if v == lw {
					continue
				}
				q := pattern{words: slices.Clone(p.words), lower: slices.Clone(p.lower), entry: p.entry,
					ambiguous: p.ambiguous, exactCase: p.exactCase}
				q.lower[k] = v
				key := strings.Join(q.lower, " ")
				if seen[key] {
					continue
				}
				seen[key] = true
				// keep the written first letter, inflect the rest
				w := p.words[k]
				r, sz := utf8.DecodeRuneInString(w)
				q.words[k] = string(r) + v[len(string(unicode.ToLower(r))):]
				_ = sz
				l.pats = append(l.pats, q)
				l.index[q.lower[0]] = append(l.index[q.lower[0]], int32(len(l.pats)-1))
			}
			break
		}
	}
}

// headHash hashes the first three bytes of s (at least three) to 16 bits.
func headHash[S string | []byte](s S) uint16 {
	h := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16
	h *= 0x9E3779B1
	return uint16(h >> 16)
}

// tailHash hashes the last three bytes of s (two if shorter) to 16 bits.
func tailHash[S string | []byte](s S) uint16 {
	n := len(s)
	h := uint32(s[n-1]) | uint32(s[n-2])<<8
	if n >= 3 {
		h |= uint32(s[n-3]) << 16
	}
	h *= 0x9E3779B1
	return uint16(h >> 16)
}

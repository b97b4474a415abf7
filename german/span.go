package german

import (
	"unicode"
	"unicode/utf8"
)

// Span is a byte range [Start, End) into a text. For a span s over text,
// s.In(text) == text[s.Start:s.End].
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the length of the span in bytes (0 for an empty or inverted span).
func (s Span) Len() int {
	if s.End < s.Start {
		return 0
	}
	return s.End - s.Start
}

// In returns src[s.Start:s.End], or "" when the span is out of range for src.
func (s Span) In(src string) string {
	if s.Start < 0 || s.End > len(src) || s.Start > s.End {
		return ""
	}
	return src[s.Start:s.End]
}

// MaxWordBytes is the longest Word or Number token in bytes; a longer one
// (a hostile "word" of a megabyte, a hyphen chain, a long digit run) has
// Kind KindUnknown.
const MaxWordBytes = 1 << 10

// Kind is the kind of a token. The zero value is KindUnknown.
type Kind uint8

// Token kinds.
const (
	// KindUnknown marks bytes that are neither text nor known punctuation or
	// symbols: invalid UTF-8 (one token per byte), control and format
	// characters, and runs of letters or digits longer than MaxWordBytes,
	// which no language has as words (they stay one token, opaque to the
	// stages that look words up).
	KindUnknown Kind = iota
	// Word is a word: letters, digits and marks, including hyphenated
	// compounds ("NVIDIA-Chips"), gender forms ("Ingenieur*innen"),
	// abbreviations with their period ("z.", "Dr.", "B.Sc.") and truncated
	// first parts ("Ein-" in "Ein- und Ausfuhr").
	Word
	// Number is a number: "2026", "3,5", "1.000", "12.04.2016", "10:30" and
	// ordinals with their period ("1." in "1. Mai").
	Number
	// Punct is punctuation: . , ; : ! ? quotes, brackets, dashes; runs of
	// terminal punctuation ("...", "?!") and "``", "''" are one token.
	Punct
	// Symbol is a symbol: € $ % & § + = and other Unicode symbols, and the
	// gender marker "(m/w/d)" (with its permutations and variants).
	Symbol
	// URL is a web address: "https://…", "www.…" or a bare domain with a
	// common top-level domain ("heise.de").
	URL
	// Email is an e-mail address.
	Email
	// Handle is a social-media handle "@name" or a hashtag "#name".
	Handle
)

var kindNames = [...]string{"Unknown", "Word", "Number", "Punct", "Symbol", "URL", "Email", "Handle"}

// String returns the name of the kind ("Word", "Number", …).
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "Kind(" + itoa(int(k)) + ")"
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// Token is a token of a text. Text is a substring of the original text
// (no copy): text[t.Start:t.End] == t.Text.
type Token struct {
	Start int    `json:"start"` // byte offset of the first byte in the original text
	End   int    `json:"end"`   // byte offset after the last byte
	Text  string `json:"text"`  // == text[Start:End]
	Kind  Kind   `json:"kind"`
}

// Span returns the token's byte span.
func (t Token) Span() Span { return Span{t.Start, t.End} }

// Parts returns the hyphen-separated parts of a compound word with absolute
// byte offsets: "NVIDIA-Chips" at 10 gives [10,16) and [17,22). A token
// without hyphen gives one part, the whole token. Empty parts (a trailing
// hyphen as in "Ein-") are left out. Hyphens are '-', U+2010 and U+2011.
func (t Token) Parts() []Span {
	s := t.Text
	var parts []Span
	start := 0
	for i := 0; i < len(s); {
		w := hyphenAt(s, i)
		if w == 0 {
			i++
			continue
		}
		if i > start {
			parts = append(parts, Span{t.Start + start, t.Start + i})
		}
		i += w
		start = i
	}
	if len(s) > start {
		parts = append(parts, Span{t.Start + start, t.Start + len(s)})
	}
	if parts == nil {
		parts = []Span{t.Span()}
	}
	return parts
}

// hyphenAt returns the byte width of a hyphen at s[i] or 0.
func hyphenAt(s string, i int) int {
	if s[i] == '-' {
		return 1
	}
	if s[i] == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x90 || s[i+2] == 0x91) {
		return 3
	}
	return 0
}

// IsUpper reports whether the token's first rune is an upper-case letter.
func (t Token) IsUpper() bool {
	if t.Text == "" {
		return false
	}
	c := t.Text[0]
	if c < utf8.RuneSelf {
		return 'A' <= c && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(t.Text)
	return unicode.IsUpper(r)
}

// MarshalText encodes the kind as its name ("Word"), so that tokens read
// well as JSON.
func (k Kind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// UnmarshalText decodes a kind name written by MarshalText; an unknown name
// decodes as KindUnknown.
func (k *Kind) UnmarshalText(b []byte) error {
	*k = KindUnknown
	for i, n := range kindNames {
		if n == string(b) {
			*k = Kind(i)
		}
	}
	return nil
}

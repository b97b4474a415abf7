package german

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const gnadPath = "../../shared/data/10kgnad/dev.csv"

// gnadTexts returns the article texts of the 10kGNAD dev file (nil when
// absent). The CSV is read simply: label;text or label;'text' with ”.
func gnadTexts(t testing.TB) []string {
	b, err := os.ReadFile(gnadPath)
	if err != nil {
		return nil
	}
	var out []string
	var rec strings.Builder
	sc := bufio.NewScanner(strings.NewReader(string(b)))
	sc.Buffer(nil, 1<<22)
	for sc.Scan() {
		rec.WriteString(sc.Text())
		r := rec.String()
		_, txt, _ := strings.Cut(r, ";")
		if strings.HasPrefix(txt, "'") && strings.Count(txt, "'")%2 == 1 {
			rec.WriteString("\n")
			continue
		}
		rec.Reset()
		txt = strings.TrimSuffix(txt, "\r")
		if strings.HasPrefix(txt, "'") && len(txt) >= 2 {
			txt = strings.ReplaceAll(txt[1:len(txt)-1], "''", "'")
		}
		out = append(out, txt)
	}
	require.NoError(t, sc.Err())
	return out
}

// checkInvariants asserts the offset invariants of Tokens, Sentences and
// Segment on text and reports the first violation.
func checkInvariants(t testing.TB, text string) {
	t.Helper()
	toks := Tokens(text)
	valid := utf8.ValidString(text)
	prev := 0
	for i, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("token %d %+v: bad span (prev end %d) in %q", i, tk, prev, text)
		}
		// the gap before the token is white space only
		for _, r := range text[prev:tk.Start] {
			if !unicode.IsSpace(r) {
				t.Fatalf("non-space %q outside tokens before %+v in %q", r, tk, text)
			}
		}
		if valid && !utf8.ValidString(tk.Text) {
			t.Fatalf("token %+v splits a rune in %q", tk, text)
		}
		prev = tk.End
	}
	for _, r := range text[prev:] {
		if !unicode.IsSpace(r) {
			t.Fatalf("non-space %q after the last token in %q", r, text)
		}
	}
	spans := Sentences(text)
	seg := Segment(text)
	if len(seg.Sentences) != len(spans) {
		t.Fatalf("Segment %d sentences, Sentences %d in %q", len(seg.Sentences), len(spans), text)
	}
	k := 0
	prev = 0
	for i, s := range seg.Sentences {
		if s.Span != spans[i] {
			t.Fatalf("sentence %d: Segment %v, Sentences %v in %q", i, s.Span, spans[i], text)
		}
		if s.Start < prev || s.End <= s.Start || s.End > len(text) {
			t.Fatalf("sentence %d %v: bad span (prev end %d) in %q", i, s.Span, prev, text)
		}
		if len(s.Tokens) == 0 || s.Tokens[0].Start != s.Start || s.Tokens[len(s.Tokens)-1].End != s.End {
			t.Fatalf("sentence %d %v: tokens do not match the trimmed span in %q", i, s.Span, text)
		}
		for _, tk := range s.Tokens {
			if k >= len(toks) || tk != toks[k] {
				t.Fatalf("sentence %d: token %+v differs from Tokens in %q", i, tk, text)
			}
			k++
		}
		prev = s.End
	}
	if k != len(toks) {
		t.Fatalf("Segment holds %d tokens, Tokens %d in %q", k, len(toks), text)
	}
	// SegmentInto over the memory of another text
	reused := SegmentInto(Segment("Vorher stand hier ein anderer Text. Er hatte zwei Sätze."), text)
	if !slices.Equal(reused.Tokens(), seg.Tokens()) || len(reused.Sentences) != len(seg.Sentences) {
		t.Fatalf("SegmentInto over another text differs from Segment in %q", text)
	}
	for i := range seg.Sentences {
		if reused.Sentences[i].Span != seg.Sentences[i].Span || reused.Sentences[i].Line != seg.Sentences[i].Line ||
			!slices.Equal(reused.Sentences[i].Tokens, seg.Sentences[i].Tokens) {
			t.Fatalf("SegmentInto sentence %d differs from Segment's in %q", i, text)
		}
	}
	i := 0
	for s := range SegmentSeq(text) {
		if i >= len(seg.Sentences) || s.Span != seg.Sentences[i].Span || s.Line != seg.Sentences[i].Line ||
			!slices.Equal(s.Tokens, seg.Sentences[i].Tokens) {
			t.Fatalf("SegmentSeq sentence %d %+v differs from Segment's in %q", i, s, text)
		}
		i++
	}
	if i != len(seg.Sentences) {
		t.Fatalf("SegmentSeq %d sentences, Segment %d in %q", i, len(seg.Sentences), text)
	}
}

var edgeCases = []string{
	"", " ", "\n\n", ".", "...", "…", "a", "z. B.", "1.", "1. ", "3,", ",5", "1.000.", "12.04.",
	"Ein-", "Ein- ", "-", "--", "- - -", "@", "#", "@x", "#1", "(m/w", "(m/w/d", "(m/w/d)", "(m/)",
	"www.", "http://", "https://x", "a@b", "a@b.", "a@b.cd", "x.y.", "B.Sc", "B.S.c.d.e.",
	":-)", ";-", ":", "Ingenieur*", "Ingenieur*in", "Ingenieur*innen*innen", "a'", "'a", "a''b",
	"„", "“", "»«", "\xff", "\xc3", "\xe2\x80", "a\xe2\x80\x93b", "\u00ad", "\u200b", "a\u0308",
	"\u0308a", "\r", "\r\n\r\n", "\u2028\u2029", "A.\u00a0B.", "Dr.", "Dr. ", "usw. X", "1.\n\nMai",
	"Das ist 2016.", "Ende.“ „Anfang", "[…]", "(...)", "?!?!", "x\x00y", "AT&T", "&T", "A&",
	"Rock'n'Roll", "geht’s", "’s", "1:0", "10:", "3D-Drucker", "5G", "R2.", "heise.de", "a.de.",
}

func TestInvariantsEdgeCases(t *testing.T) {
	for _, s := range edgeCases {
		checkInvariants(t, s)
		checkInvariants(t, s+" "+s)
		checkInvariants(t, "Satz. "+s+" Wort")
	}
}

func TestInvariantsCorpora(t *testing.T) {
	texts := gnadTexts(t)
	if b, err := os.ReadFile(seedPath); err == nil {
		texts = append(texts, string(b))
	}
	if b, err := os.ReadFile(udDevPath); err == nil {
		texts = append(texts, strings.Join(readUDText(t, udDevPath), " "), string(b))
	}
	if len(texts) == 0 {
		t.Skip("corpora not found: " + gnadPath + ", " + seedPath + ", " + udDevPath)
	}
	for _, text := range texts {
		checkInvariants(t, text)
	}
}

func TestSentencesDeterministic(t *testing.T) {
	text := "Die KI-Firma DeepSeek verschiebt R2. Der Grund: Huawei-Chips!\nStellenangebote"
	assert.Equal(t, Sentences(text), Sentences(text))
	assert.Equal(t, Segment(text), Segment(text))
}

func TestAllocations(t *testing.T) {
	text := "Die chinesische KI-Firma DeepSeek hat den Start ihres Modells R2 verschoben. Am 1. Mai kostet es z. B. 3,5 Mrd. Euro!\n\nStellenangebote\n- Projektmanager (m/w/d)"
	assert.Equal(t, 1.0, testing.AllocsPerRun(50, func() { _ = Tokens(text) }), "Tokens: one slice")
	assert.LessOrEqual(t, testing.AllocsPerRun(50, func() { _ = Segment(text) }), 3.0, "Segment: tokens, sentences, result")
	assert.LessOrEqual(t, testing.AllocsPerRun(50, func() { _ = Sentences(text) }), 2.0, "Sentences: buffer and spans")
	assert.Zero(t, testing.AllocsPerRun(50, func() {
		for range AllTokens(text) {
		}
	}), "AllTokens")
}

// TestNoQuadraticLookahead guards the bounded lookaheads (dotted
// abbreviations, e-mail, bare domains): repeated patterns must scan in
// linear time, also under the race detector. It compares the CPU time of one
// pass over an input with that of 16 passes over a sixteenth of it: linear
// scanning costs about the same (up to 2–3× when the larger input leaves the
// CPU caches), quadratic scanning 16×. Equal amounts of work, and the best of
// five timings, keep the timer's resolution and a loaded machine from
// deciding the outcome.
func TestNoQuadraticLookahead(t *testing.T) {
	cost := func(s string, passes int) float64 {
		best := 0.0
		for i := range 5 {
			start := cpuSeconds()
			for range passes {
				// the iterators scan as Tokens, Sentences and Segment do,
				// without the result slices whose fresh pages would cost
				// the large input more per byte
				for range AllTokens(s) {
				}
				for range AllSentences(s) {
				}
				_ = Normalize(s)
			}
			if d := cpuSeconds() - start; i == 0 || d < best {
				best = d
			}
		}
		return best
	}
	for _, p := range []string{"a.b", "ab.", "a@", "@a", "a.b@", "a-b.", "a.b.c@d", "x.de.", "1.2", "a*in", "(m/", "a(bc)", "\xff", "„", "A.B.", "1. ", "Dr. ", "www.a"} {
		small, large := strings.Repeat(p, 2500), strings.Repeat(p, 40000)
		checkInvariants(t, small)
		_ = Segment(large) // Segment too must get through the large input
		cs, cl := cost(small, 16), cost(large, 1)
		if cl < 0.001 { // too fast to be quadratic, and too short to time reliably
			continue
		}
		assert.Less(t, cl, 6*max(cs, 0.0005), "%q repeated: %.3fs for one pass over 16× the input, %.3fs for 16 passes over the small one", p, cl, cs)
	}
}

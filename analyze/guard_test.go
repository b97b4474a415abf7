package analyze_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/hostile"
)

// TestGuardOtherLanguages: texts of 100-600 bytes in other languages are
// refused with ErrUnsupportedLanguage; the message names the script of
// those not written in Latin letters.
func TestGuardOtherLanguages(t *testing.T) {
	a := newAnalyzer(t)
	scriptOf := map[string]string{"zh": "Han", "ja": "(Han|Hiragana|Katakana) script", "ru": "Cyrillic", "ar": "Arabic", "ko": "Hangul",
		"el": "Greek", "he": "Hebrew", "hi": "Devanagari"}
	for _, code := range hostile.Languages() {
		for n := 100; n <= 600; n += 100 {
			t.Run(fmt.Sprintf("%s/%d", code, n), func(t *testing.T) {
				text := hostile.Foreign(code, n)
				d, err := a.Analyze(context.Background(), text)
				require.ErrorIs(t, err, analyze.ErrUnsupportedLanguage, "%q", text)
				assert.Nil(t, d)
				if s, ok := scriptOf[code]; ok {
					assert.Regexp(t, s, err.Error())
				}
			})
		}
	}
}

// TestGuardGermanAndEnglish: short German texts of five words or more,
// some without any function word, are German; English ones of five words
// or more are English.
func TestGuardGermanAndEnglish(t *testing.T) {
	a := newAnalyzer(t)
	tests := []struct{ text, want string }{
		{"Huawei Ascend", "de"}, // too short to tell: German
		{"Lech Wałęsa besucht heute Berlin.", "de"},
		{"Łódź und Gdańsk sind Partnerstädte.", "de"},
		{"Los Angeles meldet erneut Rekordhitze.", "de"},
		{"The chips are late again.", "en"},
	}
	for _, s := range hostile.GermanShort() {
		tests = append(tests, struct{ text, want string }{s, "de"})
	}
	for n := 100; n <= 600; n += 100 {
		tests = append(tests, struct{ text, want string }{hostile.English(n), "en"})
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			d, err := a.Analyze(context.Background(), tc.text)
			require.NoError(t, err)
			assert.Equal(t, tc.want, d.Language)
		})
	}
}

// TestGuardRealGerman: every 10kGNAD dev article, and the first five words
// of each, are German; so are at least 99% of the UD German GSD dev
// sentences of five words or more.
func TestGuardRealGerman(t *testing.T) {
	a := newAnalyzer(t)
	ctx := context.Background()
	for _, text := range corpusTexts(t) {
		d, err := a.Analyze(ctx, text)
		require.NoError(t, err)
		assert.Equal(t, "de", d.Language)
		if f := strings.Fields(text); len(f) >= 5 {
			p := strings.Join(f[:5], " ")
			d, err := a.Analyze(ctx, p)
			require.NoError(t, err, p)
			assert.Equal(t, "de", d.Language, p)
		}
	}
	const udPath = "../../shared/data/ud-german-gsd/de_gsd-ud-dev.conllu"
	if _, err := os.Stat(udPath); err != nil {
		t.Skipf("UD German GSD: %s not found", udPath)
	}
	ud, err := corpus.ReadCoNLLUFile(udPath)
	require.NoError(t, err)
	n, de := 0, 0
	for _, s := range ud {
		if len(strings.Fields(s.Text)) < 5 {
			continue
		}
		n++
		if d, err := a.Analyze(ctx, s.Text); err == nil && d.Language == "de" {
			de++
		} else {
			t.Logf("not German: %q (%v)", s.Text, err)
		}
	}
	t.Logf("UD German GSD dev, sentences of 5+ words: %d of %d German", de, n)
	assert.GreaterOrEqual(t, float64(de), 0.99*float64(n))
}

// TestNotText: binary data gives ErrNotText with a reason; text in a
// legacy encoding (Latin-1 umlauts) and text with a few stray invalid
// bytes does not.
func TestNotText(t *testing.T) {
	a := newAnalyzer(t)
	r := rand.New(rand.NewPCG(1, 2))
	random := make([]byte, 4096)
	for i := range random {
		random[i] = byte(r.Uint32())
		if random[i] == 0 {
			random[i] = 1 // no NUL: the share of bad bytes decides
		}
	}
	german := "Die Bundesregierung fördert die Chipfertigung in Dresden mit Milliarden. "
	// a long text is sampled: its start and windows spread over the rest
	binaryTail := strings.Repeat(german, (400<<10)/len(german)) + strings.Repeat(string(random), 150)
	tests := []struct {
		name, text string
		want       error
		why        string
	}{
		{"random bytes", string(random), analyze.ErrNotText, "invalid UTF-8"},
		{"random bytes, short", string(random[:16]), analyze.ErrNotText, ""},
		{"PDF", "%PDF-1.7\n" + german, analyze.ErrNotText, "PDF"},
		{"PNG", "\x89PNG\r\n\x1a\n" + german, analyze.ErrNotText, "PNG"},
		{"ZIP", "PK\x03\x04" + german, analyze.ErrNotText, "ZIP"},
		{"gzip", "\x1f\x8b\x08" + german, analyze.ErrNotText, "gzip"},
		{"UTF-16", "\xff\xfeD\x00i\x00e\x00", analyze.ErrNotText, "UTF-16"},
		{"NUL byte", german + "\x00" + german, analyze.ErrNotText, fmt.Sprintf("offset %d", len(german))},
		{"control characters", strings.Repeat("Chips\x01\x02\x03\x04", 20), analyze.ErrNotText, "control"},
		{"German, then 600 KB of binary", binaryTail, analyze.ErrNotText, "invalid UTF-8"},
		{"Latin-1 umlauts", strings.ReplaceAll(german, "ö", "\xf6"), nil, ""},
		{"8 MB of German with stray bytes", strings.Repeat(german+"\xff", (8<<20)/(len(german)+1)), nil, ""},
		{"stray invalid bytes", german + "\xff\xfe" + german, nil, ""},
		{"a word that starts like RIFF", "RIFF und Melodie: " + german, nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := a.Analyze(context.Background(), tc.text)
			if tc.want == nil {
				require.NoError(t, err)
				assert.Equal(t, "de", d.Language)
				return
			}
			require.ErrorIs(t, err, tc.want)
			assert.NotErrorIs(t, err, analyze.ErrUnsupportedLanguage)
			assert.Contains(t, err.Error(), tc.why)
		})
	}
}

// TestBlankInput: empty input and input of nothing but white space give
// the same answer: an empty Document with language "".
func TestBlankInput(t *testing.T) {
	a := newAnalyzer(t)
	for _, text := range []string{"", " ", "\n\n\t\r\n", "\u00a0", "\u3000\u2003", "\ufeff", "\u200b \n"} {
		t.Run(fmt.Sprintf("%q", text), func(t *testing.T) {
			d, err := a.Analyze(context.Background(), text)
			require.NoError(t, err)
			assert.Empty(t, d.Language)
			assert.Empty(t, d.Sentences)
			assert.NotNil(t, d.Sentences)
		})
	}
}

package german

import (
	"bufio"
	"os"
	"os/exec"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	snowballVoc    = "../../shared/data/snowball-german/voc.txt"
	snowballOutput = "../../shared/data/snowball-german/output-classic-2015.txt"
)

func readLines(t testing.TB, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		t.Skip("Snowball German vocabulary: " + path + " not found")
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	require.NoError(t, sc.Err())
	return out
}

func TestStemSnowballVocabulary(t *testing.T) {
	voc := readLines(t, snowballVoc)
	want := readLines(t, snowballOutput)
	require.Len(t, voc, 35033)
	require.Len(t, want, len(voc))
	ok := 0
	for i, w := range voc {
		if got := Stem(w); got == want[i] {
			ok++
		} else if ok+20 > i { // report the first few
			t.Errorf("Stem(%q) = %q, want %q", w, got, want[i])
		}
	}
	t.Logf("Snowball German classic: %d of %d words stem as expected", ok, len(voc))
	assert.Equal(t, len(voc), ok)
}

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Abhängigkeit", "abhang"},
		{"abhängigkeit", "abhang"},
		{"Chips", "chips"}, // Snowball removes -s only after b d f g h k l m n r t
		{"Modells", "modell"},
		{"Huaweis", "huaweis"},
		{"Technologien", "technologi"},
		{"Unabhängigkeit", "unabhang"},
		{"Straße", "strass"},
		{"KI", "ki"},
		{"zu", "zu"},
		{"", ""},
		{"Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz", "rindfleischetikettierungsuberwachungsaufgabenubertragungsgesetz"}, // 63 letters: stemmed (umlauts lose their dots),
		// more than MaxStemRunes runes: lower-cased, not stemmed
		{strings.Repeat("Üa", 33), strings.Repeat("üa", 33)},
		{strings.Repeat("\xffe", 33), strings.Repeat("\uFFFDe", 33)}, // Lower replaces invalid bytes, as for shorter words
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Stem(tt.in), tt.in)
	}
}

// TestStemLongWord: stemming a hostile "word" of a megabyte takes time
// linear in its length (the reference algorithm is quadratic: minutes).
func TestStemLongWord(t *testing.T) {
	w := strings.Repeat("üa", 1<<19)
	got := Stem(w)
	assert.Equal(t, w, got)
	assert.Less(t, testing.Benchmark(func(b *testing.B) {
		for b.Loop() {
			Stem(w)
		}
	}).NsPerOp(), int64(500e6), "Stem of a 1 MB word")
}

func TestLower(t *testing.T) {
	tests := []struct{ in, want string }{
		{"chips", "chips"}, {"Chips", "chips"}, {"NVIDIA-Chips", "nvidia-chips"},
		{"Äpfel", "äpfel"}, {"ÜBER", "über"}, {"", ""}, {"3,5", "3,5"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Lower(tt.in), tt.in)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Lower("bereits") }), "lower-case ASCII does not allocate")
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Lower("für") }), "lower-case text does not allocate")
}

func TestIsStopWord(t *testing.T) {
	for _, w := range []string{"der", "die", "und", "mit", "für", "über", "nicht", "wurde", "dass", "sich", "im", "zum", "z.", "b.", "bzw.", "u.a."} {
		assert.True(t, IsStopWord(w), w)
	}
	for _, w := range []string{"huawei", "chips", "ki", "abhängigkeit", "Der", "modell", "technologie"} {
		assert.False(t, IsStopWord(w), w)
	}
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = IsStopWord("während") }))
}

// TestNoProjectImports keeps german the lowest layer: it imports no other
// package of the module.
func TestNoProjectImports(t *testing.T) {
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found")
	}
	out, err := exec.Command(goBin, "list", "-deps", ".").Output()
	require.NoError(t, err)
	for _, dep := range strings.Fields(string(out)) {
		if strings.HasPrefix(dep, "github.com/techschau/techschau") {
			assert.Equal(t, "github.com/techschau/techschau/german", dep, "german must not import project packages")
		}
	}
}

// TestStemMatchesSnowballstem checks the port in snowball.go against the
// reference implementation on the Snowball vocabulary, its upper-case forms
// and every word of the 10kGNAD dev articles.
func TestStemMatchesSnowballstem(t *testing.T) {
	words := []string{"", "a", "ß", "ẞ", "İstanbul", "STRASSE", "Abhängigkeiten", "straße", "bauen", "treue", "kayak", "äußerst", "ärgerlichkeit", "müßiggang", "niss", "ergebnisse", "lustigkeit", "heiterkeit"}
	if f, err := os.Open(snowballVoc); err == nil {
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			words = append(words, sc.Text())
		}
		f.Close()
	}
	for _, text := range gnadTexts(t) {
		for tk := range AllTokens(text) {
			if tk.Kind == Word {
				words = append(words, tk.Text)
			}
		}
	}
	bad := 0
	for _, w := range words {
		fast, ok := stemFast(w)
		if !ok {
			continue
		}
		if ref := stemReference(Lower(w)); fast != ref {
			bad++
			if bad < 20 {
				t.Errorf("stemFast(%q) = %q, snowballstem %q", w, fast, ref)
			}
		}
	}
	t.Logf("%d words compared", len(words))
	assert.Zero(t, bad)
	assert.Zero(t, testing.AllocsPerRun(100, func() { _ = Stem("verschoben") }), "a lower-case word whose stem is a prefix")
}

func TestAppendLower(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"huawei", "huawei"},
		{"NVIDIA-Chips", "nvidia-chips"},
		{"ÄRGER über Straße", "ärger über straße"},
		{"Ab\xffC", "ab\xffc"}, // invalid bytes stay in place
	} {
		got := AppendLower([]byte("x:"), tc.in)
		assert.Equal(t, "x:"+tc.want, string(got), "AppendLower(%q)", tc.in)
		if utf8.ValidString(tc.in) {
			assert.Equal(t, Lower(tc.in), tc.want, "Lower agrees on %q", tc.in)
		}
	}
	buf := make([]byte, 0, 64)
	assert.Zero(t, testing.AllocsPerRun(20, func() { buf = AppendLower(buf[:0], "Abhängigkeit") }))
}

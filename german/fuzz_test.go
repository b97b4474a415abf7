package german

import (
	"testing"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func addSeeds(f *testing.F) {
	for _, s := range edgeCases {
		f.Add(s)
	}
	for _, s := range []string{
		"PEKING / LONDON (IT BOLTWISE) – Die chinesische KI-Firma DeepSeek hat den Start verschoben.",
		"Am 1. Mai kostet es z. B. 3,5 Mrd. Euro (ca. 1.000 €). Dr. Müller sagt: „Gut.“ »Ja!« Das war's...",
		"- Die besten Bücher!\nStellenangebote\n\nProjektmanager (m/w/d) KI-Enablement\nIngenieur*innen, Ingenieur:innen",
		"Mail: a.b@c.de, www.x.de/y?z=1. @user #KI ;-) 12.04.2016 10:30 \xff\xfe\xc3\x28 Abha\u0308ngig\u00adkeit\u200b",
	} {
		f.Add(s)
	}
}

func FuzzTokens(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text)
		a, b := Tokens(text), Tokens(text)
		if len(a) != len(b) {
			t.Fatalf("Tokens not deterministic on %q", text)
		}
		for _, tk := range a {
			for _, p := range tk.Parts() {
				if p.Start < tk.Start || p.End > tk.End || p.Start >= p.End {
					t.Fatalf("part %v outside token %+v", p, tk)
				}
			}
		}
	})
}

func FuzzSentences(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		prev := 0
		for _, s := range Sentences(text) {
			if s.Start < prev || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("bad sentence %v (prev end %d) in %q", s, prev, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(s.In(text)) {
				t.Fatalf("sentence %v splits a rune in %q", s, text)
			}
			prev = s.End
		}
		n := 0
		for range AllSentences(text) {
			n++
		}
		if n != len(Sentences(text)) {
			t.Fatalf("AllSentences %d, Sentences %d on %q", n, len(Sentences(text)), text)
		}
	})
}

func FuzzSegment(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkInvariants(t, text)
	})
}

func FuzzNormalize(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, text string) {
		n := Normalize(text)
		if Normalize(n.Text).Text != n.Text {
			t.Fatalf("not idempotent on %q: %q", text, n.Text)
		}
		if !utf8.ValidString(n.Text) || !norm.NFC.IsNormalString(n.Text) {
			t.Fatalf("not NFC: %q -> %q", text, n.Text)
		}
		if !n.Changed() && n.Text != text {
			t.Fatalf("unchanged but different: %q", text)
		}
		prev := 0
		for i := 0; i <= len(n.Text); i++ {
			o := n.Original(i)
			if o < 0 || o > len(text) || o < prev {
				t.Fatalf("Original(%d) = %d (prev %d) out of order for %q -> %q", i, o, prev, text, n.Text)
			}
			prev = o
		}
		for _, tk := range Tokens(n.Text) {
			s := n.OriginalSpan(tk.Span())
			if s.Start < 0 || s.End > len(text) || s.Start > s.End {
				t.Fatalf("OriginalSpan(%v) = %v for %q", tk.Span(), s, text)
			}
		}
		if o := n.OriginalSpan(Span{0, len(n.Text)}); o.End != len(text) {
			t.Fatalf("whole text maps to %v, want end %d for %q", o, len(text), text)
		}
	})
}

func FuzzStem(f *testing.F) {
	for _, s := range []string{"Abhängigkeiten", "straße", "bauen", "Huawei-Chips", "\xff", "ergebnisse", "ÄÖÜ", "keit"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, word string) {
		if fast, ok := stemFast(word); ok {
			if ref := stemReference(Lower(word)); fast != ref {
				t.Fatalf("stemFast(%q) = %q, snowballstem %q", word, fast, ref)
			}
		}
		if Stem(word) != Stem(Lower(word)) {
			t.Fatalf("Stem(%q) != Stem(Lower(%q))", word, word)
		}
	})
}

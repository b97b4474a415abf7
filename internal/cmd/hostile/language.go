package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/corpus"
	"github.com/techschau/techschau/internal/hostile"
)

// verdict is what the guard made of a text: "de", "en", "empty",
// "unsupported", "not-text", or "error: …".
func verdict(a *analyze.Analyzer, text string) string {
	d, err := a.Analyze(context.Background(), text)
	switch {
	case errors.Is(err, analyze.ErrUnsupportedLanguage):
		return "unsupported"
	case errors.Is(err, analyze.ErrNotText):
		return "not-text"
	case err != nil:
		return "error: " + err.Error()
	case d.Language == "":
		return "empty"
	}
	return d.Language
}

// tally counts verdicts.
type tally struct {
	n    int
	by   map[string]int
	miss []string // a few texts with an unexpected verdict
}

func (t *tally) add(v, want, text string) {
	if t.by == nil {
		t.by = map[string]int{}
	}
	t.n++
	t.by[v]++
	if v != want && len(t.miss) < 3 {
		t.miss = append(t.miss, clip(text, 80))
	}
}

func (t *tally) line(name, want string) {
	fmt.Printf("  %-52s %5d texts: %5.1f%% %s", name, t.n, 100*float64(t.by[want])/float64(max(t.n, 1)), want)
	for _, v := range []string{"de", "en", "unsupported", "not-text", "empty"} {
		if v != want && t.by[v] > 0 {
			fmt.Printf(", %d %s", t.by[v], v)
		}
	}
	for v, k := range t.by {
		if strings.HasPrefix(v, "error") {
			fmt.Printf(", %d %s", k, v)
		}
	}
	fmt.Println()
	for _, m := range t.miss {
		fmt.Printf("      e.g. %q\n", m)
	}
}

func clip(s string, n int) string {
	s = strings.ToValidUTF8(s, "?")
	if len(s) <= n {
		return s
	}
	for n > 0 && (s[n]&0xC0) == 0x80 {
		n--
	}
	return s[:n] + "…"
}

// firstWords returns the first n space-separated words of s.
func firstWords(s string, n int) (string, bool) {
	f := strings.Fields(s)
	if len(f) < n {
		return "", false
	}
	return strings.Join(f[:n], " "), true
}

func languageReport(data string) error {
	a, err := newAnalyzer()
	if err != nil {
		return err
	}
	fmt.Println("\n== language guard (analyze.Analyze's verdict per text)")
	arts, err := corpus.ReadGNADFile(filepath.Join(data, "10kgnad/dev.csv"))
	if err != nil {
		fmt.Println("  10kGNAD dev: skipped:", err)
	} else {
		var all tally
		for _, x := range arts {
			all.add(verdict(a, x.Text), "de", x.Text)
		}
		all.line("10kGNAD dev articles", "de")
		for _, k := range []int{5, 8, 12, 20} {
			var t tally
			for _, x := range arts {
				if p, ok := firstWords(x.Text, k); ok {
					t.add(verdict(a, p), "de", p)
				}
			}
			t.line(fmt.Sprintf("10kGNAD dev, first %d words of each article", k), "de")
		}
	}
	ud, err := corpus.ReadCoNLLUFile(filepath.Join(data, "ud-german-gsd/de_gsd-ud-dev.conllu"))
	if err != nil {
		fmt.Println("  UD German GSD dev: skipped:", err)
	} else {
		var t tally
		for _, s := range ud {
			if len(strings.Fields(s.Text)) >= 5 {
				t.add(verdict(a, s.Text), "de", s.Text)
			}
		}
		t.line("UD German GSD dev sentences of 5 or more words", "de")
	}
	if f, err := os.Open(filepath.Join(data, "news-pages/pages.jsonl")); err != nil {
		fmt.Println("  news-pages: skipped:", err)
	} else {
		var t tally
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<26)
		for sc.Scan() {
			var p struct{ Text string }
			if json.Unmarshal(sc.Bytes(), &p) == nil {
				t.add(verdict(a, p.Text), "de", p.Text)
			}
		}
		f.Close()
		t.line("news-pages (real German pages; a few are English)", "de")
	}
	var gs tally
	for _, s := range hostile.GermanShort() {
		gs.add(verdict(a, s), "de", s)
	}
	gs.line("team-written German sentences of 5-7 words", "de")
	for _, k := range []int{5, 8, 12} {
		var t tally
		for n := 100; n <= 600; n += 50 {
			if p, ok := firstWords(hostile.English(n), k); ok {
				t.add(verdict(a, p), "en", p)
			}
		}
		t.line(fmt.Sprintf("team-written English, first %d words", k), "en")
	}
	var en tally
	for n := 100; n <= 600; n += 25 {
		s := hostile.English(n)
		en.add(verdict(a, s), "en", s)
	}
	en.line("team-written English, 100-600 bytes", "en")
	for _, code := range hostile.Languages() {
		var t tally
		for n := 100; n <= 600; n += 25 {
			s := hostile.Foreign(code, n)
			t.add(verdict(a, s), "unsupported", s)
		}
		script := "Latin script"
		if hostile.NonLatin(code) {
			script = "own script"
		}
		t.line(fmt.Sprintf("%s (%s), 100-600 bytes", code, script), "unsupported")
	}
	var rb tally
	r := rand.New(rand.NewPCG(13, 13))
	for _, n := range []int{16, 64, 100, 256, 600, 4 << 10, 64 << 10, 1 << 20} {
		for range 10 {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte(r.Uint32())
			}
			rb.add(verdict(a, string(b)), "not-text", string(b))
		}
	}
	rb.line("random bytes, 16 B - 1 MB", "not-text")
	var bin tally
	for _, s := range []string{"%PDF-1.7\n%âãÏÓ\n1 0 obj", "PK\x03\x04\x14\x00\x06\x00", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"\xff\xd8\xff\xe0\x00\x10JFIF", "\x1f\x8b\x08\x00", "\x7fELF\x02\x01\x01",
		"\xff\xfeD\x00i\x00e\x00 \x00F\x00i\x00r\x00m\x00a\x00", "Die Firma\x00 baut Chips in Dresden."} {
		bin.add(verdict(a, s), "not-text", s)
	}
	bin.line("binary magic numbers, UTF-16, a NUL byte", "not-text")
	var blank tally
	for _, s := range []string{"", " ", "\n\n\t", "\u00a0 \u3000", "\ufeff", "\r\n"} {
		blank.add(verdict(a, s), "empty", s)
	}
	blank.line("empty and white-space-only input", "empty")
	return nil
}

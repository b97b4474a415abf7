package analyze

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/techschau/techschau/internal/hostile"
)

var fuzzAnalyzerOnce = sync.OnceValues(func() (*Analyzer, error) { return New(WithMaxBytes(1 << 16)) })

func fuzzAnalyzer(t testing.TB) *Analyzer {
	a, err := fuzzAnalyzerOnce()
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{
		"",
		"PEKING / LONDON (IT BOLTWISE) – Die chinesische KI-Firma DeepSeek hat den Start verschoben.",
		"Berlin (dpa) - Huaweis Ascend-Prozessor ersetzt NVIDIA-Chips, z. B. im 3. Quartal.\n\n- Die besten Bücher!\nStellenangebote\nProjektmanager (m/w/d)\n",
		"Mehr zum Thema\nFoto: dpa\n© 2026 Verlag\n#KI #Chips",
		"Berlin – \xff\xfe Die Firma \xc3 baut Chips.",
		"San Francisco/Peking – „Exportkontrollen“ sind Verhandlungsmasse.",
		"The company said it will delay the launch of its new model after problems with the chips.",
		"( ) – / (((", "A –", "Wien (APA) –",
		// page layouts (pageRules): title, description, kicker glued to the
		// headline with a stamp, a byline, a caption, label lines, residue
		"Kiel baut Speicher\nDie Stadt Kiel baut einen Speicher.\nEnergie Kiel baut Speicher Stand: 12.03.2025 14:05 Uhr\nvon Anna Muster Am 12.03.2025 14:05 Uhr Die Stadt Kiel baut einen Speicher.\nDer Speicher am Hafen. Foto: dpa\nOrt: Kiel\nSitz: Kiel\nJahr: 2024\nbaut einen.\n+++ x +++\ndpa",
		"a\nb\nc (ab)\n1 von 9 Zurück\n*\n| x 09:30 Uhr",
	} {
		f.Add(s)
	}
	if b, err := os.ReadFile(seedPath); err == nil {
		f.Add(string(b))
	}
	f.Fuzz(func(t *testing.T, text string) {
		fa := fuzzAnalyzer(t)
		d, err := fa.Analyze(context.Background(), text)
		if err != nil {
			if errors.Is(err, ErrUnsupportedLanguage) || errors.Is(err, ErrTooLarge) || errors.Is(err, ErrNotText) {
				return
			}
			t.Fatalf("unexpected error: %v", err)
		}
		in := func(s, e int) bool { return 0 <= s && s <= e && e <= len(text) }
		prev := 0
		for _, s := range d.Sentences {
			if !in(s.Start, s.End) || text[s.Start:s.End] != s.Text || s.Start < prev {
				t.Fatalf("bad sentence span %d-%d", s.Start, s.End)
			}
			prev = s.End
		}
		prev = 0
		for _, b := range d.Boilerplate {
			if !in(b.Start, b.End) || b.Start < prev || b.Start >= b.End {
				t.Fatalf("bad boilerplate span %d-%d", b.Start, b.End)
			}
			prev = b.End
		}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if !in(m.Start, m.End) || text[m.Start:m.End] != m.Text {
					t.Fatalf("bad mention %+v", m)
				}
			}
		}
		for _, th := range d.Themes {
			if th.Score < 0 || th.Score > 1 {
				t.Fatalf("score %v", th.Score)
			}
			if th.Actors == nil || len(th.Evidence) == 0 || len(th.Evidence) > 3 {
				t.Fatalf("theme %s: %d evidence sentences, actors %v", th.ID, len(th.Evidence), th.Actors)
			}
			for _, ev := range th.Evidence {
				if !in(ev.Start, ev.End) {
					t.Fatalf("bad evidence %+v", ev)
				}
			}
		}
		for _, s := range d.Summary.Sentences {
			if !in(s.Start, s.End) || text[s.Start:s.End] != s.Text {
				t.Fatalf("bad summary span")
			}
		}
		if dl := d.Dateline; dl != nil {
			if !in(dl.Start, dl.End) || !strings.Contains(text[dl.Start:dl.End], dl.Source) {
				t.Fatalf("bad dateline %+v", dl)
			}
		}
		if utf8.ValidString(text) {
			for _, s := range d.Sentences {
				if !utf8.ValidString(s.Text) {
					t.Fatalf("sentence not on rune boundaries")
				}
			}
		}
		b1, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		d2, _ := fa.Analyze(context.Background(), text)
		b2, _ := json.Marshal(d2)
		if !bytes.Equal(b1, b2) {
			t.Fatal("not deterministic")
		}
	})
}

func FuzzLoadThemes(f *testing.F) {
	f.Add(string(themesJSON))
	f.Add(`{"themes":[{"id":"x","label_de":"X","cues":{"words":{"Chip":1}}}]}`)
	f.Add(`{"themes":[{"id":"x","label_de":"X","cues":{"parts":{"ab":1}}}]}`)
	f.Add(`{"themes":[]}`)
	f.Add(`{"themes":[{"id":"X Y"}]}`)
	f.Add(`{`)
	f.Fuzz(func(t *testing.T, data string) {
		tax, err := LoadThemes(strings.NewReader(data), "fuzz.json")
		if err != nil {
			if !errors.Is(err, ErrBadThemes) {
				t.Fatalf("error does not wrap ErrBadThemes: %v", err)
			}
			if !strings.Contains(err.Error(), "fuzz.json") {
				t.Fatalf("error does not name the file: %v", err)
			}
			return
		}
		a, err := New(WithThemes(tax), WithoutEntities(), WithoutSummary())
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.Analyze(context.Background(), "Die Firma baut Chips in Dresden und exportiert sie."); err != nil {
			t.Fatal(err)
		}
	})
}

// throughputFloor is the least throughput FuzzAnalyzeThroughput accepts:
// ordinary text runs at 5-8 MB/s on one core; a stage quadratic in a
// word's length ran at 0.04 MB/s on a megabyte "word".
const throughputFloor = 0.25e6 // bytes per second

var throughputAnalyzer = sync.OnceValues(func() (*Analyzer, error) { return New() })

// FuzzAnalyzeThroughput repeats each input after a German paragraph to
// 128 KB and analyses it: a shape that a stage handles in more than linear
// time shows as low throughput (bytes per CPU-second). It fails below
// throughputFloor (the best of three runs) and reports the throughput;
// go test -v -run FuzzAnalyzeThroughput logs it for every seed.
func FuzzAnalyzeThroughput(f *testing.F) {
	for _, s := range []string{
		"üa", "Huawei-Chip-", "Ja. ", "Nein! Gut? ", "((„»[{", "Chip\u0301\u0308 ", "z. B. ", "x@example.org ",
		"https://example.org/pfad/", "7", "Huawei Nvidia Intel ", "die der das ", "Wort\n", "...!!! ",
		"華為 Чип شريحة ", "\xff\xfe ", "Die Firma baut Chips in Dresden. ",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, pattern string) {
		if pattern == "" {
			return
		}
		a, err := throughputAnalyzer()
		if err != nil {
			t.Fatal(err)
		}
		const size = 128 << 10
		var b strings.Builder
		// German enough for the language guard's window, then the shape
		b.WriteString(hostile.Ordinary(6 << 10))
		b.WriteString("\n\n")
		for b.Len() < size {
			b.WriteString(pattern)
		}
		text := b.String()
		best := time.Duration(1 << 62)
		var lastErr error
		for range 3 {
			// CPU time of this process (a fuzz worker is a process of its
			// own): the wall clock of a shared machine measures the others
			st := processCPU()
			_, err := a.Analyze(context.Background(), text)
			best = min(best, max(processCPU()-st, time.Microsecond))
			lastErr = err
			if err != nil && !errors.Is(err, ErrUnsupportedLanguage) && !errors.Is(err, ErrNotText) {
				t.Fatalf("unexpected error: %v", err)
			}
			if float64(len(text))/best.Seconds() >= throughputFloor {
				break
			}
		}
		mbs := float64(len(text)) / 1e6 / best.Seconds()
		t.Logf("%q ×%d: %.2f MB/s (%v)", clipPattern(pattern), size/len(pattern), mbs, lastErr)
		if mbs*1e6 < throughputFloor {
			t.Fatalf("%q repeated to %d bytes: %.3f MB/s, below %.2f MB/s", clipPattern(pattern), len(text), mbs, throughputFloor/1e6)
		}
	})
}

func clipPattern(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return s
}

func FuzzLoadThemeModel(f *testing.F) {
	f.Add(string(themeModelJSON))
	f.Add(`{"intercept": -3, "weights": {"best": 1}, "themes": {"x": 1}}`)
	f.Add(`{"intercept": 1e400}`)
	f.Add(`{"weights": {"nope": 1}}`)
	f.Add(`[`)
	f.Fuzz(func(t *testing.T, data string) {
		m, err := LoadThemeModel(strings.NewReader(data), "fuzz.json")
		if err != nil {
			if !errors.Is(err, ErrBadThemeModel) || !strings.Contains(err.Error(), "fuzz.json") {
				t.Fatalf("error does not wrap ErrBadThemeModel or name the file: %v", err)
			}
			return
		}
		a, err := New(WithThemeModel(m), WithoutEntities(), WithoutSummary())
		if err != nil {
			t.Fatal(err)
		}
		d, err := a.Analyze(context.Background(), "Die Regierung fördert die Chipfabrik in Dresden mit Milliarden.")
		if err != nil {
			t.Fatal(err)
		}
		for _, th := range d.Themes {
			if !(th.Score >= 0 && th.Score <= 1) {
				t.Fatalf("score %v", th.Score)
			}
		}
	})
}

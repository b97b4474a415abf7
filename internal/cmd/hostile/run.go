package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/techschau/techschau/analyze"
	"github.com/techschau/techschau/internal/corpus"
)

// buildCLI builds the techschau CLI into a temporary directory.
func buildCLI() (bin string, cleanup func(), err error) {
	dir, err := os.MkdirTemp("", "hostile-")
	if err != nil {
		return "", nil, err
	}
	cleanup = func() { os.RemoveAll(dir) }
	bin = filepath.Join(dir, "techschau")
	cmd := exec.Command("go", "build", "-o", bin, "./examples/techschau")
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		cleanup()
		return "", nil, fmt.Errorf("go build ./examples/techschau (run from the repository root): %w", err)
	}
	return bin, cleanup, nil
}

// newsText joins 10kGNAD dev articles with blank lines to n bytes.
func newsText(data string, n int) (string, error) {
	arts, err := corpus.ReadGNADFile(filepath.Join(data, "10kgnad/dev.csv"))
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(arts[i%len(arts)].Text)
	}
	s := b.String()[:n]
	for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
		s = s[:len(s)-1]
	}
	return strings.TrimRight(s, "\xc3\xe2"), nil
}

// runCLI runs bin with args and env additions, stdout discarded unless
// out is set; it returns the peak RSS, the wall time and stderr.
func runCLI(bin string, env []string, out *bytes.Buffer, args ...string) (rss int64, wall time.Duration, stderr string, err error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	if out != nil {
		cmd.Stdout = out
	}
	var eb bytes.Buffer
	cmd.Stderr = &eb
	st := time.Now()
	err = cmd.Run()
	return maxRSS(cmd), time.Since(st), eb.String(), err
}

// cliAndNews builds the CLI and joins 5 MB of news text.
func cliAndNews(data string) (bin, text string, cleanup func(), err error) {
	text, err = newsText(data, 5_000_000)
	if err != nil {
		return "", "", nil, fmt.Errorf("5 MB of news text needs 10kGNAD dev: %w", err)
	}
	bin, cleanup, err = buildCLI()
	return bin, text, cleanup, err
}

func rssReport(data string) error {
	bin, text, cleanup, err := cliAndNews(data)
	if err != nil {
		return err
	}
	defer cleanup()
	f, err := os.CreateTemp("", "hostile-news-*.txt")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	if _, err := f.WriteString(text); err != nil {
		return err
	}
	f.Close()
	fmt.Printf("\n== peak RSS of techschau analyze on %.1f MB of news text (10kGNAD dev articles joined); goal ≤ 200 MB\n", float64(len(text))/1e6)
	for _, c := range []struct {
		name string
		env  []string
		args []string
	}{
		{"as the CLI runs (GOGC=30)", nil, []string{"analyze", f.Name()}},
		{"GOGC=100 (Go's default)", []string{"GOGC=100"}, []string{"analyze", f.Name()}},
		{"--fields language,entities,themes,summary,keyphrases", nil, []string{"analyze", "--fields", "language,entities,themes,summary,keyphrases", f.Name()}},
	} {
		var rs []int64
		for range 3 {
			var out bytes.Buffer
			rss, wall, errs, err := runCLI(bin, c.env, &out, c.args...)
			if err != nil {
				return fmt.Errorf("%s: %v: %s", c.name, err, errs)
			}
			rs = append(rs, rss)
			_ = wall
			if len(rs) == 1 {
				fmt.Printf("  %-55s output %5.1f MB;", c.name, float64(out.Len())/1e6)
			}
		}
		slices.Sort(rs)
		fmt.Printf(" peak RSS of 3 runs: %s MB (median %s)\n", mbList(rs), mb(rs[1]))
	}
	// the library alone: this command links no HTML extractor
	self, err := os.Executable()
	if err != nil {
		return err
	}
	var rs []int64
	for range 3 {
		rss, _, errs, err := runCLI(self, nil, nil, "-mode", "child-analyze", "-file", f.Name())
		if err != nil {
			return fmt.Errorf("child: %v: %s", err, errs)
		}
		rs = append(rs, rss)
	}
	slices.Sort(rs)
	fmt.Printf("  %-55s %23s peak RSS of 3 runs: %s MB (median %s)\n", "the library alone (Analyze + indented JSON, GOGC=30)", "", mbList(rs), mb(rs[1]))
	fmt.Println("  (the CLI links analyze/webpage, whose dependencies (go-dateparser's locale data) hold about 26 MB of heap and 55 MB of RSS from the start)")
	return nil
}

// childAnalyze analyses the file as techschau analyze does, without the
// CLI's HTML extractor linked in.
func childAnalyze(path string) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	a, err := analyze.New()
	if err != nil {
		return err
	}
	debug.SetGCPercent(30)
	doc, err := a.Analyze(context.Background(), string(b))
	if err != nil {
		return err
	}
	enc := json.NewEncoder(io.Discard)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

func mb(n int64) string { return fmt.Sprintf("%.0f", float64(n)/(1<<20)) }

func mbList(rs []int64) string {
	var s []string
	for _, r := range rs {
		s = append(s, mb(r))
	}
	return strings.Join(s, ", ")
}

// carelessLines returns a batch input of n 10kGNAD articles with careless
// lines mixed in, and the number of non-blank lines.
func carelessLines(data string, n int) ([]byte, int, error) {
	arts, err := corpus.ReadGNADFile(filepath.Join(data, "10kgnad/dev.csv"))
	if err != nil {
		return nil, 0, err
	}
	var b bytes.Buffer
	b.WriteString("\xef\xbb\xbf")
	nonBlank := 0
	line := func(s string) {
		b.WriteString(s)
		b.WriteByte('\n')
		if strings.TrimSpace(s) != "" {
			nonBlank++
		}
	}
	for i := range n {
		id := fmt.Sprintf("gnad-dev-%03d", i%len(arts))
		if i%19 == 18 {
			id = "gnad-dev-000" // a duplicate
		}
		rec := map[string]any{"id": id, "text": arts[i%len(arts)].Text, "date": "2016-03-01", "topic": arts[i%len(arts)].Label}
		switch {
		case i%7 == 6:
			line("")
			line("  \t ")
		case i%11 == 10:
			delete(rec, "text")
		case i%13 == 12:
			rec["text"] = nil
		case i%29 == 28:
			rec["text"] = 4711
		case i%23 == 22:
			rec["date"] = "im Frühjahr"
		}
		j, err := json.Marshal(rec)
		if err != nil {
			return nil, 0, err
		}
		if i%17 == 16 {
			j = j[:len(j)/2] // broken JSON
		}
		line(string(j))
	}
	return b.Bytes(), nonBlank, nil
}

func batchReport(data string) error {
	bin, cleanup, err := buildCLI()
	if err != nil {
		return err
	}
	defer cleanup()
	fmt.Println("\n== batch: one stdout line for every non-blank input line")
	inputs := []struct {
		name     string
		path     string
		nonBlank int
	}{{name: "analyze/jsonl/testdata/mixed.jsonl", path: "analyze/jsonl/testdata/mixed.jsonl"}}
	raw, err := os.ReadFile(inputs[0].path)
	if err != nil {
		return err
	}
	for _, l := range strings.Split(string(raw), "\n") {
		if strings.TrimSpace(strings.TrimPrefix(l, "\xef\xbb\xbf")) != "" {
			inputs[0].nonBlank++
		}
	}
	if b, n, err := carelessLines(data, 400); err == nil {
		f, err := os.CreateTemp("", "hostile-batch-*.jsonl")
		if err != nil {
			return err
		}
		defer os.Remove(f.Name())
		f.Write(b)
		f.Close()
		inputs = append(inputs, struct {
			name     string
			path     string
			nonBlank int
		}{"400 10kGNAD articles with careless lines", f.Name(), n})
	} else {
		fmt.Println("  10kGNAD careless file: skipped:", err)
	}
	for _, in := range inputs {
		var out bytes.Buffer
		_, wall, errs, err := runCLI(bin, nil, &out, "batch", "--workers", "2", in.path)
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			return err
		}
		lines, ids, bad := 0, 0, 0
		sc := bufio.NewScanner(&out)
		sc.Buffer(nil, 64<<20)
		for sc.Scan() {
			lines++
			var r struct {
				ID    json.RawMessage `json:"id"`
				Line  int             `json:"line"`
				Error string          `json:"error"`
			}
			if json.Unmarshal(sc.Bytes(), &r) != nil {
				bad++
				continue
			}
			if r.ID != nil || r.Line > 0 {
				ids++
			}
		}
		verdict := "OK"
		if lines != in.nonBlank || bad > 0 || ids != lines {
			verdict = "MISMATCH"
		}
		fmt.Printf("  %s: %d non-blank input lines, %d stdout lines (%d with id or line, %d not JSON), exit %d, %.1fs: %s\n",
			in.name, in.nonBlank, lines, ids, bad, code, wall.Seconds(), verdict)
		for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
			if strings.Contains(l, "lines answered") || strings.Contains(l, "duplicate id") {
				fmt.Printf("    stderr: %s\n", l)
			}
		}
	}
	return nil
}

func batchMemReport(data string) error {
	bin, text, cleanup, err := cliAndNews(data)
	if err != nil {
		return err
	}
	defer cleanup()
	f, err := os.CreateTemp("", "hostile-batchmem-*.jsonl")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriter(f)
	for i := range 40 {
		j, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "text": text})
		w.Write(j)
		w.WriteByte('\n')
	}
	w.Flush()
	f.Close()
	fmt.Println("\n== peak RSS of techschau batch --workers 2 over 40 lines of 5 MB news text")
	for _, c := range []struct {
		name string
		args []string
	}{
		{"all fields", []string{"batch", "--workers", "2", f.Name()}},
		{"--fields language,entities,themes,summary,keyphrases", []string{"batch", "--workers", "2", "--fields", "language,entities,themes,summary,keyphrases", f.Name()}},
	} {
		rss, wall, errs, err := runCLI(bin, nil, nil, c.args...)
		if err != nil {
			return fmt.Errorf("%v: %s", err, errs)
		}
		fmt.Printf("  %-55s peak RSS %s MB, %.0fs\n", c.name, mb(rss), wall.Seconds())
	}
	return nil
}

package themefit

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/techschau/techschau/internal/corpus"
)

// ErrLabels is wrapped by the errors of reading label files.
var ErrLabels = errors.New("themefit: bad label file")

// Set names of the label files.
const (
	SetGNAD  = "10kgnad-dev"
	SetPages = "news-pages"
)

// Borderline is a labeller's recorded borderline call.
type Borderline struct {
	Theme    string `json:"theme"`
	Decision string `json:"decision"` // "in" or "out"
	Why      string `json:"why"`
}

// Label is one line of testdata/real/themes*.jsonl: the themes one real
// text carries, named by set, id and the SHA-1 of its text.
type Label struct {
	Set        string       `json:"set"`
	ID         string       `json:"id"`
	SHA1       string       `json:"sha1"`
	Themes     []string     `json:"themes"`
	Borderline []Borderline `json:"borderline"`
	Notes      string       `json:"notes"`
}

// Example is a label with its text.
type Example struct {
	Label
	Text string
	// File is the label file the example came from (its base name).
	File string
	// Evidence are the labelled evidence spans by theme (AttachEvidence),
	// nil when none were labelled.
	Evidence map[string][][2]int
}

// ReadLabels reads one JSON Lines label file.
func ReadLabels(path string) ([]Label, error) {
	return readJSONL(path, func(l *Label) error {
		if l.ID == "" || l.Set == "" || l.SHA1 == "" {
			return errors.New("need set, id and sha1")
		}
		return nil
	})
}

// readJSONL reads a JSON Lines file of T, one per non-blank line; check
// validates each (its error is reported with file and line).
func readJSONL[T any](path string, check func(*T) error) ([]T, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []T
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var v T
		if err := json.Unmarshal(sc.Bytes(), &v); err != nil {
			return nil, fmt.Errorf("%w: %s:%d: %v", ErrLabels, path, line, err)
		}
		if err := check(&v); err != nil {
			return nil, fmt.Errorf("%w: %s:%d: %v", ErrLabels, path, line, err)
		}
		out = append(out, v)
	}
	return out, sc.Err()
}

// Data locates the real texts: the 10kGNAD dev CSV and the news-pages
// JSON Lines file.
type Data struct {
	GNAD  string // ../shared/data/10kgnad/dev.csv
	Pages string // ../shared/data/news-pages/pages.jsonl
}

// DataAt returns the Data below a shared data directory.
func DataAt(dir string) Data {
	return Data{GNAD: filepath.Join(dir, "10kgnad", "dev.csv"), Pages: filepath.Join(dir, "news-pages", "pages.jsonl")}
}

// Load reads the label files and attaches each label's text. A label whose
// text is missing or whose SHA-1 differs is skipped and reported in the
// second result (one line each). A text labelled in two files keeps the
// first file's label.
func Load(d Data, files ...string) ([]Example, []string, error) {
	gnad, err := corpus.ReadGNADFile(d.GNAD)
	if err != nil {
		return nil, nil, err
	}
	pages, err := readPages(d.Pages)
	if err != nil {
		return nil, nil, err
	}
	var out []Example
	var skipped []string
	seen := map[string]bool{}
	for _, file := range files {
		labels, err := ReadLabels(file)
		if err != nil {
			return nil, nil, err
		}
		for _, l := range labels {
			key := l.Set + "/" + l.ID
			if seen[key] {
				skipped = append(skipped, fmt.Sprintf("%s: %s labelled twice; the first label counts", filepath.Base(file), key))
				continue
			}
			var text string
			var ok bool
			switch l.Set {
			case SetGNAD:
				n, err := strconv.Atoi(strings.TrimPrefix(l.ID, "gnad-dev-"))
				if ok = err == nil && n >= 0 && n < len(gnad); ok {
					text = gnad[n].Text
				}
			case SetPages:
				text, ok = pages[l.ID]
			}
			if !ok {
				skipped = append(skipped, fmt.Sprintf("%s: %s: no such text", filepath.Base(file), key))
				continue
			}
			if sum := sha1.Sum([]byte(text)); hex.EncodeToString(sum[:]) != l.SHA1 {
				skipped = append(skipped, fmt.Sprintf("%s: %s: text changed (sha1 differs)", filepath.Base(file), key))
				continue
			}
			seen[key] = true
			out = append(out, Example{Label: l, Text: text, File: filepath.Base(file)})
		}
	}
	return out, skipped, nil
}

func readPages(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<26)
	for sc.Scan() {
		var p struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out[p.ID] = p.Text
	}
	return out, sc.Err()
}

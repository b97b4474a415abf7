// Package entityeval scores the entity recogniser against the team's
// document-level labels of real text (testdata/real/entities.*.jsonl, see
// testdata/real/ENTITIES.md) and sorts its errors by kind, so that work goes
// where the errors are. It is shared by internal/cmd/evalents and the entities
// package's real-text test.
//
// # The measure
//
// Each labelled text lists its entities once (id, type, surfaces, derived
// forms). A predicted entity matches a gold entity when one of its mention
// texts equals one of the gold surfaces or derived forms (case-insensitively,
// with a genitive s, 's or ’s on either side tolerated, runs of white space
// read as one), or when their ids map to each other: the ids are equal, or the
// gold entity's surfaces name the predicted lexicon id (label ids are mapped
// to lexicon ids by surface, never by editing labels). Each gold entity
// matches at most one predicted entity and vice versa (a maximum bipartite
// matching). A match of a lexicon id that the gold entity's own id
// contradicts (both are lexicon ids and differ: the European Chips Act named
// by the US act) is a wrong link: a miss and a false name at once.
//
// Document-level precision is matched predictions over predictions, recall
// matched gold entities over gold entities, summed over the documents
// (micro-average). Typed scores also require equal types.
//
// Gold entities named only by derived forms ("chinesische" → China,
// surfaces empty) count like any other entity: the recogniser reports a place
// it only saw as an adjective as an entity with derived mentions, and the
// labels list it. Report.WithoutDerivedOnly gives the figures with such
// entities dropped from both sides (gold entities without surfaces, and
// predicted entities all of whose mentions are derived).
package entityeval

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/techschau/techschau/internal/corpus"
)

// ErrLabels is wrapped by errors about a malformed label file.
var ErrLabels = errors.New("entityeval: bad labels")

// Gold is a labelled entity of a document.
type Gold struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Type     string   `json:"type"`
	Surfaces []string `json:"surfaces"`
	Derived  []string `json:"derived"`
}

// Doc is one labelled text.
type Doc struct {
	Set      string `json:"set"`
	ID       string `json:"id"`
	SHA1     string `json:"sha1"`
	Entities []Gold `json:"entities"`
	// Text is the labelled text, filled by AttachTexts.
	Text string `json:"-"`
}

// LabelFiles are the dev label files, relative to the repository root: the
// labels rules, lexicon lines and settings are developed and tuned on.
var LabelFiles = []string{"testdata/real/entities.gnad.jsonl", "testdata/real/entities.news.jsonl"}

// TestLabelFiles are the held-out test labels (README.md in testdata/real):
// texts labelled apart from the dev set, for measuring only, never for
// developing or tuning.
var TestLabelFiles = []string{"testdata/real/entities.test.jsonl"}

// Data files, relative to the shared data directory.
const (
	GNADDev   = "10kgnad/dev.csv"
	NewsPages = "news-pages/pages.jsonl"
)

// LoadLabels reads a JSONL label file.
func LoadLabels(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<16), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var d Doc
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			return out, fmt.Errorf("%w: %s line %d: %v", ErrLabels, filepath.Base(path), n, err)
		}
		if d.ID == "" || d.Set == "" {
			return out, fmt.Errorf("%w: %s line %d: no set or id", ErrLabels, filepath.Base(path), n)
		}
		out = append(out, d)
	}
	return out, sc.Err()
}

// LoadRepoLabels reads every label file of files (default LabelFiles) that
// exists under root.
func LoadRepoLabels(root string, files ...string) ([]Doc, error) {
	if len(files) == 0 {
		files = LabelFiles
	}
	var out []Doc
	for _, f := range files {
		docs, err := LoadLabels(filepath.Join(root, f))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
	}
	return out, nil
}

// AttachTexts fills the texts of docs from the shared data directory and
// returns the documents whose text was found with the labelled SHA-1; stale
// names the others (text changed or missing). A missing data file is an error
// wrapping os.ErrNotExist.
func AttachTexts(dataDir string, docs []Doc) (kept []Doc, stale []string, err error) {
	var gnad []corpus.Article
	var pages map[string]string
	for _, d := range docs {
		var text string
		found := false
		switch d.Set {
		case "10kgnad-dev":
			if gnad == nil {
				if gnad, err = corpus.ReadGNADFile(filepath.Join(dataDir, GNADDev)); err != nil {
					return nil, nil, err
				}
			}
			var row int
			if _, e := fmt.Sscanf(d.ID, "gnad-dev-%d", &row); e == nil && row >= 0 && row < len(gnad) {
				text, found = gnad[row].Text, true
			}
		case "news-pages":
			if pages == nil {
				want := map[string]bool{}
				for _, x := range docs {
					if x.Set == "news-pages" {
						want[x.ID] = true
					}
				}
				if pages, err = readPages(filepath.Join(dataDir, NewsPages), want); err != nil {
					return nil, nil, err
				}
			}
			text, found = pages[d.ID]
		}
		if !found || sha1Hex(text) != d.SHA1 {
			stale = append(stale, d.ID)
			continue
		}
		d.Text = text
		kept = append(kept, d)
	}
	return kept, stale, nil
}

func sha1Hex(s string) string {
	h := sha1.Sum([]byte(s))
	return hex.EncodeToString(h[:])
}

// readPages reads the texts of the wanted page ids; a line is decoded only
// when its leading id field is wanted.
func readPages(path string, want map[string]bool) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		if id, ok := leadingID(line); ok && !want[id] {
			continue
		}
		var p struct{ ID, Text string }
		if json.Unmarshal(line, &p) == nil && want[p.ID] {
			out[p.ID] = p.Text
		}
	}
	return out, sc.Err()
}

// leadingID returns the value of a line's first field when it is
// {"id": "…", (the layout of pages.jsonl); ok is false otherwise.
func leadingID(line []byte) (string, bool) {
	rest, ok := bytes.CutPrefix(line, []byte(`{"id": "`))
	if !ok {
		return "", false
	}
	i := bytes.IndexByte(rest, '"')
	if i < 0 || bytes.IndexByte(rest[:i], '\\') >= 0 {
		return "", false
	}
	return string(rest[:i]), true
}

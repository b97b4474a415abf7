// Package keyeval scores keyphrases against the team's labels of real news
// pages (testdata/real/keyphrases.jsonl, guide testdata/real/KEYPHRASES.md):
// precision at 5 and 10 and recall at 10, with the guide's lenient matching.
// It is used by internal/cmd/evalkeys.
//
// # Matching
//
// A proposed phrase matches a label when it equals the label's phrase or one
// of its alternatives case-insensitively after trimming and with runs of
// white space read as one (the guide's rule), or when the two have the same
// number of words and each pair of words has the same Snowball stem, a
// genitive s (s, 's, ’s) on either side tolerated ("Zinssenkungen" matches
// "Zinssenkung", "Nvidias" matches "Nvidia"). Each label matches at most one
// proposed phrase, the first one that matches it.
//
// # Measures
//
// P@k is the number of the first k proposed phrases that match a label over
// k (a list shorter than k is not rewarded), micro-averaged over the pages;
// R@10 the labels matched by the first 10 proposed phrases over all labels.
// Pages have 5 to 10 labels, so P@10 cannot reach 1 on every page; Ceiling10
// is the best P@10 the labels allow.
package keyeval

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/techschau/techschau/german"
	"github.com/techschau/techschau/internal/corpus"
)

// ErrLabels is wrapped by errors about a malformed label file.
var ErrLabels = errors.New("keyeval: bad labels")

// Label is one labelled keyphrase.
type Label struct {
	Phrase string   `json:"phrase"`
	Alts   []string `json:"alts"`
}

// Doc is one labelled page.
type Doc struct {
	Set        string  `json:"set"`
	ID         string  `json:"id"`
	SHA1       string  `json:"sha1"`
	Keyphrases []Label `json:"keyphrases"`
	Notes      string  `json:"notes"`
	// Text is the page's text, filled by AttachTexts.
	Text string `json:"-"`
}

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
			return out, fmt.Errorf("%w: %s line %d: %v", ErrLabels, path, n, err)
		}
		if d.ID == "" || len(d.Keyphrases) == 0 {
			return out, fmt.Errorf("%w: %s line %d: no id or no keyphrases", ErrLabels, path, n)
		}
		out = append(out, d)
	}
	return out, sc.Err()
}

// AttachTexts fills the texts of the news-pages docs from pagesPath and
// returns the docs whose text has the labelled SHA-1; stale names the others.
func AttachTexts(pagesPath string, docs []Doc) (kept []Doc, stale []string, err error) {
	pages, err := corpus.ReadPagesFile(pagesPath)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[string]string, len(pages))
	for _, p := range pages {
		byID[p.ID] = p.Text
	}
	for _, d := range docs {
		text, ok := byID[d.ID]
		if d.Set != "news-pages" || !ok || sha1Hex(text) != d.SHA1 {
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

// Match reports whether proposed phrase p matches label l.
func Match(p string, l Label) bool {
	pw := words(p)
	for _, form := range append([]string{l.Phrase}, l.Alts...) {
		fw := words(form)
		if strings.Join(pw, " ") == strings.Join(fw, " ") || sameStems(pw, fw) {
			return true
		}
	}
	return false
}

// words returns the lower-case words of s (runs of white space split).
func words(s string) []string {
	return strings.Fields(german.Lower(strings.TrimSpace(s)))
}

func sameStems(a, b []string) bool {
	if len(a) != len(b) || len(a) == 0 {
		return false
	}
	for i := range a {
		if !sameWord(a[i], b[i]) {
			return false
		}
	}
	return true
}

// sameWord compares two lower-case words by stem, a genitive s tolerated.
func sameWord(a, b string) bool {
	for _, x := range []string{a, genitive(a)} {
		for _, y := range []string{b, genitive(b)} {
			if german.Stem(x) == german.Stem(y) {
				return true
			}
		}
	}
	return false
}

// genitive returns w without a final genitive s, 's or ’s.
func genitive(w string) string {
	for _, suf := range []string{"’s", "'s", "s"} {
		if r, ok := strings.CutSuffix(w, suf); ok && r != "" {
			return r
		}
	}
	return w
}

// Page is the outcome on one page.
type Page struct {
	ID       string
	Proposed []string
	Matched  []int // for each proposed phrase the label it matched, or -1
	Labels   []Label
	Found    []bool // by label: matched by one of the first 10
}

// Report is the outcome on all pages.
type Report struct {
	Pages                   []Page
	P5, P10, R10, Ceiling10 float64
}

// Score matches the proposed phrases of every doc (best first) against its
// labels.
func Score(docs []Doc, propose func(d Doc) []string) Report {
	var r Report
	var hit5, hit10, labels, found, ceil int
	for _, d := range docs {
		p := Page{ID: d.ID, Proposed: propose(d), Labels: d.Keyphrases, Found: make([]bool, len(d.Keyphrases))}
		for i, ph := range p.Proposed {
			m := -1
			for j, l := range d.Keyphrases {
				if !p.Found[j] && Match(ph, l) {
					m = j
					break
				}
			}
			p.Matched = append(p.Matched, m)
			if m < 0 || i >= 10 {
				continue
			}
			p.Found[m] = true
			hit10++
			if i < 5 {
				hit5++
			}
		}
		for _, f := range p.Found {
			if f {
				found++
			}
		}
		labels += len(d.Keyphrases)
		ceil += min(len(d.Keyphrases), 10)
		r.Pages = append(r.Pages, p)
	}
	if n := len(docs); n > 0 {
		r.P5 = float64(hit5) / float64(5*n)
		r.P10 = float64(hit10) / float64(10*n)
		r.Ceiling10 = float64(ceil) / float64(10*n)
	}
	if labels > 0 {
		r.R10 = float64(found) / float64(labels)
	}
	return r
}

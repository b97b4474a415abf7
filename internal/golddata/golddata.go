package golddata

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"
)

// Themes lists the theme ids of the default taxonomy (DESIGN.md), in table order.
// A gold file may only use these ids.
var Themes = []string{
	"tech_sovereignty",
	"foreign_tech_dependence",
	"semiconductors",
	"export_controls",
	"state_intervention",
	"ai_compute",
	"geopolitical_rivalry",
	"supply_chain",
	"delays_setbacks",
}

// Types lists the entity types a gold mention may carry.
var Types = []string{"ORG", "PER", "LOC", "PRODUCT", "MISC"}

// ErrNoModule is returned by RepoRoot when no go.mod is found above the working
// directory.
var ErrNoModule = errors.New("golddata: no go.mod found above the working directory")

// Mention is one gold entity mention: the bytes [Start, End) of the article text
// that name the entity.
type Mention struct {
	// Start and End are byte offsets into Article.Text; Text == Article.Text[Start:End].
	Start int `json:"start"`
	End   int `json:"end"`
	// Text is the mention's surface, e.g. "Huawei" inside "Huawei-Chips".
	Text string `json:"text"`
	// Type is one of ORG, PER, LOC, PRODUCT, MISC.
	Type string `json:"type"`
	// ID is the canonical lower-case slug of the entity, e.g. "huawei" or "usa".
	ID string `json:"id"`
	// Derived marks adjective and demonym forms ("chinesische" -> china).
	Derived bool `json:"derived,omitempty"`
}

// Article is one corpus article with its gold annotation.
type Article struct {
	// Name is the file name without extension, e.g. "bundled-chips".
	Name string
	// Text is the article as stored in NAME.txt.
	Text string
	// Entities are all gold mentions, sorted by Start.
	Entities []Mention
	// Themes are the theme ids the article carries; empty for articles outside
	// the taxonomy (reviews, sports).
	Themes []string
}

// Page is one corpus page: an article wrapped in site boilerplate.
type Page struct {
	// Name is the file name without extension.
	Name string
	// Text is the page as stored in NAME.txt.
	Text string
	// BodyLines are the 1-based numbers of the non-blank lines that belong to the
	// article (headline, dateline paragraph, body paragraphs), ascending. Every
	// other non-blank line is boilerplate.
	BodyLines []int
}

// Lines splits the page text into lines as the line numbers of BodyLines count
// them (split on "\n", a trailing newline adds no extra line).
func (p Page) Lines() []string {
	return splitLines(p.Text)
}

// IsBody reports whether the 1-based line n is article body.
func (p Page) IsBody(n int) bool {
	_, ok := slices.BinarySearch(p.BodyLines, n)
	return ok
}

type articleGold struct {
	Entities []Mention `json:"entities"`
	Themes   []string  `json:"themes"`
}

type pageGold struct {
	BodyLines []int `json:"body_lines"`
}

// LoadArticles reads every NAME.txt in dir together with its NAME.json and
// validates the gold: each mention lies inside the text on rune boundaries,
// text[Start:End] == Text, the type is known, the id is non-empty, mentions do not
// overlap, and every theme id is one of Themes. The first problem found is returned
// as an error naming the file and the mention index. Articles are sorted by name.
func LoadArticles(dir string) ([]Article, error) {
	names, err := txtNames(dir)
	if err != nil {
		return nil, err
	}
	out := make([]Article, 0, len(names))
	for _, name := range names {
		a, err := loadArticle(dir, name)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

func loadArticle(dir, name string) (Article, error) {
	txt, err := os.ReadFile(filepath.Join(dir, name+".txt"))
	if err != nil {
		return Article{}, fmt.Errorf("golddata: %w", err)
	}
	jsonPath := filepath.Join(dir, name+".json")
	raw, err := os.ReadFile(jsonPath)
	if err != nil {
		return Article{}, fmt.Errorf("golddata: %w", err)
	}
	var g articleGold
	if err := json.Unmarshal(raw, &g); err != nil {
		return Article{}, fmt.Errorf("golddata: %s: %w", jsonPath, err)
	}
	text := string(txt)
	if !utf8.ValidString(text) {
		return Article{}, fmt.Errorf("golddata: %s.txt: invalid UTF-8", name)
	}
	sort.SliceStable(g.Entities, func(i, j int) bool { return g.Entities[i].Start < g.Entities[j].Start })
	prevEnd := 0
	for i, m := range g.Entities {
		if err := checkMention(text, m, prevEnd); err != nil {
			return Article{}, fmt.Errorf("golddata: %s mention %d (%q): %w", jsonPath, i, m.Text, err)
		}
		prevEnd = m.End
	}
	for _, t := range g.Themes {
		if !slices.Contains(Themes, t) {
			return Article{}, fmt.Errorf("golddata: %s: unknown theme %q", jsonPath, t)
		}
	}
	if g.Themes == nil {
		g.Themes = []string{}
	}
	return Article{Name: name, Text: text, Entities: g.Entities, Themes: g.Themes}, nil
}

func checkMention(text string, m Mention, prevEnd int) error {
	switch {
	case m.Start < 0 || m.End > len(text) || m.Start >= m.End:
		return fmt.Errorf("span [%d,%d) out of range (text has %d bytes)", m.Start, m.End, len(text))
	case !utf8.RuneStart(text[m.Start]) || (m.End < len(text) && !utf8.RuneStart(text[m.End])):
		return fmt.Errorf("span [%d,%d) not on rune boundaries", m.Start, m.End)
	case text[m.Start:m.End] != m.Text:
		return fmt.Errorf("text[%d:%d] is %q, want %q", m.Start, m.End, text[m.Start:m.End], m.Text)
	case !slices.Contains(Types, m.Type):
		return fmt.Errorf("unknown type %q", m.Type)
	case m.ID == "" || m.ID != strings.ToLower(m.ID) || strings.ContainsAny(m.ID, " _"):
		return fmt.Errorf("id %q is not a lower-case slug", m.ID)
	case m.Start < prevEnd:
		return fmt.Errorf("span [%d,%d) overlaps the previous mention", m.Start, m.End)
	}
	return nil
}

// LoadPages reads every NAME.txt in dir together with its NAME.json and validates
// that the body line numbers are ascending, within the page, and point at
// non-blank lines. Pages are sorted by name.
func LoadPages(dir string) ([]Page, error) {
	names, err := txtNames(dir)
	if err != nil {
		return nil, err
	}
	out := make([]Page, 0, len(names))
	for _, name := range names {
		txt, err := os.ReadFile(filepath.Join(dir, name+".txt"))
		if err != nil {
			return nil, fmt.Errorf("golddata: %w", err)
		}
		jsonPath := filepath.Join(dir, name+".json")
		raw, err := os.ReadFile(jsonPath)
		if err != nil {
			return nil, fmt.Errorf("golddata: %w", err)
		}
		var g pageGold
		if err := json.Unmarshal(raw, &g); err != nil {
			return nil, fmt.Errorf("golddata: %s: %w", jsonPath, err)
		}
		p := Page{Name: name, Text: string(txt), BodyLines: g.BodyLines}
		lines := p.Lines()
		for i, n := range p.BodyLines {
			switch {
			case n < 1 || n > len(lines):
				return nil, fmt.Errorf("golddata: %s body line %d: %d out of range (page has %d lines)", jsonPath, i, n, len(lines))
			case i > 0 && n <= p.BodyLines[i-1]:
				return nil, fmt.Errorf("golddata: %s body line %d: %d not ascending", jsonPath, i, n)
			case strings.TrimSpace(lines[n-1]) == "":
				return nil, fmt.Errorf("golddata: %s body line %d: line %d is blank", jsonPath, i, n)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// txtNames lists the base names of the .txt files in dir, sorted.
func txtNames(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("golddata: %w", err)
	}
	var names []string
	for _, e := range entries {
		if !e.IsDir() && strings.HasSuffix(e.Name(), ".txt") {
			names = append(names, strings.TrimSuffix(e.Name(), ".txt"))
		}
	}
	sort.Strings(names)
	return names, nil
}

func splitLines(s string) []string {
	s = strings.TrimSuffix(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// RepoRoot returns the nearest directory at or above the working directory that
// holds a go.mod file. From a package test this is the module root.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", fmt.Errorf("golddata: %w", err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrNoModule
		}
		dir = parent
	}
}

// TestdataDir returns the repository's testdata directory (RepoRoot()/testdata).
func TestdataDir() (string, error) {
	root, err := RepoRoot()
	if err != nil {
		return "", err
	}
	return filepath.Join(root, "testdata"), nil
}

// ArticlesDir returns TestdataDir()/articles.
func ArticlesDir() (string, error) {
	d, err := TestdataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "articles"), nil
}

// PagesDir returns TestdataDir()/pages.
func PagesDir() (string, error) {
	d, err := TestdataDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(d, "pages"), nil
}

// RepoArticles loads and validates the repository's own corpus,
// LoadArticles(ArticlesDir()). It is the usual call from a package test.
func RepoArticles() ([]Article, error) {
	dir, err := ArticlesDir()
	if err != nil {
		return nil, err
	}
	return LoadArticles(dir)
}

// RepoPages loads and validates the repository's own pages,
// LoadPages(PagesDir()).
func RepoPages() ([]Page, error) {
	dir, err := PagesDir()
	if err != nil {
		return nil, err
	}
	return LoadPages(dir)
}

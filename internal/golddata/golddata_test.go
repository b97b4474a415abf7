package golddata

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLoadArticles(t *testing.T) {
	arts, err := RepoArticles()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(arts), 16, "the corpus promises at least 16 articles")

	var noTheme, words int
	for _, a := range arts {
		t.Run(a.Name, func(t *testing.T) {
			n := len(strings.Fields(a.Text))
			words += n
			assert.GreaterOrEqual(t, n, 150, "words")
			assert.LessOrEqual(t, n, 600, "words")
			assert.NotEmpty(t, a.Entities)
			head, _, ok := strings.Cut(a.Text, "\n\n")
			assert.True(t, ok, "headline, blank line, paragraphs")
			assert.NotContains(t, head, "\n", "the headline is one line")
			for _, m := range a.Entities {
				assert.Equal(t, m.Text, a.Text[m.Start:m.End])
				assert.Equal(t, strings.TrimSpace(m.Text), m.Text, "no spaces at span edges")
			}
		})
		if len(a.Themes) == 0 {
			noTheme++
		}
	}
	assert.GreaterOrEqual(t, noTheme, 2, "articles outside the taxonomy")
	t.Logf("%d articles, %d words", len(arts), words)
}

func TestBundledArticle(t *testing.T) {
	dir, err := ArticlesDir()
	require.NoError(t, err)
	arts, err := LoadArticles(dir)
	require.NoError(t, err)
	i := slices.IndexFunc(arts, func(a Article) bool { return a.Name == "bundled-chips" })
	require.GreaterOrEqual(t, i, 0, "bundled-chips.txt is missing")
	a := arts[i]
	assert.Contains(t, a.Text, "(IT BOLTWISE) – ")
	assert.Contains(t, a.Themes, "tech_sovereignty")
	for _, m := range a.Entities {
		assert.NotEqual(t, "IT BOLTWISE", m.Text, "the dateline source is no entity")
	}
}

func TestLoadPages(t *testing.T) {
	pages, err := RepoPages()
	require.NoError(t, err)
	require.GreaterOrEqual(t, len(pages), 10)
	for _, p := range pages {
		t.Run(p.Name, func(t *testing.T) {
			lines := p.Lines()
			var body, boiler int
			for i, l := range lines {
				switch {
				case strings.TrimSpace(l) == "":
				case p.IsBody(i + 1):
					body++
				default:
					boiler++
				}
			}
			assert.Positive(t, body)
			assert.Positive(t, boiler)
			assert.True(t, utf8.ValidString(p.Text))
		})
	}
}

func TestValidation(t *testing.T) {
	tests := []struct {
		name, txt, json, wantErr string
	}{
		{"ok", "Huaweis Chips", `{"entities":[{"start":0,"end":6,"text":"Huawei","type":"ORG","id":"huawei"}],"themes":["semiconductors"]}`, ""},
		{"wrong text", "Huaweis Chips", `{"entities":[{"start":0,"end":7,"text":"Huawei","type":"ORG","id":"huawei"}],"themes":[]}`, "mention 0"},
		{"out of range", "Huawei", `{"entities":[{"start":0,"end":9,"text":"Huawei","type":"ORG","id":"huawei"}],"themes":[]}`, "out of range"},
		{"split rune", "Ärger", `{"entities":[{"start":1,"end":3,"text":"\u0084r","type":"ORG","id":"x"}],"themes":[]}`, "rune boundaries"},
		{"bad type", "Huawei", `{"entities":[{"start":0,"end":6,"text":"Huawei","type":"COMPANY","id":"huawei"}],"themes":[]}`, "unknown type"},
		{"bad id", "Huawei", `{"entities":[{"start":0,"end":6,"text":"Huawei","type":"ORG","id":"Huawei"}],"themes":[]}`, "slug"},
		{"overlap", "Jensen Huang", `{"entities":[{"start":0,"end":12,"text":"Jensen Huang","type":"PER","id":"jh"},{"start":7,"end":12,"text":"Huang","type":"PER","id":"jh"}],"themes":[]}`, "overlaps"},
		{"unknown theme", "Huawei", `{"entities":[],"themes":["football"]}`, "unknown theme"},
		{"bad json", "Huawei", `{"entities":`, "a.json"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte(tc.txt), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "a.json"), []byte(tc.json), 0o644))
			arts, err := LoadArticles(dir)
			if tc.wantErr == "" {
				require.NoError(t, err)
				require.Len(t, arts, 1)
				assert.Equal(t, "a", arts[0].Name)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
			assert.Contains(t, err.Error(), "a.json", "the error names the file")
		})
	}
}

func TestPageValidation(t *testing.T) {
	tests := []struct {
		name, txt, json, wantErr string
	}{
		{"ok", "Nav\n\nTitel\nText.\n", `{"body_lines":[3,4]}`, ""},
		{"blank", "Nav\n\nTitel\n", `{"body_lines":[2]}`, "blank"},
		{"range", "Nav\n", `{"body_lines":[2]}`, "out of range"},
		{"order", "a\nb\n", `{"body_lines":[2,1]}`, "ascending"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			require.NoError(t, os.WriteFile(filepath.Join(dir, "p.txt"), []byte(tc.txt), 0o644))
			require.NoError(t, os.WriteFile(filepath.Join(dir, "p.json"), []byte(tc.json), 0o644))
			pages, err := LoadPages(dir)
			if tc.wantErr == "" {
				require.NoError(t, err)
				require.Len(t, pages, 1)
				assert.True(t, pages[0].IsBody(3))
				assert.False(t, pages[0].IsBody(1))
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.wantErr)
		})
	}
}

func TestRepoRoot(t *testing.T) {
	root, err := RepoRoot()
	require.NoError(t, err)
	_, err = os.Stat(filepath.Join(root, "go.mod"))
	assert.NoError(t, err)
	_, err = LoadArticles(filepath.Join(root, "no-such-dir"))
	assert.Error(t, err)
}

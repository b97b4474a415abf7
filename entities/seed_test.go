package entities

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const seedPath = "../../shared/data/seed-article-deepseek-huawei.txt"

// seedArticle returns the article part of the seed page.
func seedArticle(t testing.TB) string {
	b, err := os.ReadFile(seedPath)
	if err != nil {
		t.Skip("seed article: " + seedPath + " not found")
	}
	text := string(b)
	i := strings.Index(text, "- Die besten Bücher rund um KI & Robotik!")
	require.Positive(t, i)
	return text[:i]
}

func TestSeedArticle(t *testing.T) {
	text := seedArticle(t)
	for _, cfg := range []struct {
		name string
		opts []Option
	}{{"without model", []Option{WithoutModel()}}, {"with model", nil}} {
		t.Run(cfg.name, func(t *testing.T) {
			r, err := New(cfg.opts...)
			require.NoError(t, err)
			ents := r.Recognize(text)
			got := map[string]Entity{}
			for _, e := range ents {
				got[e.ID] = e
			}
			want := map[string]Type{
				"deepseek": ORG, "huawei": ORG, "nvidia": ORG, "uc-berkeley": ORG,
				"deepseek-r2": PRODUCT, "huawei-ascend": PRODUCT, "ritwik-gupta": PER,
				"peking": LOC, "london": LOC, "china": LOC, "usa": LOC,
			}
			var ids []string
			for _, e := range ents {
				ids = append(ids, e.ID)
			}
			assert.Len(t, ents, len(want), "entities: %v", ids)
			for id, ty := range want {
				e, ok := got[id]
				if assert.True(t, ok, "missing %s", id) {
					assert.Equal(t, ty, e.Type, id)
				}
			}
			// every mention, with exact byte offsets
			mentions := []struct {
				id         string
				start, end int
				text, form string
				derived    bool
			}{
				{"peking", 0, 6, "PEKING", "PEKING", false},
				{"london", 9, 15, "LONDON", "LONDON", false},
				{"china", 38, 49, "chinesische", "chinesische", true},
				{"deepseek", 59, 67, "DeepSeek", "DeepSeek", false},
				{"deepseek-r2", 102, 104, "R2", "R2", false},
				{"huawei", 156, 162, "Huawei", "Huawei-Chips", false},
				{"china", 192, 203, "chinesische", "chinesische", true},
				{"deepseek", 213, 221, "DeepSeek", "DeepSeek", false},
				{"deepseek-r2", 299, 301, "R2", "R2", false},
				{"huawei", 414, 420, "Huawei", "Huawei-Chips", false},
				{"deepseek", 487, 495, "DeepSeek", "DeepSeek", false},
				{"china", 500, 512, "chinesischen", "chinesischen", true},
				{"huawei", 534, 540, "Huawei", "Huaweis", false},
				{"huawei-ascend", 542, 548, "Ascend", "Ascend-Prozessor", false},
				{"nvidia", 572, 578, "NVIDIA", "NVIDIA-Chips", false},
				{"huawei-ascend", 663, 669, "Ascend", "Ascend-Chips", false},
				{"huawei", 803, 809, "Huawei", "Huawei", false},
				{"deepseek", 824, 832, "DeepSeek", "DeepSeek", false},
				{"huawei-ascend", 1032, 1038, "Ascend", "Ascend-Chips", false},
				{"deepseek", 1060, 1068, "DeepSeek", "DeepSeek", false},
				{"nvidia", 1090, 1096, "NVIDIA", "NVIDIA-Technologie", false},
				{"usa", 1191, 1193, "US", "US-Technologie", false},
				{"china", 1294, 1299, "China", "Chinas", false},
				{"usa", 1358, 1361, "USA", "USA", false},
				{"china", 1409, 1420, "chinesische", "chinesische", true},
				{"usa", 1488, 1505, "US-amerikanischen", "US-amerikanischen", true},
				{"china", 1578, 1589, "chinesische", "chinesische", true},
				{"ritwik-gupta", 1723, 1735, "Ritwik Gupta", "Ritwik Gupta", false},
				{"uc-berkeley", 1744, 1765, "Universität Berkeley", "Universität Berkeley", false},
				{"huawei", 1798, 1804, "Huawei", "Huawei-Chips", false},
				{"deepseek", 1845, 1853, "DeepSeek", "DeepSeek", false},
				{"china", 2022, 2033, "chinesische", "chinesische", true},
				{"deepseek-r2", 2058, 2060, "R2", "R2", false},
				{"deepseek", 2161, 2169, "DeepSeek", "DeepSeek", false},
			}
			count := map[string]int{}
			for _, w := range mentions {
				count[w.id]++
				require.Equal(t, w.text, text[w.start:w.end], "table offsets")
				found := false
				for _, mm := range got[w.id].Mentions {
					if mm.Start == w.start {
						found = true
						assert.Equal(t, w.end, mm.End, "%s at %d", w.id, w.start)
						assert.Equal(t, w.text, mm.Text)
						assert.Equal(t, w.form, mm.Form)
						assert.Equal(t, w.derived, mm.Derived, "%s at %d", w.id, w.start)
					}
				}
				assert.True(t, found, "%s: no mention %q at %d", w.id, w.text, w.start)
			}
			for id, n := range count {
				assert.Len(t, got[id].Mentions, n, id)
			}
			// sorted by salience, then id
			for i := 1; i < len(ents); i++ {
				a, b := ents[i-1], ents[i]
				assert.True(t, a.Salience > b.Salience || a.Salience == b.Salience && a.ID < b.ID, "order %s %s", a.ID, b.ID)
			}
			assert.Equal(t, "deepseek", ents[0].ID)
			assert.Equal(t, "Q160120", got["huawei"].Wikidata)
			assert.Equal(t, "huawei", got["huawei-ascend"].Parent)
			assert.Equal(t, SourceRule, got["ritwik-gupta"].Source)
		})
	}
}

package bundled

import (
	"os"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestArticle(t *testing.T) {
	a := Article()
	assert.Greater(t, len(a), 1000, "the showcase article should be a full article")
	assert.True(t, utf8.ValidString(a))
	assert.Contains(t, a, "(IT BOLTWISE) –", "the article opens with a dateline")
}

// TestSameAsTestdata keeps the embedded copy equal to the team's article in testdata.
func TestSameAsTestdata(t *testing.T) {
	const path = "../../../testdata/articles/" + Name
	b, err := os.ReadFile(path)
	if os.IsNotExist(err) {
		t.Skipf("bundled: %s not found", path)
	}
	require.NoError(t, err)
	assert.Equal(t, string(b), Article(), "examples/internal/bundled/article.txt differs from %s: copy it again", path)
}

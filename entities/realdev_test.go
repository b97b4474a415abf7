package entities_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/techschau/techschau/entities"
	"github.com/techschau/techschau/internal/entityeval"
	"github.com/techschau/techschau/internal/golddata"
)

// Floors of the document-level figures on the team's real labels
// (testdata/real/entities.*.jsonl); `go run ./internal/cmd/evalents` prints
// the figures with cross-validation and the errors by kind.
const (
	realF1Floor      = 0.90
	realTypedF1Floor = 0.89
)

// TestRealEntities scores the default recogniser on the team's labels of real
// news (document level, see internal/entityeval) and asserts the floors.
func TestRealEntities(t *testing.T) {
	root, err := golddata.RepoRoot()
	require.NoError(t, err)
	data := filepath.Join(root, "..", "shared", "data")
	if _, err := os.Stat(filepath.Join(data, entityeval.GNADDev)); err != nil {
		t.Skip("real entity labels: " + filepath.Join(data, entityeval.GNADDev) + " not found")
	}
	docs, err := entityeval.LoadRepoLabels(root)
	require.NoError(t, err)
	docs, stale, err := entityeval.AttachTexts(data, docs)
	if errors.Is(err, os.ErrNotExist) {
		t.Skip("real entity labels: " + err.Error())
	}
	require.NoError(t, err)
	require.NotEmpty(t, docs)
	if len(stale) > 0 {
		t.Logf("skipped %d labelled texts whose text changed: %s", len(stale), strings.Join(stale, " "))
	}
	set, err := entityeval.Prepare(docs, func(s string) bool { return s == "news-pages" })
	require.NoError(t, err)
	link, err := entityeval.NewLexiconLinker(nil)
	require.NoError(t, err)
	r, err := entities.New()
	require.NoError(t, err)
	totals := set.Total(set.ScoreAll(r, link), nil)
	var sb strings.Builder
	entityeval.WriteSummary(&sb, totals)
	t.Logf("document-level figures:\n%s", sb.String())
	all := totals["all"]
	assert.GreaterOrEqual(t, all.Untyped.F1(), realF1Floor, "document-level F1")
	assert.GreaterOrEqual(t, all.Typed.F1(), realTypedF1Floor, "typed F1")
}

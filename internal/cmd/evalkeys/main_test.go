package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	labelsPath = "../../../testdata/real/keyphrases.jsonl"
	pagesPath  = "../../../../shared/data/news-pages/pages.jsonl"
)

func TestRunMissing(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run(&out, "does-not-exist.jsonl", pagesPath, false))
	if _, err := os.Stat(labelsPath); err == nil {
		assert.Error(t, run(&out, labelsPath, "does-not-exist.jsonl", false))
	}
}

func TestRunLabels(t *testing.T) {
	if _, err := os.Stat(pagesPath); err != nil {
		t.Skipf("news pages: %s not found", pagesPath)
	}
	if _, err := os.Stat(labelsPath); err != nil {
		t.Skipf("labels: %s not found", labelsPath)
	}
	var out bytes.Buffer
	require.NoError(t, run(&out, labelsPath, pagesPath, true))
	assert.Contains(t, out.String(), "P@5")
	assert.Contains(t, out.String(), "missed:")
}

package main

import (
	"bytes"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const devPath = "../../../../shared/data/10kgnad/dev.csv"

func TestRunMissingFile(t *testing.T) {
	var out bytes.Buffer
	assert.Error(t, run(&out, config{data: "does-not-exist.csv", folds: 2, inner: 2, alphas: []float64{1}, rs: []float64{30}}))
	assert.Error(t, run(&out, config{data: devPath, folds: 1}))
}

func TestFloats(t *testing.T) {
	f, err := floats("0.1, 1,30")
	require.NoError(t, err)
	assert.Equal(t, []float64{0.1, 1, 30}, f)
	_, err = floats("1,x")
	assert.Error(t, err)
	_, err = floats("0")
	assert.Error(t, err)
}

func TestRunDev(t *testing.T) {
	if testing.Short() {
		t.Skip("short mode")
	}
	if _, err := os.Stat(devPath); err != nil {
		t.Skipf("10kGNAD: %s not found", devPath)
	}
	var out bytes.Buffer
	require.NoError(t, run(&out, config{data: devPath, folds: 2, inner: 2, boot: 50, seed: 1, alphas: []float64{1}, rs: []float64{30}, headline: defaultHeadline, positions: 10, maxSize: 3}))
	assert.Contains(t, out.String(), "techschau (CV)")
	assert.Contains(t, out.String(), "TextRank")
}

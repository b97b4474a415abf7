package main

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const devPath = "../../../../shared/data/10kgnad/dev.csv"

func TestRunMissingFile(t *testing.T) {
	assert.Error(t, run("does-not-exist.csv", true, 1))
}

func TestSystems(t *testing.T) {
	sys, err := Systems(1)
	require.NoError(t, err)
	require.Len(t, sys, 3)
	assert.Equal(t, "techschau", sys[0].Name)
}

func TestRunDev(t *testing.T) {
	if _, err := os.Stat(devPath); err != nil {
		t.Skipf("10kGNAD: %s not found", devPath)
	}
	require.NoError(t, run(devPath, true, 1))
}

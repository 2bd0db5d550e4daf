//go:build race

package workbook

// raceSlowdown is how much slower the race detector makes the reading:
// the time limit of the hostile files is scaled by it (their memory limit
// is not).
const raceSlowdown = 10

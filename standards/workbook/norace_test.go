//go:build !race

package workbook

// raceSlowdown is 1 without the race detector: the hostile files' time
// limit holds as it is.
const raceSlowdown = 1

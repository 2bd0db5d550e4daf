package attribution_test

import (
	"fmt"
	"math/big"

	"github.com/caili/caili/internal/attribution"
)

// The glove game: player 0 holds a left glove, players 1 and 2 right
// gloves, and a pair is worth 1. The left glove is worth 2/3.
func ExampleShapley() {
	g, err := attribution.Shapley(3, func(c attribution.Coalition) ([]*big.Int, error) {
		if c.Has(0) && (c.Has(1) || c.Has(2)) {
			return []*big.Int{big.NewInt(1)}, nil
		}
		return []*big.Int{big.NewInt(0)}, nil
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, phi := range g.Phi {
		fmt.Printf("player %d: %s\n", i, phi[0].RatString())
	}
	// Output:
	// player 0: 2/3
	// player 1: 1/6
	// player 2: 1/6
}

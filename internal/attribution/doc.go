// Package attribution splits a change of allocations over its causes,
// exactly, by Shapley value (变化归因).
//
// A comparison has a base (the plan as written, or last year's plan) and a
// new side (a what-if, or this year's plan). The differences between them
// are the players: the overrides of a what-if, or groups of differences
// between two plan documents. Evaluating a coalition means building the
// plan with the new values of the coalition's players and the base values
// of the rest, and evaluating it without lines. A player's Shapley value
// is its marginal effect averaged over every order in which the players
// could have been applied one after another; the values of all players sum
// exactly to the change (efficiency), which the package checks on every
// attribution.
//
// Shapley is the pure core over a function from coalitions to integer
// vectors; it computes all 2^k coalitions exactly (math/big), for at most
// MaxPlayers players. Overrides and Plans build the game from a plan
// document and overrides, or from two plans; with more than MaxPlayers
// differences they attribute to the four groups instead: capacity
// (财力总额), standards (标准调整), sub-district data (数据变化) and ratings
// (绩效评级).
package attribution

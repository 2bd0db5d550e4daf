module github.com/caili/caili

go 1.26.8

require github.com/shopspring/decimal v1.6.0

require (
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/clipperhouse/uax29/v2 v2.2.0 // indirect
	github.com/mattn/go-runewidth v0.0.31 // indirect
)

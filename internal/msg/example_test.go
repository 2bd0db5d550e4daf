package msg_test

import (
	"fmt"

	"github.com/caili/caili/internal/msg"
)

func ExampleMessage_In() {
	m := msg.Negative
	fmt.Println(m.In(msg.Zh, "-3"))
	fmt.Println(m.In(msg.En, "-3"))
	// Output:
	// 不能为负数（实为 -3）
	// must not be negative (got -3)
}

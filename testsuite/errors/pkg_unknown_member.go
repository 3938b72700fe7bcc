package main

import (
	"errors"
	"fmt"
	"os"
)

func main() {
	fmt.println("x")
	_ = errors.Foo
	fmt.errorf("x")
	os.Exitt(1)
	var s fmt.Stringr
	_ = s
}

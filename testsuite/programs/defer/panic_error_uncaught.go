package main

import (
	"errors"
	"fmt"
)

func main() {
	err := errors.New("disk on fire")
	defer fmt.Println("deferred before the panic")
	panic(fmt.Errorf("wrapped: %v (code %d)", err, 17))
}

package main

import (
	"errors"
	"fmt"
)

func main() {
	defer func() {
		panic(errors.New("third"))
	}()
	defer func() {
		fmt.Println("recovering", recover())
		panic(fmt.Sprintf("second %d", 2))
	}()
	defer func() {
		panic(1)
	}()
	panic("first")
}

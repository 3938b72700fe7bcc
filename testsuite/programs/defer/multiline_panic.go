package main

import "fmt"

func main() {
	fmt.Println("printing before a multi-line panic")
	defer func() {
		panic("deferred\nsecond message\n\tindented")
	}()
	panic("line one\nline two\nline three")
}

package main

import "fmt"

func validate(n int) {
	if n > 3 {
		panic("value too large")
	}
	fmt.Println("valid", n)
}

func main() {
	for i := 0; i < 10; i++ {
		validate(i)
	}
}

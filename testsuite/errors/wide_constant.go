package main

import "fmt"

func main() {
	const big = 1 << 200 >> 195
	fmt.Println(big)
}
